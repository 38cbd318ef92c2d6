using System.Collections.Frozen;

namespace Casus.Events.Actors;

/// <summary>What a trie entry refers to.</summary>
internal enum EntryType : byte
{
    /// <summary>A block of a block file: <see cref="TrieEntry.Target"/> indexes the entities.</summary>
    Block,

    /// <summary>A line of <c>sectors.txt</c>: <see cref="TrieEntry.Target"/> indexes the sector phrases.</summary>
    Sector,

    /// <summary>A person name: <see cref="TrieEntry.Target"/> indexes the person groups (people sharing a name).</summary>
    Person,
}

/// <summary>One name ending at a trie node, with what it takes to accept it in a text. Immutable.</summary>
internal sealed class TrieEntry
{
    public required EntryType Type { get; init; }

    public required int Target { get; init; }

    public required ActorMentionKind Kind { get; init; }

    /// <summary>Match only the exact case of <see cref="Tokens"/>.</summary>
    public required bool CaseSensitive { get; init; }

    /// <summary>Listed under <c>ambiguous:</c>: needs the capitals of <see cref="Tokens"/> and gets lower confidence.</summary>
    public required bool Ambiguous { get; init; }

    /// <summary>The name was written with a leading <c>the</c>, which the matcher may take from the text.</summary>
    public required bool LeadingThe { get; init; }

    /// <summary>The sector of a <c>(SECTOR)</c> suffix or seat, or -1.</summary>
    public required int SectorId { get; init; }

    /// <summary>The name's tokens as written, for the case checks.</summary>
    public required string[] Tokens { get; init; }

    /// <summary>The name is one word (no space): a surname alone (<c>Trump</c>, <c>al-Assad</c>) or an acronym.</summary>
    public required bool SingleWord { get; init; }

    /// <summary>Higher wins among entries valid at the same node.</summary>
    public required byte Precedence { get; init; }
}

/// <summary>
/// Names compiled into a token-sequence trie. Tokens are looked up in a case-folded vocabulary (a
/// <see cref="FrozenDictionary{TKey, TValue}"/> read through a <see cref="ReadOnlySpan{T}"/> alternate lookup, so a
/// text token is never turned into a string); edges are keyed by (node, token id). Immutable after
/// <see cref="Builder.Build"/>, safe to share across threads.
/// </summary>
internal sealed class ActorTrie
{
    /// <summary>The root node.</summary>
    public const int Root = 0;

    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _vocabulary;
    private readonly FrozenDictionary<long, int> _edges;
    private readonly int[] _entryStart;
    private readonly TrieEntry[] _entries;

    private ActorTrie(FrozenDictionary<string, int> vocabulary, FrozenDictionary<long, int> edges, int[] entryStart, TrieEntry[] entries, int maxTokenLength)
    {
        _vocabulary = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        _edges = edges;
        _entryStart = entryStart;
        _entries = entries;
        MaxTokenLength = maxTokenLength;
        VocabularySize = vocabulary.Count;
    }

    /// <summary>The longest token of any name, in characters.</summary>
    public int MaxTokenLength { get; }

    /// <summary>Distinct case-folded tokens.</summary>
    public int VocabularySize { get; }

    /// <summary>Number of nodes, the root included.</summary>
    public int NodeCount => _entryStart.Length - 1;

    /// <summary>Number of names (entries).</summary>
    public int EntryCount => _entries.Length;

    /// <summary>The id of a text token, or -1 when no name contains it. Allocation-free.</summary>
    public int TokenId(ReadOnlySpan<char> token)
    {
        if (token.Length == 0 || token.Length > MaxTokenLength)
        {
            return -1;
        }

        if (token.Contains('\u2019'))
        {
            Span<char> folded = stackalloc char[token.Length];
            for (int i = 0; i < token.Length; i++)
            {
                folded[i] = NameForm.Fold(token[i]);
            }

            return _vocabulary.TryGetValue(folded, out int foldedId) ? foldedId : -1;
        }

        return _vocabulary.TryGetValue(token, out int id) ? id : -1;
    }

    /// <summary>Follows the edge for a token from a node.</summary>
    public bool TryChild(int node, int tokenId, out int child) =>
        _edges.TryGetValue(((long)node << 32) | (uint)tokenId, out child);

