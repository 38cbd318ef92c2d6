using System.ComponentModel;
using System.Globalization;
using Casus.Reading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Cli.Commands;

/// <summary>Settings shared by the commands that read documents.</summary>
public class InputSettings : CommandSettings
{
    /// <summary>What a lone "-" on the command line is passed as, since the parser would take it for an option.</summary>
    internal const string StdinAlias = "@stdin";

    /// <summary>Files, directories, or '-' for standard input, as given on the command line.</summary>
    [CommandArgument(0, "<INPUT>")]
    [Description("Files (.txt, .jsonl/.ndjson, .html/.htm, .conllu), directories (recursive), or - for stdin.")]
    public string[] RawInputs { get; init; } = [];

    /// <summary>The inputs, with "-" meaning standard input.</summary>
    public string[] Inputs => [.. RawInputs.Select(i => i == StdinAlias ? "-" : i)];

    /// <summary>Date for documents without one.</summary>
    [CommandOption("--date <DATE>")]
    [Description("ISO date (YYYY-MM-DD) for documents that carry none.")]
    public string? Date { get; init; }

    /// <summary>Parallelism.</summary>
    [CommandOption("--threads <N>")]
    [Description("Worker threads (default: all cores).")]
    public int? Threads { get; init; }

    /// <summary>Write output here instead of stdout.</summary>
    [CommandOption("-o|--out <FILE>")]
    [Description("Write output to FILE instead of standard output.")]
    public string? Out { get; init; }

    /// <summary>Models directory overriding the embedded models.</summary>
    [CommandOption("--models <DIR>")]
    [Description("Load tagger, lemmatizer and parser models from DIR instead of the built-in ones.")]
    public string? Models { get; init; }

    /// <summary>The parsed <see cref="Date"/>.</summary>
    public DateOnly? DefaultDate =>
        Date is null ? null : DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Inputs.Length == 0)
        {
            return ValidationResult.Error("no input: name files, directories, or - for stdin");
        }
        if (Date is not null && !DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return ValidationResult.Error($"--date '{Date}' is not an ISO date (YYYY-MM-DD)");
        }
        if (Threads is < 1)
        {
            return ValidationResult.Error("--threads must be at least 1");
        }
        if (Models is not null && !Directory.Exists(Models))
        {
            return ValidationResult.Error($"--models '{Models}': no such directory");
        }
        return ValidationResult.Success();
    }

    /// <summary>Reader options for these settings.</summary>
    public ReaderOptions ReaderOptions(string? format) => new()
    {
        DefaultDate = DefaultDate,
        Format = format,
        Stdin = Console.In,
    };
}
