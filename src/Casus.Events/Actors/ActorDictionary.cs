using System.Reflection;

namespace Casus.Events.Actors;

/// <summary>
/// Casus's actor dictionaries (<c>dictionaries/actors/</c>: countries, international organisations, groups,
/// regions, sector phrases and leaders), validated and compiled into a token trie for <see cref="ActorMatcher"/>.
/// </summary>
/// <remarks>
/// <para>The shipped files are embedded in the assembly. A user directory layers files with the same names on top,
/// file by file, in this way:</para>
/// <list type="bullet">
/// <item>A block replaces the shipped block with the same identity as a whole: in <c>countries.txt</c> the identity
/// is the header code (<c>[IRN]</c>), in the other block files the canonical name (<c>[IRNMIL] Quds Force</c>). Every
/// other block is added. To drop a shipped block, restate its header with no names.</item>
/// <item>A <c>sectors.txt</c> line replaces the shipped line with the same phrase; other lines are added.</item>
/// <item>A <c>leaders.txt</c> person replaces the shipped person with the same block name (<c>[Donald Trump]</c>);
/// other people are added.</item>
/// <item>The merged result is then checked as a whole (rule 9 and the other README checks), so a user name that is
/// already a shipped name of another block is an error naming both places.</item>
/// </list>
/// <para>Loading never stops at the first problem: <see cref="Load(string?)"/> returns every error with its file and
/// line, and no dictionary when there is any. The only exception are rule 9 conflicts of the shipped files that are
/// known and listed in the loader: they load, and are returned as <see cref="ActorDictionaryLoadResult.Warnings"/>.</para>
/// </remarks>
/// <threadsafety>Immutable after loading: one instance can be shared by any number of threads.</threadsafety>
public sealed class ActorDictionary
{
    private const string ResourcePrefix = "Casus.Dictionaries.actors/";

    /// <summary>The files in precedence order; <see cref="DictionaryFile"/> follows it.</summary>
    private static readonly string[] Files =
        ["countries.txt", "international.txt", "groups.txt", "regions.txt", "sectors.txt", "leaders.txt"];

    private ActorDictionary(ActorTrie trie, ActorEntity[] entities, PersonEntity[] people, int[][] personGroups, SectorPhrase[] phrases)
    {
        Trie = trie;
        Entities = entities;
        People = people;
        PersonGroups = personGroups;
        Phrases = phrases;
    }

    /// <summary>The file names a dictionary is made of, which are also the only names a user directory may hold.</summary>
    public static IReadOnlyList<string> FileNames { get; } = Array.AsReadOnly(Files);

    /// <summary>Number of blocks (countries, organisations, groups, regions).</summary>
    public int BlockCount => Entities.Length;

    /// <summary>Number of people.</summary>
    public int PersonCount => People.Length;

    /// <summary>Number of sector phrases.</summary>
    public int SectorPhraseCount => Phrases.Length;

    /// <summary>Number of distinct match strings in the trie.</summary>
    public int NameCount => Trie.EntryCount;

    internal ActorTrie Trie { get; }

    internal ActorEntity[] Entities { get; }

    internal PersonEntity[] People { get; }

    internal int[][] PersonGroups { get; }

    internal SectorPhrase[] Phrases { get; }

    /// <summary>Loads the dictionaries shipped in the assembly.</summary>
    /// <returns>The compiled dictionary.</returns>
    /// <exception cref="InvalidDataException">The shipped files are invalid: a build defect, guarded by a test.</exception>
    public static ActorDictionary LoadDefault()
    {
        ActorDictionaryLoadResult result = Load(null);
        if (result.Dictionary is null)
        {
            throw new InvalidDataException(
                "The shipped actor dictionaries are invalid:" + Environment.NewLine
                + string.Join(Environment.NewLine, result.Errors));
        }

        return result.Dictionary;
    }

