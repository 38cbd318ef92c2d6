using System.Buffers;
using System.Collections.Frozen;
using Casus.Text;

namespace Casus.Events.Actors;

/// <summary>
/// Finds actor mentions in a sentence with an <see cref="ActorDictionary"/>: one left-to-right pass over the tokens,
/// longest match first, composing names with sector phrases and resolving people by date.
/// </summary>
/// <remarks>
/// <para>Patterns, in the order they are tried at a token:</para>
/// <list type="bullet">
/// <item>The longest dictionary name starting here (a preceding <c>the</c> is taken when the name was written with
/// one: <c>the Pentagon</c>). For equal lengths people beat groups and organisations, which beat countries, then
/// regions, then sector phrases.</item>
/// <item>A country, region or organisation followed by a sector phrase, directly or after a possessive, composes:
/// <c>Iranian foreign minister</c>, <c>Iran 's foreign minister</c> → <c>IRNGOV</c>; <c>US forces</c> →
/// <c>USAMIL</c>; <c>UN peacekeepers</c> → <c>IGOUNOPKO</c> (an organisation composes only into an organ that
/// <c>international.txt</c> lists; otherwise, and for groups and names that carry their own sector such as seats, a
/// state-role phrase (<c>COP GOV INS JUD MIL OPP REB SEP SPY UAF</c>) is absorbed and the code stays:
/// <c>Pentagon officials</c> → <c>USAMIL</c>). A capital's <c>GOV</c> is only a default, so a capital recomposes:
/// <c>Moscow 's military</c> → <c>RUSMIL</c>.</item>
/// <item>A sector phrase followed by <c>of</c> [<c>the</c>] and a name composes the same way
/// (<c>the president of Iran</c>).</item>
/// <item>A title (a sector phrase, possibly composed) directly before a person merges into one person mention:
/// <c>Iranian Foreign Minister Javad Zarif</c>. A person followed by a phrase of their own sector absorbs it
/// (<c>Trump administration</c>).</item>
/// <item>A sector phrase alone is <see cref="ActorMentionKind.SectorOnly"/>, or
/// <see cref="ActorMentionKind.Institution"/> when it implies a country (<c>Knesset</c> → <c>ISRLEG</c>).</item>
/// </list>
/// <para>People match case-sensitively. A person is coded by the spell covering the date; without a date by their
/// most recent spell (lower confidence); with a date no spell covers, by the nearest spell (lower still).
/// <c>ambiguous:</c> names must keep the capitals of the dictionary form (<c>jordan</c> is no match), get lower
/// confidence, and a one-word ambiguous name between capitalised words is taken for part of a person's name
/// (<c>Michael Jordan</c>) and dropped. Capitals and seats right after a locative preposition (<c>in Tehran</c>) get
/// lower confidence: they are more often places than actors.</para>
/// <para>Matching allocates nothing per token: token ids go to a stack (or pooled) buffer, the vocabulary is read
/// through a span lookup, and mention strings are the dictionary's own.</para>
/// </remarks>
/// <threadsafety>Stateless besides the immutable dictionary: one instance can be shared by any number of threads.</threadsafety>
public sealed class ActorMatcher
{
    private const int StackTokens = 256;

