using System.Collections.Frozen;

namespace Casus.Events.Actors;

/// <summary>
/// The checks of README section 4 that span blocks and files, run on the merged layers: header syntax per file,
/// single-valued keys, group headers equal to <c>country</c> + <c>sector</c> + <c>group</c>, codes that refer to known
/// countries, ambiguous names listed elsewhere in their block, rule 9 (one name, one block), sector phrases that are
/// unique and not block names, and for <c>leaders.txt</c> the spells (order, codes, people sharing a name).
/// </summary>
internal static class DictionaryValidator
{
    /// <summary>
    /// Rule 9 violations in the shipped files that are known and reported, as (case-folded name, header of one block,
    /// header of the other). They load with a warning instead of an error until the files
    /// are fixed; a test fails when an entry here no longer occurs, so the list cannot go stale. Not a way to accept
    /// new conflicts: a conflict is not intended, and the README says which block should own the name.
    /// </summary>
    internal static readonly FrozenSet<(string Name, string First, string Second)> KnownConflicts = new[]
    {
        // "AUC": the African Union Commission (case-insensitive) and Colombia's AUC (=AUC); neither block's notes
        // mention the other, so "AUC" in text matches both.
        ("AUC", "IGOOAU", "COLUAFAUC"),
    }.ToFrozenSet();

    public static void Validate(RawDictionary raw, List<ActorDictionaryError> errors, List<ActorDictionaryError> warnings)
    {
        var countryHeaders = new Dictionary<string, RawBlock>(StringComparer.Ordinal);
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        var iso2 = new Dictionary<string, RawBlock>(StringComparer.Ordinal);
        foreach (RawBlock block in raw.Blocks)
        {
            if (block.File != DictionaryFile.Countries)
            {
                continue;
            }

            if (!ActorCodes.IsCapitals(block.Header, 3))
            {
                Add(errors, block.Source, block.Line, $"country header [{block.Header}] must be an ISO alpha-3 code (three capitals)");
            }

            if (!countryHeaders.TryAdd(block.Header, block))
            {
                Add(errors, block.Source, block.Line, $"duplicate country header [{block.Header}] (also {Where(countryHeaders[block.Header])})");
            }

            string? cameo = block.Single("cameo");
            if (cameo is not null && !ActorCodes.IsCapitals(cameo, 3))
            {
                Add(errors, block.Source, block.LineOf("cameo"), $"cameo '{cameo}' must be three capitals");
            }

            emitted.Add(cameo ?? block.Header);
            string? code2 = block.Single("iso2");
            if (code2 is not null)
            {
                if (!ActorCodes.IsCapitals(code2, 2))
                {
                    Add(errors, block.Source, block.LineOf("iso2"), $"iso2 '{code2}' must be two capitals");
                }
                else if (!iso2.TryAdd(code2, block))
                {
                    Add(errors, block.Source, block.LineOf("iso2"), $"iso2 '{code2}' is also the code of {Where(iso2[code2])}");
                }
            }
        }

        var regionCodes = new HashSet<string>(StringComparer.Ordinal);
        var chunks = new HashSet<string>(ActorCodes.Sectors, StringComparer.Ordinal);
        var internationalHeaders = new HashSet<string>(StringComparer.Ordinal);
        foreach (RawBlock block in raw.Blocks)
        {
            switch (block.File)
            {
                case DictionaryFile.Countries:
                    string? parent = block.Single("parent");
                    if (parent is not null && !countryHeaders.ContainsKey(parent))
                    {
                        Add(errors, block.Source, block.LineOf("parent"), $"parent '{parent}' is not a country header");
                    }

                    break;
                case DictionaryFile.International:
                    CheckInternational(block, emitted, errors);
                    internationalHeaders.Add(block.Header);
                    AddChunks(block.Header, chunks);
                    break;
                case DictionaryFile.Groups:
                    CheckGroup(block, emitted, errors);
                    AddChunks(block.Header, chunks);
                    break;
                case DictionaryFile.Regions:
                    if (!ActorCodes.IsCapitals(block.Header, 3))
                    {
                        Add(errors, block.Source, block.Line, $"region header [{block.Header}] must be three capitals");
                    }
                    else if (!regionCodes.Add(block.Header))
                    {
                        Add(errors, block.Source, block.Line, $"duplicate region header [{block.Header}]");
                    }

                    break;
            }

            CheckAmbiguous(block, errors);
        }

        CheckUnique(raw, errors);
        CheckOneNameOneBlock(raw, errors, warnings);
        CheckSectors(raw, emitted, errors);
        CheckPeople(raw, emitted, regionCodes, chunks, errors);
    }