    /// <summary>
    /// Loads the shipped dictionaries and layers the files of <paramref name="userDirectory"/> on top (see the
    /// remarks for the rule). The directory holds the actor files directly; any other <c>*.txt</c> file in it is an
    /// error, so that a misspelt file name is not silently ignored.
    /// </summary>
    /// <param name="userDirectory">A directory of user files, or <see langword="null"/> for the shipped files only.</param>
    /// <returns>The dictionary, or every error found.</returns>
    public static ActorDictionaryLoadResult Load(string? userDirectory)
    {
        var errors = new List<ActorDictionaryError>();
        var sources = new List<ActorDictionarySource>(ShippedSources());
        foreach (string name in FileNames)
        {
            if (!sources.Exists(s => s.FileName == name))
            {
                errors.Add(new ActorDictionaryError(ResourcePrefix + name, 0, "missing from the assembly's resources"));
            }
        }

        if (userDirectory is not null)
        {
            ReadUserDirectory(userDirectory, sources, errors);
        }

        return errors.Count > 0 ? new ActorDictionaryLoadResult(null, errors, []) : Compile(sources);
    }

    /// <summary>
    /// Validates and compiles dictionary files. Sources are layers in order: a later source with the same
    /// <see cref="ActorDictionarySource.FileName"/> adds to and overrides an earlier one (see the remarks).
    /// </summary>
    /// <param name="layers">The files, lowest layer first (usually <see cref="ShippedSources"/>, then user files).</param>
    /// <returns>The dictionary, or every error found.</returns>
    public static ActorDictionaryLoadResult Compile(IEnumerable<ActorDictionarySource> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var errors = new List<ActorDictionaryError>();
        var warnings = new List<ActorDictionaryError>();
        RawDictionary raw = Layer(layers, errors);
        DictionaryValidator.Validate(raw, errors, warnings);
        if (errors.Count > 0)
        {
            return new ActorDictionaryLoadResult(null, errors, warnings);
        }

        return new ActorDictionaryLoadResult(Build(raw), errors, warnings);
    }

    /// <summary>The dictionary files embedded in the assembly, named <c>actors/&lt;file&gt;</c> in errors.</summary>
    /// <returns>One source per embedded file.</returns>
    public static IReadOnlyList<ActorDictionarySource> ShippedSources()
    {
        Assembly assembly = typeof(ActorDictionary).Assembly;
        var sources = new List<ActorDictionarySource>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            // MSBuild's RecursiveDir gives "actors/" or "actors\" depending on the build machine.
            string normalised = resource.Replace('\\', '/');
            if (!normalised.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string file = normalised[ResourcePrefix.Length..];
            if (!FileNames.Contains(file))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            sources.Add(new ActorDictionarySource(file, "actors/" + file, reader.ReadToEnd()));
        }

        // Resource order is up to the compiler; layers and file precedence follow FileNames.
        sources.Sort((a, b) => Array.IndexOf(Files, a.FileName).CompareTo(Array.IndexOf(Files, b.FileName)));
        return sources;
    }

