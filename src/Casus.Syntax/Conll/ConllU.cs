using System.Text;

namespace Casus.Syntax.Conll;

/// <summary>One word line of a CoNLL-U sentence (a syntactic word, not a multiword range).</summary>
public sealed class ConllWord
{
    /// <summary>1-based word index within the sentence.</summary>
    public int Id { get; set; }

    /// <summary>Word form.</summary>
    public string Form { get; set; } = "_";

    /// <summary>Lemma, or "_".</summary>
    public string Lemma { get; set; } = "_";

    /// <summary>Universal POS tag, or "_".</summary>
    public string Upos { get; set; } = "_";

    /// <summary>Language-specific (Penn) POS tag, or "_".</summary>
    public string Xpos { get; set; } = "_";

    /// <summary>Morphological features, or "_".</summary>
    public string Feats { get; set; } = "_";

    /// <summary>Head word index (0 = root), or -1 when absent ("_").</summary>
    public int Head { get; set; } = -1;

    /// <summary>Dependency relation with subtype (e.g. <c>nsubj:pass</c>), or "_".</summary>
    public string Deprel { get; set; } = "_";

    /// <summary>Enhanced dependencies, kept verbatim.</summary>
    public string Deps { get; set; } = "_";

    /// <summary>Miscellaneous column, kept verbatim.</summary>
    public string Misc { get; set; } = "_";

    /// <summary>The universal part of the relation: the text before the first ':'.</summary>
    public string UniversalDeprel => Deprel.IndexOf(':') is var i and >= 0 ? Deprel[..i] : Deprel;

    /// <summary>False when the MISC column carries <c>SpaceAfter=No</c>.</summary>
    public bool SpaceAfter => !Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
}

/// <summary>
/// One CoNLL-U sentence: comments, words, and the lines that are not words (multiword-token ranges and empty
/// nodes), which are kept verbatim so that a file round-trips.
/// </summary>
public sealed class ConllSentence
{
    /// <summary>Comment lines without the leading "# ".</summary>
    public List<string> Comments { get; } = [];

    /// <summary>The syntactic words, in order; Id is the 1-based position.</summary>
    public List<ConllWord> Words { get; } = [];

    /// <summary>Range and empty-node lines, keyed by the number of words that precede them.</summary>
    public List<(int Before, string Line)> OtherLines { get; } = [];

    /// <summary>Value of a <c># key = value</c> comment, or null.</summary>
    public string? Comment(string key)
    {
        foreach (var c in Comments)
        {
            if (c.StartsWith(key, StringComparison.Ordinal))
            {
                var rest = c.AsSpan(key.Length).TrimStart();
                if (rest.Length > 0 && rest[0] == '=')
                {
                    return rest[1..].Trim().ToString();
                }
            }
        }
        return null;
    }

    /// <summary>Multiword-token ranges (first, last, surface form) of this sentence.</summary>
    public IEnumerable<(int First, int Last, string Form)> MultiwordTokens()
    {
        foreach (var (_, line) in OtherLines)
        {
            var tab = line.IndexOf('\t');
            var id = line.AsSpan(0, tab);
            var dash = id.IndexOf('-');
            if (dash > 0)
            {
                var rest = line.AsSpan(tab + 1);
                var tab2 = rest.IndexOf('\t');
                yield return (int.Parse(id[..dash]), int.Parse(id[(dash + 1)..]), (tab2 < 0 ? rest : rest[..tab2]).ToString());
            }
        }
    }
}

/// <summary>A CoNLL-U format error with its location.</summary>
public sealed class ConllFormatException(string location, string message) : FormatException($"{location}: {message}")
{
    /// <summary><c>file:line</c> of the bad line.</summary>
    public string Location { get; } = location;
}

/// <summary>Reads and writes CoNLL-U (https://universaldependencies.org/format.html).</summary>
public static class ConllU
{
    /// <summary>Reads all sentences of a file.</summary>
    public static List<ConllSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return [.. Read(reader, path)];
    }

    /// <summary>Reads sentences lazily; throws <see cref="ConllFormatException"/> naming the line on bad input.</summary>
    public static IEnumerable<ConllSentence> Read(TextReader reader, string name = "<input>")
    {
        var current = new ConllSentence();
        var lineNo = 0;
        var any = false;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                if (any)
                {
                    yield return current;
                    current = new ConllSentence();
                    any = false;
                }
                continue;
            }
            any = true;
            if (line[0] == '#')
            {
                current.Comments.Add(line.Length > 1 && line[1] == ' ' ? line[2..] : line[1..]);
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length != 10)
            {
                throw new ConllFormatException($"{name}:{lineNo}", $"expected 10 tab-separated columns, found {cols.Length}");
            }
            var id = cols[0];
            if (id.Contains('-') || id.Contains('.'))
            {
                current.OtherLines.Add((current.Words.Count, line));
                continue;
            }
            if (!int.TryParse(id, out var n) || n != current.Words.Count + 1)
            {
                throw new ConllFormatException($"{name}:{lineNo}", $"word id '{id}' out of sequence (expected {current.Words.Count + 1})");
            }
            var head = -1;
            if (cols[6] != "_" && !int.TryParse(cols[6], out head))
            {
                throw new ConllFormatException($"{name}:{lineNo}", $"head '{cols[6]}' is not a number");
            }
            current.Words.Add(new ConllWord
            {
                Id = n,
                Form = cols[1],
                Lemma = cols[2],
                Upos = cols[3],
                Xpos = cols[4],
                Feats = cols[5],
                Head = head,
                Deprel = cols[7],
                Deps = cols[8],
                Misc = cols[9],
            });
        }
        if (any)
        {
            yield return current;
        }
    }

    /// <summary>Writes one sentence followed by a blank line.</summary>
    public static void Write(TextWriter writer, ConllSentence sentence)
    {
        foreach (var c in sentence.Comments)
        {
            writer.Write("# ");
            writer.Write(c);
            writer.Write('\n');
        }
        var other = 0;
        for (var i = 0; i < sentence.Words.Count; i++)
        {
            while (other < sentence.OtherLines.Count && sentence.OtherLines[other].Before == i)
            {
                writer.Write(sentence.OtherLines[other++].Line);
                writer.Write('\n');
            }
            var w = sentence.Words[i];
            writer.Write(w.Id);
            writer.Write('\t');
            writer.Write(w.Form);
            writer.Write('\t');
            writer.Write(w.Lemma);
            writer.Write('\t');
            writer.Write(w.Upos);
            writer.Write('\t');
            writer.Write(w.Xpos);
            writer.Write('\t');
            writer.Write(w.Feats);
            writer.Write('\t');
            if (w.Head < 0)
            {
                writer.Write('_');
            }
            else
            {
                writer.Write(w.Head);
            }
            writer.Write('\t');
            writer.Write(w.Deprel);
            writer.Write('\t');
            writer.Write(w.Deps);
            writer.Write('\t');
            writer.Write(w.Misc);
            writer.Write('\n');
        }
        while (other < sentence.OtherLines.Count)
        {
            writer.Write(sentence.OtherLines[other++].Line);
            writer.Write('\n');
        }
        writer.Write('\n');
    }
}