    /// <summary>Canonical names are unique per file, sector phrases and person names per file.</summary>
    private static void CheckUnique(RawDictionary raw, List<ActorDictionaryError> errors)
    {
        var blocks = new Dictionary<(DictionaryFile, string), RawBlock>();
        foreach (RawBlock block in raw.Blocks)
        {
            if (!blocks.TryAdd((block.File, block.CanonicalName), block))
            {
                Add(errors, block.Source, block.Line, $"duplicate canonical name \"{block.CanonicalName}\" (also {Where(blocks[(block.File, block.CanonicalName)])})");
            }
        }

        var phrases = new Dictionary<string, RawSector>(StringComparer.Ordinal);
        foreach (RawSector sector in raw.Sectors)
        {
            if (phrases.TryGetValue(sector.Form.Key, out RawSector? other) && other.Form.Overlaps(sector.Form))
            {
                Add(errors, sector.Source, sector.Line, $"sector phrase \"{sector.Raw}\" is listed twice (also {other.Source}:{other.Line})");
            }

            phrases.TryAdd(sector.Form.Key, sector);
        }

        var people = new Dictionary<string, RawPerson>(StringComparer.Ordinal);
        foreach (RawPerson person in raw.People)
        {
            if (!people.TryAdd(person.CanonicalName, person))
            {
                Add(errors, person.Source, person.Line, $"duplicate person [{person.CanonicalName}] (also {people[person.CanonicalName].Source}:{people[person.CanonicalName].Line})");
            }
        }
    }

    private static void CheckInternational(RawBlock block, HashSet<string> countries, List<ActorDictionaryError> errors)
    {
        string? type = block.Single("type");
        if (type is not ("IGO" or "NGO" or "MNC"))
        {
            Add(errors, block.Source, block.LineOf("type"), $"[{block.Header}] {block.CanonicalName}: type must be IGO, NGO or MNC, found '{type ?? "(none)"}'");
        }
        else if (!block.Header.StartsWith(type, StringComparison.Ordinal))
        {
            Add(errors, block.Source, block.Line, $"header [{block.Header}] must start with its type {type}");
        }

        if (block.Header.Length < 6 || block.Header.Length % 3 != 0)
        {
            Add(errors, block.Source, block.Line, $"header [{block.Header}] must be the type plus 3-letter body (and organ) codes");
        }

        string? country = block.Single("country");
        if (type == "MNC" && country is null)
        {
            Add(errors, block.Source, block.Line, $"[{block.Header}] {block.CanonicalName}: an MNC needs a 'country:' key");
        }

        if (country is not null && !countries.Contains(country))
        {
            Add(errors, block.Source, block.LineOf("country"), $"country '{country}' is not a country code of countries.txt");
        }
    }

    private static void CheckGroup(RawBlock block, HashSet<string> countries, List<ActorDictionaryError> errors)
    {
        string? type = block.Single("type");
        if (type is not ("armed" or "movement" or "state"))
        {
            Add(errors, block.Source, block.LineOf("type"), $"[{block.Header}] {block.CanonicalName}: type must be armed, movement or state, found '{type ?? "(none)"}'");
        }

        string? country = block.Single("country");
        string? sector = block.Single("sector");
        string? group = block.Single("group");
        if (country is null || sector is null)
        {
            Add(errors, block.Source, block.Line, $"[{block.Header}] {block.CanonicalName}: a group needs 'country:' and 'sector:' keys");
            return;
        }

        if (country != "IMG" && !countries.Contains(country))
        {
            Add(errors, block.Source, block.LineOf("country"), $"country '{country}' is not a country code of countries.txt or IMG");
        }

        if (!ActorCodes.IsSector(sector))
        {
            Add(errors, block.Source, block.LineOf("sector"), $"sector '{sector}' is not a known sector code");
        }

        if (group is not null && (group.Length != 3 || !ActorCodes.IsCode(group)))
        {
            Add(errors, block.Source, block.LineOf("group"), $"group '{group}' must be three characters A-Z 0-9");
        }

        string expected = country + sector + group;
        if (block.Header != expected)
        {
            Add(errors, block.Source, block.Line, $"header [{block.Header}] must equal country + sector + group = {expected}");
        }
    }

