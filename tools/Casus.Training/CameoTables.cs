using System.Globalization;
using System.Text;

namespace Casus.Training;

/// <summary>
/// <c>casus-train cameo-table</c>: writes Casus's CAMEO code table (<c>dictionaries/cameo/codes.txt</c>) in Casus's own
/// format from the public GDELT CAMEO lookup (codes, names, Goldstein scores, quad classes) and PLOVER's
/// CAMEO2PLOVER table. The output depends only on the two input texts, so regenerating gives the same bytes; a test
/// in Casus.Events.Tests checks that the committed table is exactly what this produces.
/// </summary>
internal static class CameoTables
{
    /// <summary>The command that regenerates the shipped table, run from the repository root; quoted in its header.</summary>
    internal const string Command =
        "dotnet run --project tools/Casus.Training -- cameo-table"
        + " --cameo ../shared/data/cameo/cameo_eventcodes.tsv"
        + " --plover ../shared/data/plover/CAMEO2PLOVER-2021.txt"
        + " --out dictionaries/cameo/codes.txt";

    /// <summary>
    /// GDELT's names for these five codes do not match the CAMEO manual, whose meaning the leaf codes under them
    /// (1011-1014, 1051-1056), PLOVER's table and Casus's event dictionaries follow (dictionaries/events/README.md §7).
    /// The manual's names replace GDELT's. Goldstein and quad class are per code and the same (-5.0, 3) for all of
    /// 100-108, so no score changes.
    /// </summary>
    private static readonly (string Code, string Name)[] ManualNames =
    [
        ("101", "Demand material cooperation"),
        ("105", "Demand that target yields"),
        ("106", "Demand meeting, negotiation"),
        ("107", "Demand settling of dispute"),
        ("108", "Demand mediation"),
    ];

    private static readonly string[] CameoColumns = ["code", "root", "parent", "level", "name", "goldstein", "quad_class"];