    /// <summary>The names ending at a node, best precedence first.</summary>
    public ReadOnlySpan<TrieEntry> EntriesAt(int node) =>
        _entries.AsSpan(_entryStart[node], _entryStart[node + 1] - _entryStart[node]);

    /// <summary>Collects names and builds the trie. Not thread-safe; used once per load.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> _vocabulary = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<long, int> _edges = [];
        private readonly List<List<Pending>> _nodes = [[]];
        private int _maxTokenLength;

        /// <summary>
        /// Adds a name. The same name of the same target is kept once: the kinds merge (a string that is both an
        /// adjective and a demonym is an <see cref="ActorMentionKind.Adjective"/>), and ambiguity and a leading
        /// <c>the</c> carry over.
        /// </summary>
        public void Add(NameForm form, EntryType type, int target, ActorMentionKind kind, bool ambiguous, byte precedence)
        {
            int node = Root;
            foreach (string token in form.Tokens)
            {
                if (!_vocabulary.TryGetValue(token, out int id))
                {
                    id = _vocabulary.Count;
                    _vocabulary.Add(token, id);
                    _maxTokenLength = Math.Max(_maxTokenLength, token.Length);
                }

                long key = ((long)node << 32) | (uint)id;
                if (!_edges.TryGetValue(key, out int child))
                {
                    child = _nodes.Count;
                    _nodes.Add([]);
                    _edges.Add(key, child);
                }

                node = child;
            }

            foreach (Pending existing in _nodes[node])
            {
                if (existing.Type == type && existing.Target == target && existing.Form.SectorId == form.SectorId
                    && existing.Form.CaseSensitive == form.CaseSensitive
                    && (!form.CaseSensitive || existing.Form.ExactKey == form.ExactKey))
                {
                    existing.Kind = Rank(kind) < Rank(existing.Kind) ? kind : existing.Kind;
                    existing.Ambiguous |= ambiguous;
                    existing.LeadingThe |= form.LeadingThe;
                    return;
                }
            }

            _nodes[node].Add(new Pending(form, type, target, precedence) { Kind = kind, Ambiguous = ambiguous, LeadingThe = form.LeadingThe });
        }

        public ActorTrie Build()
        {
            int[] start = new int[_nodes.Count + 1];
            var entries = new List<TrieEntry>();
            for (int node = 0; node < _nodes.Count; node++)
            {
                start[node] = entries.Count;
                // Stable: among equals, the name added first (shipped file order) stays first.
                foreach (Pending p in _nodes[node].OrderByDescending(e => e.Precedence))
                {
                    entries.Add(new TrieEntry
                    {
                        Type = p.Type,
                        Target = p.Target,
                        Kind = p.Kind,
                        CaseSensitive = p.Form.CaseSensitive,
                        Ambiguous = p.Ambiguous,
                        LeadingThe = p.LeadingThe,
                        SectorId = p.Form.SectorId,
                        Tokens = p.Form.Tokens,
                        SingleWord = !p.Form.Text.Contains(' '),
                        Precedence = p.Precedence,
                    });
                }
            }

            start[_nodes.Count] = entries.Count;
            return new ActorTrie(
                _vocabulary.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
                _edges.ToFrozenDictionary(),
                start,
                [.. entries],
                _maxTokenLength);
        }

        /// <summary>An entry while names are added: the same name of the same target merges into it.</summary>
        private sealed class Pending(NameForm form, EntryType type, int target, byte precedence)
        {
            public NameForm Form { get; } = form;

            public EntryType Type { get; } = type;

            public int Target { get; } = target;

            public byte Precedence { get; } = precedence;

            public ActorMentionKind Kind { get; set; }

            public bool Ambiguous { get; set; }

            public bool LeadingThe { get; set; }
        }

        /// <summary>Which kind describes a string listed under several keys of one block.</summary>
        private static int Rank(ActorMentionKind kind) => kind switch
        {
            ActorMentionKind.Name => 0,
            ActorMentionKind.Capital => 1,
            ActorMentionKind.Seat => 2,
            ActorMentionKind.Adjective => 3,
            _ => 4,
        };
    }
}