    /// <summary>Prepositions after which a capital or seat is usually a place (<c>in Tehran</c>, <c>at the White
    /// House</c>). Not <c>from</c>, <c>to</c>, <c>toward</c>: "threats from Washington", "policy toward Tehran" are
    /// actors.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Locatives =
        new[] { "in", "at", "near", "into", "inside", "outside", "around", "across", "via", "within", "throughout" }
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Capitalised words that are not first names: days, months, titles outside <c>sectors.txt</c> and common
    /// sentence openers ("On Tuesday Trump said", "Secretary Pompeo", "Yesterday Jordan said").
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotFirstNames =
        new[]
        {
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
            "Secretary", "Chairman", "Chairwoman", "Chair", "Speaker", "Director", "Commissioner", "Chancellor",
            "Minister", "Premier", "President", "Vice", "Deputy", "Acting", "Former", "Governor", "Mayor", "Senator",
            "Representative", "Congressman", "Congresswoman", "Judge", "Justice", "King", "Queen", "Prince",
            "Princess", "Crown", "Emir", "Sheikh", "Sheik", "Sultan", "Sir", "Lord", "Lady", "Dame", "Mister",
            "General", "Admiral", "Colonel", "Lieutenant", "Major", "Captain", "Sergeant", "Marshal", "Brigadier",
            "Commander", "Pope", "Cardinal", "Ayatollah", "Hojatoleslam", "Imam", "Mullah", "Mufti", "Rabbi",
            "Envoy", "Ambassador", "Spokesman", "Spokeswoman", "Leader", "Chief",
            "A", "An", "And", "But", "Or", "So", "Yet", "Nor", "In", "On", "At", "By", "For", "From", "With", "Without",
            "After", "Before", "When", "While", "As", "If", "Since", "Although", "Though", "Despite", "Under", "Over",
            "Yesterday", "Today", "Tonight", "Meanwhile", "However", "Earlier", "Later", "Now", "Then", "Still", "Also",
            "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "Why", "What", "Where", "How", "Who",
            "Last", "Next", "Even", "Only", "Instead", "Separately", "Elsewhere", "Asked", "Both", "Neither", "Either",
        }
            .ToFrozenSet(StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly ActorDictionary _dictionary;

    /// <summary>Creates a matcher over a dictionary.</summary>
    /// <param name="dictionary">The compiled dictionary, shared.</param>
    public ActorMatcher(ActorDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        _dictionary = dictionary;
    }

    /// <summary>The dictionary this matcher uses.</summary>
    public ActorDictionary Dictionary => _dictionary;

    /// <summary>
    /// Appends the actor mentions of one sentence to <paramref name="output"/>, in text order, without overlaps.
    /// </summary>
    /// <param name="text">The document text the tokens point into.</param>
    /// <param name="sentenceTokens">The sentence's tokens; mention token indexes are relative to this span.</param>
    /// <param name="date">The document date, for people's role spells; <see langword="null"/> when unknown.</param>
    /// <param name="output">Receives the mentions; the caller may clear and reuse it.</param>
    public void Match(string text, ReadOnlySpan<Token> sentenceTokens, DateOnly? date, List<ActorMention> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        int n = sentenceTokens.Length;
        if (n == 0)
        {
            return;
        }

        int[]? rented = null;
        Span<int> ids = n <= StackTokens ? stackalloc int[n] : (rented = ArrayPool<int>.Shared.Rent(n)).AsSpan(0, n);
        try
        {
            ActorTrie trie = _dictionary.Trie;
            for (int i = 0; i < n; i++)
            {
                Token token = sentenceTokens[i];
                ids[i] = trie.TokenId(text.AsSpan(token.Start, token.Length));
            }

            new Scan(_dictionary, text, sentenceTokens, ids, date, output).Run();
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Which entries a lookup accepts.</summary>
    private enum Want : byte
    {
        Any,
        Block,
        Sector,
        Person,
    }

    /// <summary>A name found at a token range.</summary>
    private readonly record struct Hit(int Start, int End, TrieEntry? Entry)
    {
        public bool Found => Entry is not null;
    }

    /// <summary>How sure a mention is, by what it rests on.</summary>
    private static class Confidence
    {
        public const float Name = 1.0f;
        public const float Seat = 0.95f;
        public const float Adjective = 0.9f;
        public const float Capital = 0.8f;
        public const float Institution = 0.8f;
        public const float SectorOnly = 0.6f;
        public const float PersonDated = 1.0f;
        public const float PersonUndated = 0.7f;
        public const float PersonOutOfSpell = 0.5f;

        /// <summary>Factor for an ambiguous name alone; with a sector phrase (supporting context) it is milder.</summary>
        public const float Ambiguous = 0.6f;
        public const float AmbiguousComposed = 0.8f;

        /// <summary>Factor for a capital or seat after a locative preposition.</summary>
        public const float Locative = 0.6f;
    }

    /// <summary>One pass over one sentence. Lives on the stack.</summary>
    private ref struct Scan
    {
        private static readonly int GovId = ActorCodes.SectorId("GOV");

        /// <summary>Sector ids below this are the primary state/armed roles (COP ... UAF), which a group can absorb.</summary>
        private static readonly int PrimaryRoles = ActorCodes.SectorId("UAF") + 1;

        private readonly ActorDictionary _dictionary;
        private readonly ActorTrie _trie;
        private readonly ReadOnlySpan<char> _text;
        private readonly ReadOnlySpan<Token> _tokens;
        private readonly ReadOnlySpan<int> _ids;
        private readonly DateOnly? _date;
        private readonly List<ActorMention> _output;
        private int _lastEnd;

        public Scan(ActorDictionary dictionary, string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> ids, DateOnly? date, List<ActorMention> output)
        {
            _dictionary = dictionary;
            _trie = dictionary.Trie;
            _text = text;
            _tokens = tokens;
            _ids = ids;
            _date = date;
            _output = output;
            _lastEnd = 0;
        }

        public void Run()
        {
            int i = 0;
            while (i < _tokens.Length)
            {
                Hit hit = Longest(i, Want.Any);
                if (!hit.Found)
                {
                    i++;
                    continue;
                }

                int next = hit.Entry!.Type switch
                {
                    EntryType.Block => EmitBlock(hit),
                    EntryType.Sector => EmitSector(hit),
                    _ when hit.Entry.SingleWord && AfterFirstName(hit.Start) => hit.End,
                    _ => EmitPerson(hit.Start, hit),
                };
                i = Math.Max(next, i + 1);
            }
        }

        /// <summary>The longest accepted name starting at <paramref name="start"/>.</summary>
        private readonly Hit Longest(int start, Want want)
        {
            Hit best = default;
            int node = ActorTrie.Root;
            for (int k = start; k < _tokens.Length; k++)
            {
                int id = _ids[k];
                if (id < 0 || !_trie.TryChild(node, id, out node))
                {
                    break;
                }

                foreach (TrieEntry entry in _trie.EntriesAt(node))
                {
                    if (Accepts(want, entry.Type) && Fits(entry, start))
                    {
                        best = new Hit(start, k + 1, entry);
                        break;
                    }
                }
            }

            return best;
        }

        private static bool Accepts(Want want, EntryType type) => want switch
        {
            Want.Any => true,
            Want.Block => type == EntryType.Block,
            Want.Sector => type == EntryType.Sector,
            _ => type == EntryType.Person,
        };

        /// <summary>The case checks: exact for <c>=</c> names and people, the dictionary's capitals for ambiguous names.</summary>
        private readonly bool Fits(TrieEntry entry, int start)
        {
            if (!entry.CaseSensitive && !entry.Ambiguous)
            {
                return true;
            }

            string[] tokens = entry.Tokens;
            for (int j = 0; j < tokens.Length; j++)
            {
                ReadOnlySpan<char> actual = Word(start + j);
                string expected = tokens[j];
                if (entry.CaseSensitive)
                {
                    if (actual.Length != expected.Length)
                    {
                        return false;
                    }

                    for (int c = 0; c < actual.Length; c++)
                    {
                        if (NameForm.Fold(actual[c]) != expected[c])
                        {
                            return false;
                        }
                    }
                }
                else if (char.IsUpper(expected[0]) && !char.IsUpper(actual[0]))
                {
                    return false;
                }
            }

            return true;
        }

        private int EmitBlock(Hit hit)
        {
            TrieEntry entry = hit.Entry!;
            ActorEntity entity = _dictionary.Entities[entry.Target];
            if (entry.Ambiguous && entry.Tokens.Length == 1 && LooksLikePartOfPersonName(hit.Start, hit.End))
            {
                return hit.Start + 1;
            }

            int start = TakeThe(entry, hit.Start);
            ActorMentionKind kind = entry.Kind;
            string code = entity.Code;
            string? sector = entity.Sector;
            bool ownSector = entry.SectorId >= 0;
            if (ownSector)
            {
                code = entity.WithSector[entry.SectorId];
                sector = ActorCodes.Sectors[entry.SectorId];
            }
            else if (kind == ActorMentionKind.Capital)
            {
                code = entity.WithSector[GovId];
                sector = ActorCodes.Sectors[GovId];
            }

            float confidence = kind switch
            {
                ActorMentionKind.Name => Confidence.Name,
                ActorMentionKind.Seat => Confidence.Seat,
                ActorMentionKind.Capital => Confidence.Capital,
                _ => Confidence.Adjective,
            };

            // Composition with a following sector phrase, directly or after a possessive.
            int end = hit.End;
            int at = end;
            if (kind != ActorMentionKind.Adjective && at < _tokens.Length && IsPossessive(at))
            {
                at++;
            }

            bool composed = false;
            Hit phrase = Longest(at, Want.Sector);
            if (phrase.Found)
            {
                SectorPhrase sp = _dictionary.Phrases[phrase.Entry!.Target];
                string? recoded = ownSector ? null : entity.Composed[sp.SectorId];
                if (recoded is not null)
                {
                    code = recoded;
                    sector = sp.Sector;
                    composed = true;
                }
                else if (sp.SectorId < PrimaryRoles)
                {
                    composed = true;
                }

                if (composed)
                {
                    end = phrase.End;
                    Hit person = Longest(end, Want.Person);
                    if (person.Found)
                    {
                        return EmitPerson(start, person);
                    }
                }
            }

            if (entry.Ambiguous)
            {
                confidence *= composed ? Confidence.AmbiguousComposed : Confidence.Ambiguous;
            }

            if (!composed && kind is ActorMentionKind.Capital or ActorMentionKind.Seat && AfterLocative(start))
            {
                confidence *= Confidence.Locative;
            }

            Add(start, end, code, entity.Country, sector, kind, confidence, entity.CanonicalName);
            return end;
        }

        private int EmitSector(Hit hit)
        {
            SectorPhrase sp = _dictionary.Phrases[hit.Entry!.Target];
            int end = hit.End;

            // A title before a person: "Vice President Mike Pence".
            Hit person = Longest(end, Want.Person);
            if (person.Found)
            {
                return EmitPerson(hit.Start, person);
            }

            // "the president of Iran", "leaders of the EU".
            if (end + 1 < _tokens.Length && Is(end, "of"))
            {
                int at = end + 1;
                if (at + 1 < _tokens.Length && Is(at, "the"))
                {
                    at++;
                }

                Hit actor = Longest(at, Want.Block);
                if (actor.Found && actor.Entry!.Kind == ActorMentionKind.Name && actor.Entry.SectorId < 0)
                {
                    ActorEntity entity = _dictionary.Entities[actor.Entry.Target];
                    string? recoded = entity.Composed[sp.SectorId];
                    if (recoded is not null || sp.SectorId < PrimaryRoles)
                    {
                        float confidence = actor.Entry.Ambiguous ? Confidence.Name * Confidence.AmbiguousComposed : Confidence.Name;
                        Add(hit.Start, actor.End, recoded ?? entity.Code, entity.Country, recoded is null ? entity.Sector : sp.Sector, ActorMentionKind.Name, confidence, entity.CanonicalName);
                        return actor.End;
                    }
                }
            }

            if (sp.ImpliedCode is not null)
            {
                Add(hit.Start, end, sp.ImpliedCode, sp.ImpliedCountry, sp.Sector, ActorMentionKind.Institution, Confidence.Institution, sp.Phrase);
            }
            else
            {
                Add(hit.Start, end, sp.Sector, null, sp.Sector, ActorMentionKind.SectorOnly, Confidence.SectorOnly, sp.Phrase);
            }

            return end;
        }

        /// <summary>Emits a person found at <paramref name="hit"/>, with the mention starting at <paramref name="start"/> (a title).</summary>
        private int EmitPerson(int start, Hit hit)
        {
            PersonSpell spell = Resolve(hit.Entry!.Target, out PersonEntity person, out float confidence);
            int end = hit.End;
            Hit phrase = Longest(end, Want.Sector);
            if (phrase.Found && spell.Sector is not null
                && string.Equals(_dictionary.Phrases[phrase.Entry!.Target].Sector, spell.Sector, StringComparison.Ordinal))
            {
                end = phrase.End;
            }

            Add(start, end, spell.Code, spell.Country, spell.Sector, ActorMentionKind.Person, confidence, person.CanonicalName);
            return end;
        }

        /// <summary>The spell for the date: covering, else nearest; without a date the most recent.</summary>
        private readonly PersonSpell Resolve(int group, out PersonEntity person, out float confidence)
        {
            int[] members = _dictionary.PersonGroups[group];
            PersonEntity[] people = _dictionary.People;
            person = people[members[0]];
            PersonSpell best = person.Spells[person.Latest];
            if (_date is not DateOnly date)
            {
                foreach (int m in members)
                {
                    PersonSpell latest = people[m].Spells[people[m].Latest];
                    if (latest.Start > best.Start)
                    {
                        best = latest;
                        person = people[m];
                    }
                }

                confidence = Confidence.PersonUndated;
                return best;
            }

            int bestDistance = int.MaxValue;
            foreach (int m in members)
            {
                foreach (PersonSpell spell in people[m].Spells)
                {
                    int distance = spell.DistanceTo(date);
                    if (distance < bestDistance || (distance == 0 && bestDistance == 0 && spell.Start > best.Start))
                    {
                        best = spell;
                        bestDistance = distance;
                        person = people[m];
                    }
                }
            }

            confidence = bestDistance == 0 ? Confidence.PersonDated : Confidence.PersonOutOfSpell;
            return best;
        }

        /// <summary>Takes a <c>the</c> before a name written with one, unless a previous mention owns it.</summary>
        private readonly int TakeThe(TrieEntry entry, int start) =>
            entry.LeadingThe && start - 1 >= _lastEnd && start > 0 && Is(start - 1, "the") ? start - 1 : start;

        /// <summary>
        /// A one-word ambiguous name next to a capitalised word that is not itself a name (<c>Michael Jordan</c>,
        /// <c>Jordan Peterson</c>) is probably part of a person's name. A sentence's first word says nothing: it is
        /// capitalised anyway.
        /// </summary>
        private readonly bool LooksLikePartOfPersonName(int start, int end) =>
            AfterFirstName(start) || (end < _tokens.Length && IsCapitalisedWord(end) && !Longest(end, Want.Any).Found);

        /// <summary>
        /// True after a capitalised word that no mention took: a one-word name there is probably the end of another
        /// name (<c>Ivanka Trump</c>, <c>Ain al-Assad</c>, <c>Michael Jordan</c>). Titles are not first names: sector
        /// titles were consumed already, abbreviated ones (<c>Gen.</c>) have a period, and the rest, with days,
        /// months and sentence openers, are listed.
        /// </summary>
        private readonly bool AfterFirstName(int start) =>
            start - 1 >= _lastEnd && start > 0 && IsCapitalisedWord(start - 1) && !NotFirstNames.Contains(Word(start - 1));

        /// <summary>A word like <c>Michael</c>: a capital, then at least one lower-case letter, and no period.</summary>
        private readonly bool IsCapitalisedWord(int k)
        {
            ReadOnlySpan<char> word = Word(k);
            if (word.Length < 2 || !char.IsUpper(word[0]) || Is(k, "the") || word.Contains('.'))
            {
                return false;
            }

            foreach (char c in word[1..])
            {
                if (char.IsLower(c))
                {
                    return true;
                }
            }

            return false;
        }

        private readonly bool AfterLocative(int start) => start > 0 && Locatives.Contains(Word(start - 1));

        private readonly bool IsPossessive(int k)
        {
            ReadOnlySpan<char> word = Word(k);
            return word.Length switch
            {
                1 => word[0] is '\'' or '\u2019',
                2 => word[0] is '\'' or '\u2019' && word[1] is 's' or 'S',
                _ => false,
            };
        }

        private readonly bool Is(int k, string word) => Word(k).Equals(word, StringComparison.OrdinalIgnoreCase);

        private readonly ReadOnlySpan<char> Word(int k) => _text.Slice(_tokens[k].Start, _tokens[k].Length);

        private void Add(int start, int end, string code, string? country, string? sector, ActorMentionKind kind, float confidence, string entity)
        {
            Token first = _tokens[start];
            Token last = _tokens[end - 1];
            _output.Add(new ActorMention(start, end - start, first.Start, last.End, code, country, sector, kind, confidence, entity));
            _lastEnd = end;
        }
    }
}
