using System.ComponentModel;
using Casus.Events.Coding;
using Casus.Places;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Cli.Commands;

/// <summary>Options of the commands that code events (<c>code</c>, <c>ingest</c>, <c>quotes</c>): user dictionaries and gazetteer.</summary>
public class CodingSettings : InputSettings
{
    /// <summary>User actor dictionaries.</summary>
    [CommandOption("--dict <DIR>")]
    [Description("Directory of actor dictionary files layered on top of the built-in ones (same file names and format).")]
    public string? Dict { get; init; }

    /// <summary>User gazetteer layer.</summary>
    [CommandOption("--gazetteer <FILE>")]
    [Description("A gazetteer layer made by 'casus places import', put on top of the shipped gazetteer.")]
    public string? Gazetteer { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Dict is not null && !Directory.Exists(Dict))
        {
            return ValidationResult.Error($"--dict '{Dict}': no such directory");
        }
        if (Gazetteer is not null && !File.Exists(Gazetteer))
        {
            return ValidationResult.Error($"--gazetteer '{Gazetteer}': no such file");
        }
        return base.Validate();
    }

    /// <summary>The coding pipeline these settings ask for.</summary>
    internal CodingPipeline LoadPipeline()
    {
        var gazetteer = Gazetteer is null ? null : Places.Gazetteer.LoadDefault().WithLayer(Places.Gazetteer.Load(Gazetteer));
        return CodingPipeline.Load(Cli.Models.Load(Models), Dict, CodeCommand.CoderVersion(), gazetteer);
    }
}
