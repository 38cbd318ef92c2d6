namespace Casus.Syntax;

/// <summary>
/// The tagger's classes: joint (UPOS, XPOS) pairs seen in training. Immutable.
/// </summary>
public sealed class TagSet
{
    private readonly Dictionary<(string, string), int> _index;

    /// <summary>Creates a tag set from (UPOS, XPOS) pairs in class order.</summary>
    public TagSet(IReadOnlyList<(string Upos, string Xpos)> tags)
    {
        Upos = [.. tags.Select(t => t.Upos)];
        Xpos = [.. tags.Select(t => t.Xpos)];
        _index = [];
        for (var i = 0; i < tags.Count; i++)
        {
            _index[(tags[i].Upos, tags[i].Xpos)] = i;
        }
        IsPunct = [.. Upos.Select(u => u == "PUNCT")];
    }

    /// <summary>UPOS per class id.</summary>
    public string[] Upos { get; }

    /// <summary>XPOS per class id.</summary>
    public string[] Xpos { get; }

    internal bool[] IsPunct { get; }

    /// <summary>Number of classes.</summary>
    public int Count => Upos.Length;

    /// <summary>Class id of a pair, or -1.</summary>
    public int IndexOf(string upos, string xpos) => _index.TryGetValue((upos, xpos), out var i) ? i : -1;
}