    /// <summary>An <c>ambiguous:</c> value must be a name of the same block (listed under another key).</summary>
    private static void CheckAmbiguous(RawBlock block, List<ActorDictionaryError> errors)
    {
        foreach (RawName ambiguous in block.Ambiguous)
        {
            bool found = false;
            foreach (RawName name in block.Names)
            {
                found |= name.Form.Key == ambiguous.Form.Key;
            }

            if (!found)
            {
                Add(errors, block.Source, ambiguous.Line, $"ambiguous name \"{ambiguous.Raw}\" is not listed under another key of [{block.Header}] {block.CanonicalName}");
            }
        }
    }

    /// <summary>
    /// Rule 9: across the four block files a name belongs to at most one block. Two blocks that would emit the same
    /// code are no exception: the rule is what keeps the files reviewable, and one of the two entries is dead.
    /// </summary>
    private static void CheckOneNameOneBlock(RawDictionary raw, List<ActorDictionaryError> errors, List<ActorDictionaryError> warnings)
    {
        var seen = new Dictionary<string, List<(RawBlock Block, RawName Name)>>(StringComparer.Ordinal);
        foreach (RawBlock block in raw.Blocks)
        {
            foreach (RawName name in block.Names)
            {
                if (!seen.TryGetValue(name.Form.Key, out List<(RawBlock Block, RawName Name)>? owners))
                {
                    seen[name.Form.Key] = owners = [];
                }

                bool reported = false;
                foreach ((RawBlock otherBlock, RawName otherName) in owners)
                {
                    if (otherBlock == block || reported || !otherName.Form.Overlaps(name.Form))
                    {
                        continue;
                    }

                    string message = $"name \"{name.Raw}\" of [{block.Header}] {block.CanonicalName} is also \"{otherName.Raw}\" of [{otherBlock.Header}] {otherBlock.CanonicalName} at {otherBlock.Source}:{otherName.Line} (rule 9: one name, one block)";
                    bool known = KnownConflicts.Contains((name.Form.Key, otherBlock.Header, block.Header))
                        || KnownConflicts.Contains((name.Form.Key, block.Header, otherBlock.Header));
                    (known ? warnings : errors).Add(new ActorDictionaryError(block.Source, name.Line, known ? message + "; a known conflict of the shipped files, reported to their maintainers" : message));
                    reported = true;
                }

                owners.Add((block, name));
            }
        }

        foreach (RawSector sector in raw.Sectors)
        {
            if (!seen.TryGetValue(sector.Form.Key, out List<(RawBlock Block, RawName Name)>? owners))
            {
                continue;
            }

            foreach ((RawBlock block, RawName name) in owners)
            {
                if (name.Form.Overlaps(sector.Form))
                {
                    Add(errors, sector.Source, sector.Line, $"sector phrase \"{sector.Raw}\" is also a name of [{block.Header}] {block.CanonicalName} at {block.Source}:{name.Line}");
                    break;
                }
            }
        }
    }

    private static void CheckSectors(RawDictionary raw, HashSet<string> countries, List<ActorDictionaryError> errors)
    {
        foreach (RawSector sector in raw.Sectors)
        {
            if (sector.ImpliedCountry is string implied && !countries.Contains(implied))
            {
                Add(errors, sector.Source, sector.Line, $"'implies {implied}': not a country code of countries.txt");
            }
        }
    }

