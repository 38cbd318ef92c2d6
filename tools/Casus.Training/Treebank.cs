using Casus.Syntax;
using Casus.Syntax.Conll;

namespace Casus.Training;

/// <summary>Loads the training treebanks with the licence filter for GUM.</summary>
internal static class Treebank
{
    /// <summary>GUM genres published under CC BY (or public domain); the others are NC and never used.</summary>
    public static readonly string[] GumOpenGenres = ["news", "interview", "bio", "voyage", "textbook", "vlog", "conversation", "speech"];

    public static List<ConllSentence> Load(string path, bool gumOpenOnly = false)
    {
        var all = ConllU.ReadFile(path);
        if (!gumOpenOnly)
        {
            return all;
        }
        var kept = new List<ConllSentence>();
        foreach (var s in all)
        {
            var id = s.Comment("sent_id") ?? throw new InvalidDataException($"{path}: sentence without sent_id");
            if (IsOpenGum(id))
            {
                kept.Add(s);
            }
        }
        return kept;
    }

    public static bool IsOpenGum(string sentId)
    {
        var parts = sentId.Split('_');
        return parts.Length >= 3 && parts[0] == "GUM" && GumOpenGenres.Contains(parts[1]);
    }

    /// <summary>Loads a gold-tokenized sentence into a buffer: forms joined by spaces.</summary>
    public static void LoadGold(ConllSentence s, SyntaxBuffer b) => b.LoadWords(s.Words.ConvertAll(w => w.Form));
}