    /// <summary>Runs the command: <c>--cameo FILE --plover FILE --out FILE</c>.</summary>
    /// <param name="options">The command-line options, keys without <c>--</c>.</param>
    /// <returns>The exit code.</returns>
    /// <exception cref="KeyNotFoundException">A required option is missing.</exception>
    /// <exception cref="InvalidDataException">An input file is malformed; the message names the file and line.</exception>
    public static int Run(Dictionary<string, string> options)
    {
        string cameo = Need(options, "cameo");
        string plover = Need(options, "plover");
        string output = Need(options, "out");
        string table = Generate(File.ReadAllText(cameo), cameo, File.ReadAllText(plover), plover);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(output, table, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        int codes = table.Split('\n').Count(l => l.Length > 0 && char.IsAsciiDigit(l[0]));
        Console.Error.WriteLine($"casus-train: wrote {codes} CAMEO codes to {output}");
        return 0;
    }

    /// <summary>Builds the table text (LF line endings) from the contents of the two public tables.</summary>
    /// <param name="cameoText">GDELT CAMEO event codes, tab-separated with a header row.</param>
    /// <param name="cameoFile">Name of that file, for messages.</param>
    /// <param name="ploverText">PLOVER's CAMEO2PLOVER table.</param>
    /// <param name="ploverFile">Name of that file, for messages.</param>
    /// <returns>The text of <c>codes.txt</c>.</returns>
    /// <exception cref="InvalidDataException">An input is malformed; the message names the file and line.</exception>
    internal static string Generate(string cameoText, string cameoFile, string ploverText, string ploverFile)
    {
        List<CameoRow> rows = ReadCameo(cameoText, cameoFile);
        var known = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        Dictionary<string, PloverMapping> plover = ReadPlover(ploverText, ploverFile);

        var inherited = new List<string>();
        var unmapped = new List<string>();
        var lines = new List<string>();
        foreach (CameoRow row in rows.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            if (row.Code.Length == 2 && lines.Count > 0)
            {
                lines.Add("");
            }

            PloverMapping? mapping = Resolve(row.Code, plover, out bool own);
            if (mapping is null)
            {
                unmapped.Add(row.Code);
            }
            else if (!own)
            {
                inherited.Add(row.Code);
            }

            string name = ManualNames.FirstOrDefault(m => m.Code == row.Code).Name ?? row.Name;
            lines.Add(string.Join(" | ",
                row.Code,
                row.Goldstein.ToString("0.0###", CultureInfo.InvariantCulture),
                row.QuadClass.ToString(CultureInfo.InvariantCulture),
                mapping?.Event ?? "",
                mapping?.Mode ?? "",
                mapping?.Context ?? "",
                name));
        }

        var unused = plover.Keys.Where(c => !known.Contains(c)).Order(StringComparer.Ordinal).ToList();

        // A code resolves whenever its root does, so the unmapped codes are whole root families.
        var unmappedRoots = unmapped.Where(c => c.Length == 2).ToList();
        return Header(rows.Count, unmappedRoots, inherited, unused) + string.Join("\n", lines) + "\n";
    }

    private static string Header(int count, List<string> unmappedRoots, List<string> inherited, List<string> unused)
    {
        string None(List<string> codes) => codes.Count == 0 ? "none" : string.Join(", ", codes);
        return $"""
            # CAMEO event codes with Goldstein scores, quad classes and their PLOVER event type, mode and context.
            # Generated by casus-train; do not edit by hand. To regenerate, from the repository root (the shared data
            # directory sits beside it):
            #   {Command}
            #
            # Sources:
            # - Codes, names, Goldstein scores, quad classes: GDELT's CAMEO lookup tables (CAMEO.eventcodes.txt,
            #   CAMEO.goldsteinscale.txt). CAMEO: Schrodt, P. A. (2012), CAMEO Conflict and Mediation Event
            #   Observations Event and Actor Codebook, version 1.1b3. Goldstein (1992) scale, -10 to +10.
            # - PLOVER columns: the CAMEO2PLOVER table of the PLOVER manual, Draft 0.8, 17 September 2021, edited by
            #   Philip A. Schrodt (github.com/openeventdata/PLOVER), licensed CC BY-SA 4.0. The PLOVER columns here are
            #   adapted from it and are shared under CC BY-SA 4.0.
            #
            # Format, one code per line ({count} codes, in code order):
            #   code | goldstein | quad class | PLOVER event type | PLOVER mode | PLOVER context | name
            # Fields are separated by " | "; an empty field means there is no value. Quad class: 1 verbal cooperation,
            # 2 material cooperation, 3 verbal conflict, 4 material conflict. Several contexts are joined by ";".
            #
            # How the columns were made:
            # - Names are GDELT's, except 101 and 105-108, which carry the CAMEO manual's names: GDELT names them
            #   after other codes, while the leaves under them, PLOVER and dictionaries/events (README §7) follow the
            #   manual. Their Goldstein score and quad class (-5.0, 3) are the same either way.
            # - A code's PLOVER mapping is its own line in the PLOVER table; a code with no line there inherits the
            #   mapping of its parent (4-digit from 3-digit, 3-digit from the 2-digit root). Inherited here: {None(inherited)}.
            # - PLOVER drops CAMEO roots {None(unmappedRoots)} (public statements, appeals): those codes have empty
            #   PLOVER fields.
            # - Modes and contexts are as published, trimmed, including a few values the 2021 manual does not list
            #   (085 "ease", 175 mode "pro_autocracy").
            # - The PLOVER table lists root 08 twice (CONCEDE, then RETREAT: YIELD was split); the root keeps the
            #   first, CONCEDE, as 080 does. Every 08x code has its own line.
            # - PLOVER lines for codes not in the GDELT table are not used: {None(unused)}.

            """;
    }

    /// <summary>The code's own mapping, else the nearest ancestor's (ancestors are the code's prefixes).</summary>
    private static PloverMapping? Resolve(string code, Dictionary<string, PloverMapping> mappings, out bool own)
    {
        own = true;
        for (string c = code; c.Length >= 2; c = c[..^1])
        {
            if (mappings.TryGetValue(c, out PloverMapping? mapping))
            {
                return mapping;
            }

            own = false;
        }

        return null;
    }

    private static List<CameoRow> ReadCameo(string text, string file)
    {
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        string[] header = lines[0].Split('\t');
        int[] column = new int[CameoColumns.Length];
        for (int i = 0; i < CameoColumns.Length; i++)
        {
            column[i] = Array.IndexOf(header, CameoColumns[i]);
            if (column[i] < 0)
            {
                throw new InvalidDataException($"{file}:1: no '{CameoColumns[i]}' column in the header");
            }
        }

        var rows = new List<CameoRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            string where = $"{file}:{i + 1}";
            string[] f = lines[i].Split('\t');
            if (f.Length != header.Length)
            {
                throw new InvalidDataException($"{where}: {f.Length} fields, the header has {header.Length}");
            }

            string code = f[column[0]];
            if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit) || int.Parse(code[..2], CultureInfo.InvariantCulture) is < 1 or > 20)
            {
                throw new InvalidDataException($"{where}: '{code}' is not a CAMEO event code");
            }