    private static void ReadUserDirectory(string directory, List<ActorDictionarySource> sources, List<ActorDictionaryError> errors)
    {
        if (!Directory.Exists(directory))
        {
            errors.Add(new ActorDictionaryError(directory, 0, "no such directory"));
            return;
        }

        string[] files = Directory.GetFiles(directory, "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string path in files)
        {
            string name = Path.GetFileName(path);
            if (!FileNames.Contains(name))
            {
                errors.Add(new ActorDictionaryError(path, 0, $"not an actor dictionary file (expected one of {string.Join(", ", FileNames)})"));
                continue;
            }

            try
            {
                sources.Add(new ActorDictionarySource(name, path, File.ReadAllText(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new ActorDictionaryError(path, 0, $"cannot read: {e.Message}"));
            }
        }
    }

    /// <summary>Parses every source and merges the layers by identity (see the remarks).</summary>
    private static RawDictionary Layer(IEnumerable<ActorDictionarySource> layers, List<ActorDictionaryError> errors)
    {
        var raw = new RawDictionary();
        foreach (ActorDictionarySource source in layers)
        {
            int index = Array.IndexOf(Files, source.FileName);

            if (index < 0)
            {
                errors.Add(new ActorDictionaryError(source.DisplayName, 0, $"not an actor dictionary file (expected one of {string.Join(", ", FileNames)})"));
                continue;
            }

            var file = (DictionaryFile)index;
            switch (file)
            {
                case DictionaryFile.Sectors:
                    Merge(raw.Sectors, DictionaryParser.ParseSectors(source, errors), s => s.Form.CaseSensitive ? "=" + s.Form.ExactKey : s.Form.Key);
                    break;
                case DictionaryFile.Leaders:
                    Merge(raw.People, DictionaryParser.ParseLeaders(source, errors), p => p.CanonicalName);
                    break;
                default:
                    Merge(raw.Blocks, DictionaryParser.ParseBlocks(file, source, errors), b => b.File + "\u001F" + b.Identity);
                    break;
            }
        }

        return raw;
    }

    /// <summary>
    /// Layers <paramref name="layer"/> over <paramref name="merged"/>: an item replaces the earlier layers' item with
    /// the same identity, in place; other items are appended. Duplicates within one layer are both kept, for the
    /// validator to report.
    /// </summary>
    private static void Merge<T>(List<T> merged, List<T> layer, Func<T, string> identity)
    {
        var before = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < merged.Count; i++)
        {
            before.TryAdd(identity(merged[i]), i);
        }

        foreach (T item in layer)
        {
            if (before.Remove(identity(item), out int at))
            {
                merged[at] = item;
            }
            else
            {
                merged.Add(item);
            }
        }
    }

    private static ActorDictionary Build(RawDictionary raw)
    {
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string s)
        {
            if (!pool.TryGetValue(s, out string? interned))
            {
                pool[s] = interned = s;
            }

            return interned;
        }

        foreach (string sector in ActorCodes.Sectors)
        {
            Intern(sector);
        }

        var internationalHeaders = new HashSet<string>(StringComparer.Ordinal);
        foreach (RawBlock block in raw.Blocks)
        {
            if (block.File == DictionaryFile.International)
            {
                internationalHeaders.Add(block.Header);
            }
        }

        var builder = new ActorTrie.Builder();
        var entities = new ActorEntity[raw.Blocks.Count];
        for (int b = 0; b < raw.Blocks.Count; b++)
        {
            RawBlock block = raw.Blocks[b];
            entities[b] = BuildEntity(block, internationalHeaders, Intern);
            byte precedence = block.File switch
            {
                DictionaryFile.Groups or DictionaryFile.International => 4,
                DictionaryFile.Countries => 3,
                _ => 2,
            };
            foreach (RawName name in block.Names)
            {
                bool ambiguous = false;
                foreach (RawName a in block.Ambiguous)
                {
                    ambiguous |= a.Form.Key == name.Form.Key;
                }

                builder.Add(name.Form, EntryType.Block, b, name.Kind, ambiguous, precedence);
            }
        }

        var phrases = new SectorPhrase[raw.Sectors.Count];
        for (int s = 0; s < raw.Sectors.Count; s++)
        {
            RawSector line = raw.Sectors[s];
            string sector = ActorCodes.Sectors[line.SectorId];
            phrases[s] = new SectorPhrase
            {
                Phrase = line.Form.Text,
                SectorId = line.SectorId,
                Sector = sector,
                ImpliedCountry = line.ImpliedCountry is null ? null : Intern(line.ImpliedCountry),
                ImpliedCode = line.ImpliedCountry is null ? null : Intern(line.ImpliedCountry + sector),
            };
            builder.Add(line.Form, EntryType.Sector, s, ActorMentionKind.SectorOnly, ambiguous: false, precedence: 1);
        }

        var people = new PersonEntity[raw.People.Count];
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var groupForms = new Dictionary<string, NameForm>(StringComparer.Ordinal);
        for (int p = 0; p < raw.People.Count; p++)
        {
            RawPerson person = raw.People[p];
            var spells = new PersonSpell[person.Spells.Count];
            int latest = 0;
            for (int i = 0; i < spells.Length; i++)
            {
                RawSpell spell = person.Spells[i];
                string code = Intern(spell.Code);
                string? sector = ActorCodes.SectorOf(code);
                spells[i] = new PersonSpell(
                    spell.Start ?? DateOnly.MinValue,
                    spell.End ?? DateOnly.MaxValue,
                    code,
                    Intern(code[..3]),
                    sector is null ? null : Intern(sector));
                latest = spells[i].Start >= spells[latest].Start ? i : latest;
            }

            people[p] = new PersonEntity { CanonicalName = person.CanonicalName, Spells = spells, Latest = latest };
            foreach (RawName name in person.Names)
            {
                if (!groups.TryGetValue(name.Form.ExactKey, out List<int>? members))
                {
                    groups[name.Form.ExactKey] = members = [];
                    groupForms[name.Form.ExactKey] = name.Form;
                }

                if (!members.Contains(p))
                {
                    members.Add(p);
                }
            }
        }

        var personGroups = new int[groups.Count][];
        int g = 0;
        foreach ((string key, List<int> members) in groups)
        {
            personGroups[g] = [.. members];
            builder.Add(groupForms[key], EntryType.Person, g, ActorMentionKind.Person, ambiguous: false, precedence: 5);
            g++;
        }

        return new ActorDictionary(builder.Build(), entities, people, personGroups, phrases);
    }

    private static ActorEntity BuildEntity(RawBlock block, HashSet<string> internationalHeaders, Func<string, string> intern)
    {
        string header = intern(block.Header);
        string code = block.File == DictionaryFile.Countries ? intern(block.Single("cameo") ?? header) : header;
        string? country = block.File switch
        {
            DictionaryFile.Countries or DictionaryFile.Regions => code,
            DictionaryFile.International => intern(header[..3]),
            _ => block.Single("country") is string c ? intern(c) : null,
        };
        string? sector = block.File switch
        {
            DictionaryFile.Groups => block.Single("sector") is string s ? intern(s) : null,
            DictionaryFile.International => ActorCodes.SectorOf(header) is string s ? intern(s) : null,
            _ => null,
        };

        // A (SECTOR) name adds its sector to the block's code; an organ's own sector is replaced, not repeated
        // ("MEPs (LEG)" in [IGOEECLEG] emits IGOEECLEG, "Berlaymont (GOV)" in [IGOEECGOV] IGOEECGOV). Groups carry
        // their sector in the header, so a (SECTOR) name of a group emits country + that sector.
        string stem = block.File switch
        {
            DictionaryFile.Groups => country ?? code,
            DictionaryFile.International when sector is not null => code[..^3],
            _ => code,
        };
        int n = ActorCodes.Sectors.Length;
        string[] withSector = new string[n];
        string?[] composed = new string?[n];
        for (int s = 0; s < n; s++)
        {
            string suffix = ActorCodes.Sectors[s];
            withSector[s] = intern(stem + suffix);
            composed[s] = block.File switch
            {
                DictionaryFile.Countries or DictionaryFile.Regions => withSector[s],
                DictionaryFile.International when code.Length == 6 && internationalHeaders.Contains(code + suffix) => intern(code + suffix),
                _ => null,
            };
        }

        return new ActorEntity
        {
            File = block.File,
            Code = code,
            Country = country,
            Sector = sector,
            CanonicalName = block.CanonicalName,
            WithSector = withSector,
            Composed = composed,
        };
    }
}
