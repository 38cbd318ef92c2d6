using System.ComponentModel;
using Casus.Places;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Cli.Commands;

/// <summary>
/// <c>casus places import</c>: compiles a full GeoNames dump (<c>allCountries.txt</c> format, with optional
/// <c>admin1CodesASCII.txt</c> and <c>countryInfo.txt</c>) into a gazetteer layer that <c>code</c> and <c>ingest</c>
/// put on top of the shipped one with <c>--gazetteer FILE</c>.
/// </summary>
public sealed class PlacesImportCommand : Command<PlacesImportCommand.Settings>
{
    /// <summary>Settings of <c>casus places import</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>GeoNames places file.</summary>
        [CommandArgument(0, "<GEONAMES>")]
        [Description("GeoNames places in the allCountries.txt format (tab-separated, 19 columns).")]
        public string Places { get; init; } = "";

        /// <summary>Admin1 names.</summary>
        [CommandOption("--admin1 <FILE>")]
        [Description("GeoNames admin1CodesASCII.txt, for region names.")]
        public string? Admin1 { get; init; }

        /// <summary>Country info.</summary>
        [CommandOption("--country-info <FILE>")]
        [Description("GeoNames countryInfo.txt, for ISO alpha-3 codes of countries the shipped gazetteer lacks.")]
        public string? CountryInfo { get; init; }

        /// <summary>Output gazetteer.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("The compiled gazetteer layer to write (default: user.gaz).")]
        public string Out { get; init; } = "user.gaz";

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            foreach (var (name, path) in new[] { ("GEONAMES", (string?)Places), ("--admin1", Admin1), ("--country-info", CountryInfo) })
            {
                if (path is not null && !File.Exists(path))
                {
                    return ValidationResult.Error($"{name} '{path}': no such file");
                }
            }
            return base.Validate();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new Diagnostics();
        var summary = GazetteerCompiler.ImportGeoNames(settings.Places, settings.Admin1, settings.CountryInfo, Gazetteer.LoadDefault(), settings.Out);
        diagnostics.Info($"casus places import: {summary}; use it with --gazetteer {settings.Out}");
        return ExitCodes.Ok;
    }
}