            if (f[column[1]] != code[..2] || (code.Length > 2 && f[column[2]] != code[..^1]))
            {
                throw new InvalidDataException($"{where}: root '{f[column[1]]}' or parent '{f[column[2]]}' does not match code {code}");
            }

            if (!seen.Add(code))
            {
                throw new InvalidDataException($"{where}: code {code} repeated");
            }

            string name = f[column[4]].Trim();
            if (name.Length == 0 || name.Contains('|', StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{where}: name '{name}' is empty or contains '|'");
            }

            if (!double.TryParse(f[column[5]], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double goldstein)
                || goldstein is < -10 or > 10)
            {
                throw new InvalidDataException($"{where}: Goldstein score '{f[column[5]]}' is not a number from -10 to 10");
            }

            if (!int.TryParse(f[column[6]], NumberStyles.None, CultureInfo.InvariantCulture, out int quad) || quad is < 1 or > 4)
            {
                throw new InvalidDataException($"{where}: quad class '{f[column[6]]}' is not 1-4");
            }

            rows.Add(new CameoRow(code, name, goldstein, quad));
        }

        CameoRow? orphan = rows.FirstOrDefault(r => r.Code.Length > 2 && !seen.Contains(r.Code[..^1]));
        if (orphan is not null)
        {
            throw new InvalidDataException($"{file}: code {orphan.Code} has no parent {orphan.Code[..^1]}");
        }

        return rows;
    }

    /// <summary>
    /// Reads CAMEO2PLOVER: <c>CODE: EVENT[, MODE[, CONTEXT]] [# comment]</c>, fields padded with any number of spaces,
    /// several contexts separated by ';'. <c>NN: EVENT</c> lines head the blocks and give the root's mapping; blocks
    /// also hold codes of other roots (191 under 17, 201 under 18), so a line's own code is what counts. A line of
    /// '~' ends the table.
    /// </summary>
    private static Dictionary<string, PloverMapping> ReadPlover(string text, string file)
    {
        var mappings = new Dictionary<string, PloverMapping>(StringComparer.Ordinal);
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string where = $"{file}:{i + 1}";
            int hash = lines[i].IndexOf('#', StringComparison.Ordinal);
            string line = (hash < 0 ? lines[i] : lines[i][..hash]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.All(c => c == '~'))
            {
                break;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string code = colon < 0 ? "" : line[..colon].Trim();
            if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit))
            {
                throw new InvalidDataException($"{where}: expected 'CODE: EVENT, MODE, CONTEXT', got '{line}'");
            }

            string[] fields = line[(colon + 1)..].Split(',');
            string eventType = fields[0].Trim();
            if (fields.Length > 3 || eventType.Length == 0 || !eventType.All(char.IsAsciiLetterUpper))
            {
                throw new InvalidDataException($"{where}: expected 'CODE: EVENT, MODE, CONTEXT' with an upper-case event type, got '{line}'");
            }

            string mode = fields.Length > 1 ? fields[1].Trim() : "";
            string context = fields.Length > 2
                ? string.Join(';', fields[2].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                : "";
            foreach (string value in (string[])[mode, .. context.Split(';', StringSplitOptions.RemoveEmptyEntries)])
            {
                if (!value.All(c => char.IsAsciiLetterLower(c) || c is '_' or '-'))
                {
                    throw new InvalidDataException($"{where}: mode or context '{value}' is not a lower-case word");
                }
            }

            var mapping = new PloverMapping(eventType, mode, context);
            if (mappings.TryGetValue(code, out PloverMapping? earlier))
            {
                // A repeated block header (08 CONCEDE, then 08 RETREAT) keeps its first mapping; a repeated code line
                // must say the same thing (175 is listed twice, identically).
                if (earlier != mapping && code.Length > 2)
                {
                    throw new InvalidDataException($"{where}: code {code} mapped again, differently ({earlier} before)");
                }

                continue;
            }

            mappings.Add(code, mapping);
        }

        return mappings;
    }

    private static string Need(Dictionary<string, string> options, string key) =>
        options.TryGetValue(key, out string? value) ? value : throw new KeyNotFoundException($"--{key} is required");

    private sealed record CameoRow(string Code, string Name, double Goldstein, int QuadClass);

    private sealed record PloverMapping(string Event, string Mode, string Context);
}