    private static void CheckPeople(
        RawDictionary raw, HashSet<string> countries, HashSet<string> regions, HashSet<string> chunks,
        List<ActorDictionaryError> errors)
    {
        var byName = new Dictionary<string, List<RawPerson>>(StringComparer.Ordinal);
        foreach (RawPerson person in raw.People)
        {
            if (person.Spells.Count == 0)
            {
                Add(errors, person.Source, person.Line, $"[{person.CanonicalName}] has no role spell");
            }

            DateOnly previous = DateOnly.MinValue;
            foreach (RawSpell spell in person.Spells)
            {
                DateOnly start = spell.Start ?? DateOnly.MinValue;
                if (start < previous)
                {
                    Add(errors, person.Source, spell.Line, $"[{person.CanonicalName}] spells are not in chronological order ({spell.Code} starts {start:yyyy-MM-dd}, before the previous spell's start {previous:yyyy-MM-dd})");
                }

                previous = start;
                string? problem = CodeProblem(spell.Code, countries, regions, chunks);
                if (problem is not null)
                {
                    Add(errors, person.Source, spell.Line, $"[{person.CanonicalName}] code {spell.Code}: {problem}");
                }
            }

            var own = new HashSet<string>(StringComparer.Ordinal);
            foreach (RawName name in person.Names)
            {
                if (!own.Add(name.Form.ExactKey))
                {
                    continue;
                }

                if (!byName.TryGetValue(name.Form.ExactKey, out List<RawPerson>? sharers))
                {
                    byName[name.Form.ExactKey] = sharers = [];
                }

                foreach (RawPerson other in sharers)
                {
                    if (Overlap(person, other) is (RawSpell mine, RawSpell theirs))
                    {
                        Add(errors, person.Source, name.Line, $"\"{name.Raw}\" names both [{other.CanonicalName}] and [{person.CanonicalName}], whose spells overlap ({other.Source}:{theirs.Line} and line {mine.Line}); people may share a name only if their spells never overlap");
                    }
                }

                sharers.Add(person);
            }
        }
    }

    /// <summary>
    /// A person's code is a country (or region, or <c>IGO NGO IMG MNC INT</c>) followed by three-letter sector codes
    /// and the body/group codes used in <c>international.txt</c> and <c>groups.txt</c>.
    /// </summary>
    private static string? CodeProblem(string code, HashSet<string> countries, HashSet<string> regions, HashSet<string> chunks)
    {
        string prefix = code[..3];
        if (!countries.Contains(prefix) && !regions.Contains(prefix) && prefix is not ("IGO" or "NGO" or "IMG" or "MNC" or "INT"))
        {
            return $"'{prefix}' is not a country code of countries.txt, a region or IGO/NGO/IMG/MNC/INT";
        }

        for (int i = 3; i + 3 <= code.Length; i += 3)
        {
            string chunk = code.Substring(i, 3);
            if (!chunks.Contains(chunk))
            {
                return $"'{chunk}' is neither a sector code nor a body/group code of international.txt or groups.txt";
            }
        }

        return null;
    }

    private static (RawSpell, RawSpell)? Overlap(RawPerson a, RawPerson b)
    {
        foreach (RawSpell x in a.Spells)
        {
            foreach (RawSpell y in b.Spells)
            {
                if ((x.Start ?? DateOnly.MinValue) <= (y.End ?? DateOnly.MaxValue)
                    && (y.Start ?? DateOnly.MinValue) <= (x.End ?? DateOnly.MaxValue))
                {
                    return (x, y);
                }
            }
        }

        return null;
    }

    private static void AddChunks(string header, HashSet<string> chunks)
    {
        for (int i = 3; i + 3 <= header.Length; i += 3)
        {
            chunks.Add(header.Substring(i, 3));
        }
    }

    private static string Where(RawBlock block) => $"[{block.Header}] {block.CanonicalName} at {block.Source}:{block.Line}";

    private static void Add(List<ActorDictionaryError> errors, string file, int line, string message) =>
        errors.Add(new ActorDictionaryError(file, line, message));
}
