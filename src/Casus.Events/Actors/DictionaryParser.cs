using System.Globalization;
using System.Text.RegularExpressions;

namespace Casus.Events.Actors;

/// <summary>
/// Parses the three file formats of <c>dictionaries/actors/README.md</c> (block, line, and <c>leaders.txt</c>) into
/// raw entries, collecting every error with its file and line instead of stopping at the first.
/// </summary>
internal static partial class DictionaryParser
{
    [GeneratedRegex(@"^\[([A-Z0-9]{3,15})\] (\S.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlockHeader();

    [GeneratedRegex(@"^ +([a-z][a-z0-9-]*): ?(.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^\[([^\[\]]*\S[^\[\]]*)\]$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PersonHeader();

    [GeneratedRegex(@"^ +aliases: ?(.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AliasLine();

    [GeneratedRegex(@"^ +(\S+) +(\S*)\.\.(\S*)(?: +(.*))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpellLine();

    [GeneratedRegex(@"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^implies ([A-Z]{3})\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Implies();

    /// <summary>Keys that hold one value.</summary>
    private static readonly string[] SingleKeys = ["iso2", "cameo", "parent", "type", "country", "sector", "group"];

    /// <summary>Parses a block file (<c>countries international groups regions</c>).</summary>
    public static List<RawBlock> ParseBlocks(DictionaryFile file, ActorDictionarySource source, List<ActorDictionaryError> errors)
    {
        var blocks = new List<RawBlock>();
        RawBlock? block = null;
        int lineNumber = 0;
        foreach (string rawLine in Lines(source.Text))
        {
            lineNumber++;
            if (!TryClean(rawLine, source, lineNumber, errors, out string line, out _))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                Match header = BlockHeader().Match(line);
                if (!header.Success)
                {
                    Error(errors, source, lineNumber, $"bad header \"{line}\": expected [CODE] Canonical Name, CODE 3-15 of A-Z 0-9");
                    block = null;
                    continue;
                }

                block = new RawBlock
                {
                    File = file,
                    Source = source.DisplayName,
                    Line = lineNumber,
                    Header = header.Groups[1].Value,
                    CanonicalName = header.Groups[2].Value.Trim(),
                };
                blocks.Add(block);
                continue;
            }

            Match key = KeyLine().Match(line);
            if (!key.Success)
            {
                Error(errors, source, lineNumber, $"not a header, key line or comment: \"{line.Trim()}\"");
                continue;
            }

            if (block is null)
            {
                Error(errors, source, lineNumber, "key line before the first block header");
                continue;
            }

            ParseKey(file, block, key.Groups[1].Value, key.Groups[2].Value, source, lineNumber, errors);
        }

        return blocks;
    }

    /// <summary>Parses <c>sectors.txt</c>: <c>phrase | SECTOR | optional note</c>.</summary>
    public static List<RawSector> ParseSectors(ActorDictionarySource source, List<ActorDictionaryError> errors)
    {
        var sectors = new List<RawSector>();
        int lineNumber = 0;
        foreach (string rawLine in Lines(source.Text))
        {
            lineNumber++;
            if (!TryClean(rawLine, source, lineNumber, errors, out string line, out _))
            {
                continue;
            }

            string[] fields = line.Split('|');
            if (fields.Length is < 2 or > 3)
            {
                Error(errors, source, lineNumber, $"expected \"phrase | SECTOR | optional note\", found {fields.Length} field(s)");
                continue;
            }

            string phrase = fields[0].Trim();
            string sector = fields[1].Trim();
            string note = fields.Length == 3 ? fields[2].Trim() : "";
            int sectorId = ActorCodes.SectorId(sector);
            if (sectorId < 0)
            {
                Error(errors, source, lineNumber, $"'{sector}' is not a known sector code");
                continue;
            }

            if (!NameForm.TryParse(phrase, person: false, out NameForm? form, out string? error))
            {
                Error(errors, source, lineNumber, error!);
                continue;
            }

            if (form!.SectorId >= 0)
            {
                Error(errors, source, lineNumber, $"phrase \"{phrase}\" carries a (SECTOR) group; the sector is the second field");
                continue;
            }

            Match implies = Implies().Match(note);
            sectors.Add(new RawSector(form, sectorId, implies.Success ? implies.Groups[1].Value : null, source.DisplayName, lineNumber, phrase));
        }

        return sectors;
    }

    /// <summary>Parses <c>leaders.txt</c>: <c>[Name]</c>, <c>aliases:</c> and <c>CODE START..END role</c> lines.</summary>
    public static List<RawPerson> ParseLeaders(ActorDictionarySource source, List<ActorDictionaryError> errors)
    {
        var people = new List<RawPerson>();
        RawPerson? person = null;
        int lineNumber = 0;
        foreach (string rawLine in Lines(source.Text))
        {
            lineNumber++;
            if (!TryClean(rawLine, source, lineNumber, errors, out string line, out string comment))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                Match header = PersonHeader().Match(line);
                if (!header.Success)
                {
                    Error(errors, source, lineNumber, $"bad person header \"{line}\": expected [Canonical Name]");
                    person = null;
                    continue;
                }

                string name = header.Groups[1].Value.Trim();
                person = new RawPerson { Source = source.DisplayName, Line = lineNumber, CanonicalName = name };
                people.Add(person);
                AddPersonName(person, name, source, lineNumber, errors);
                continue;
            }

            if (person is null)
            {
                Error(errors, source, lineNumber, $"line outside a person block: \"{line.Trim()}\"");
                continue;
            }

            Match aliases = AliasLine().Match(line);
            if (aliases.Success)
            {
                foreach (string alias in Values(aliases.Groups[1].Value))
                {
                    AddPersonName(person, alias, source, lineNumber, errors);
                }

                continue;
            }

            Match spell = SpellLine().Match(line);
            if (!spell.Success || !line.StartsWith(' '))
            {
                Error(errors, source, lineNumber, $"not an aliases line or a spell \"CODE START..END role\": \"{line.Trim()}\"");
                continue;
            }

            ParseSpell(person, spell, comment, source, lineNumber, errors);
        }

        return people;
    }

    private static void ParseKey(
        DictionaryFile file, RawBlock block, string key, string value, ActorDictionarySource source, int line,
        List<ActorDictionaryError> errors)
    {
        bool? allowed = Allowed(key, file);
        if (allowed is null)
        {
            Error(errors, source, line, $"unknown key '{key}'");
            return;
        }

        if (allowed == false)
        {
            Error(errors, source, line, $"key '{key}' is not used in {FileName(file)}");
            return;
        }

        if (key == "notes")
        {
            return;
        }

        if (Array.IndexOf(SingleKeys, key) >= 0)
        {
            foreach (string single in Values(value))
            {
                if (!block.Singles.TryAdd(key, (single, line)))
                {
                    Error(errors, source, line, $"key '{key}' takes one value; [{block.Header}] {block.CanonicalName} already has '{block.Singles[key].Value}'");
                }
            }

            return;
        }

        ActorMentionKind kind = key switch
        {
            "adjectives" => ActorMentionKind.Adjective,
            "demonyms" => ActorMentionKind.Demonym,
            "capitals" => ActorMentionKind.Capital,
            "seats" => ActorMentionKind.Seat,
            _ => ActorMentionKind.Name,
        };
        foreach (string name in Values(value))
        {
            if (!NameForm.TryParse(name, person: false, out NameForm? form, out string? error))
            {
                Error(errors, source, line, error!);
                continue;
            }

            if (key == "seats" && form!.SectorId < 0)
            {
                Error(errors, source, line, $"seat \"{name}\" needs a (SECTOR) suffix");
                continue;
            }

            var raw = new RawName(form!, kind, line, name);
            (key == "ambiguous" ? block.Ambiguous : block.Names).Add(raw);
        }
    }

    /// <summary>True when the key is used in the file, false when it belongs to other files, null when unknown.</summary>
    private static bool? Allowed(string key, DictionaryFile file) => key switch
    {
        "names" or "adjectives" or "ambiguous" or "notes" => true,
        "demonyms" => file is DictionaryFile.Countries or DictionaryFile.Regions,
        "capitals" or "iso2" or "cameo" or "parent" => file == DictionaryFile.Countries,
        "seats" => file is DictionaryFile.Countries or DictionaryFile.International,
        "type" or "country" => file is DictionaryFile.International or DictionaryFile.Groups,
        "sector" or "group" => file == DictionaryFile.Groups,
        _ => null,
    };

    private static void AddPersonName(RawPerson person, string name, ActorDictionarySource source, int line, List<ActorDictionaryError> errors)
    {
        if (!NameForm.TryParse(name, person: true, out NameForm? form, out string? error))
        {
            Error(errors, source, line, error!);
            return;
        }

        person.Names.Add(new RawName(form!, ActorMentionKind.Person, line, name));
    }

    private static void ParseSpell(
        RawPerson person, Match spell, string comment, ActorDictionarySource source, int line, List<ActorDictionaryError> errors)
    {
        string code = spell.Groups[1].Value;
        bool ok = true;
        if (!ActorCodes.IsCode(code) || code.Length % 3 != 0)
        {
            Error(errors, source, line, $"bad actor code '{code}': expected 3-15 of A-Z 0-9 in groups of three");
            ok = false;
        }

        DateOnly? start = null;
        DateOnly? end = null;
        ok &= TryDate(spell.Groups[2].Value, comment, source, line, errors, ref start);
        ok &= TryDate(spell.Groups[3].Value, comment, source, line, errors, ref end);
        if (ok && start is DateOnly s && end is DateOnly e && e < s)
        {
            Error(errors, source, line, $"spell ends ({e:yyyy-MM-dd}) before it starts ({s:yyyy-MM-dd})");
            ok = false;
        }

        if (ok)
        {
            person.Spells.Add(new RawSpell(code, start, end, spell.Groups[4].Value.Trim(), line));
        }
    }

    /// <summary>
    /// Reads an ISO date, or a month (<c>YYYY-MM</c>) or year (<c>YYYY</c>) read as its first day, as the file's header
    /// says; such a partial date must be marked <c># approx</c>.
    /// </summary>
    private static bool TryDate(
        string value, string comment, ActorDictionarySource source, int line,
        List<ActorDictionaryError> errors, ref DateOnly? date)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (!IsoDate().IsMatch(value))
        {
            Error(errors, source, line, $"bad date '{value}': expected YYYY-MM-DD (or YYYY-MM, YYYY marked # approx)");
            return false;
        }

        string[] parts = value.Split('-');
        int year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        if (year < 1 || month is < 1 or > 12)
        {
            Error(errors, source, line, $"bad date '{value}'");
            return false;
        }

        int lastDay = DateTime.DaysInMonth(year, month);
        int day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 1;
        if (day < 1 || day > lastDay)
        {
            Error(errors, source, line, $"bad date '{value}': no such day");
            return false;
        }

        if (parts.Length < 3 && !comment.Contains("approx", StringComparison.OrdinalIgnoreCase))
        {
            Error(errors, source, line, $"partial date '{value}' must be marked # approx");
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// Drops a trailing CR, rejects tabs, cuts the comment and trailing blanks. False for lines with nothing left.
    /// </summary>
    private static bool TryClean(
        string rawLine, ActorDictionarySource source, int lineNumber, List<ActorDictionaryError> errors,
        out string line, out string comment)
    {
        line = rawLine.EndsWith('\r') ? rawLine[..^1] : rawLine;
        comment = "";
        int hash = line.IndexOf('#');
        if (hash >= 0)
        {
            comment = line[(hash + 1)..];
            line = line[..hash];
        }

        if (line.Contains('\t'))
        {
            Error(errors, source, lineNumber, "tab character (the dictionary files use spaces only)");
            line = line.Replace('\t', ' ');
        }

        line = line.TrimEnd();
        return !string.IsNullOrWhiteSpace(line);
    }

    private static IEnumerable<string> Lines(string text)
    {
        string t = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        return t.Split('\n');
    }

    /// <summary>Splits a value list on <c>;</c>, trims, and drops empty values.</summary>
    public static IEnumerable<string> Values(string list)
    {
        foreach (string value in list.Split(';'))
        {
            string v = value.Trim();
            if (v.Length > 0)
            {
                yield return v;
            }
        }
    }

    public static string FileName(DictionaryFile file) => file switch
    {
        DictionaryFile.Countries => "countries.txt",
        DictionaryFile.International => "international.txt",
        DictionaryFile.Groups => "groups.txt",
        DictionaryFile.Regions => "regions.txt",
        DictionaryFile.Sectors => "sectors.txt",
        _ => "leaders.txt",
    };

    private static void Error(List<ActorDictionaryError> errors, ActorDictionarySource source, int line, string message) =>
        errors.Add(new ActorDictionaryError(source.DisplayName, line, message));
}
