using Casus.Text;

namespace Casus.Events.Coding;

/// <summary>A verb of saying in a sentence, with the actor who speaks (from the parse and the actor dictionaries).</summary>
/// <param name="Sentence">1-based sentence number.</param>
/// <param name="VerbStart">Offset of the speech verb.</param>
/// <param name="VerbEnd">Offset one past it.</param>
/// <param name="Verb">The verb as written.</param>
/// <param name="Speaker">The speaker as an actor, or null when the dictionaries do not know them.</param>
/// <param name="SpeakerText">The subject as written (a name even when unresolved), or null.</param>
/// <param name="SpeakerStart">Offset of the subject, or -1.</param>
/// <param name="SpeakerEnd">Offset one past it, or -1.</param>
public sealed record SpeechAct(int Sentence, int VerbStart, int VerbEnd, string Verb, EventActor? Speaker, string? SpeakerText, int SpeakerStart, int SpeakerEnd);

/// <summary>A direct quotation and who said it.</summary>
/// <param name="DocumentId">Document id.</param>
/// <param name="Sentence">1-based sentence number where the quotation starts.</param>
/// <param name="Start">Offset of the first quoted character (inside the quotation marks).</param>
/// <param name="End">Offset one past the last quoted character.</param>
/// <param name="Text">The quoted words.</param>
/// <param name="Speech">The speech verb and speaker it is attributed to, or null when none is found.</param>
public sealed record Quote(string DocumentId, int Sentence, int Start, int End, string Text, SpeechAct? Speech);

/// <summary>
/// Finds direct quotations in a document ("…" and "...") and attributes each to a speech verb outside it: in the
/// sentence where the quotation ends ("…," said Lorenzana), else where it starts (Trump said: "…"), else the
/// sentence before when that one ends in a colon. Scare quotes of one or two words are not quotations.
/// </summary>
public static class QuoteFinder
{
    private const int MinimumWords = 3;

    /// <summary>Appends the quotations of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public static void Find(string documentId, string text, IReadOnlyList<Sentence> sentences, IReadOnlyList<SpeechAct> speech, List<Quote> output)
    {
        var open = -1;
        var straight = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (open < 0 && (c == '\u201C' || (c == '"' && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))))
            {
                open = i + 1;
                straight = c == '"';
            }
            else if (open >= 0 && ((straight && c == '"') || (!straight && c == '\u201D')))
            {
                Add(documentId, text, sentences, speech, open, i, output);
                open = -1;
            }
            else if (open >= 0 && c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // A quotation runs to the end of its paragraph at most (a multi-paragraph one reopens with a new mark).
                Add(documentId, text, sentences, speech, open, i, output);
                open = -1;
            }
        }
    }

    private static void Add(string documentId, string text, IReadOnlyList<Sentence> sentences, IReadOnlyList<SpeechAct> speech, int start, int end, List<Quote> output)
    {
        var words = 0;
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i == start || char.IsWhiteSpace(text[i - 1])))
            {
                words++;
            }
        }
        if (words < MinimumWords)
        {
            return;
        }
        var first = SentenceOf(sentences, start);
        var last = SentenceOf(sentences, end - 1);
        var said = Nearest(speech, last, start, end, after: true) ?? Nearest(speech, first, start, end, after: false);
        if (said is null && first > 1 && sentences[first - 2] is var previous && previous.End > 0 && text[previous.End - 1] == ':')
        {
            said = Nearest(speech, first - 1, start, end, after: false);
        }
        if (said is null && output.Count > 0 && output[^1] is { Speech: { } earlier } before && before.DocumentId == documentId && first - SentenceOf(sentences, before.End - 1) <= 1)
        {
            // A quotation that goes on in the next sentence or paragraph keeps its speaker ("... he said. "Otherwise ...").
            said = earlier;
        }
        var trimmedEnd = end;
        while (trimmedEnd > start && char.IsWhiteSpace(text[trimmedEnd - 1]))
        {
            trimmedEnd--;
        }
        output.Add(new Quote(documentId, first, start, trimmedEnd, text[start..trimmedEnd], said));
    }

    /// <summary>The speech act of sentence <paramref name="sentence"/> outside the quotation, nearest to it.</summary>
    private static SpeechAct? Nearest(IReadOnlyList<SpeechAct> speech, int sentence, int start, int end, bool after)
    {
        SpeechAct? best = null;
        var distance = int.MaxValue;
        foreach (var act in speech)
        {
            if (act.Sentence != sentence || (act.VerbStart >= start && act.VerbStart < end))
            {
                continue;
            }
            var d = act.VerbStart >= end ? act.VerbStart - end : start - act.VerbEnd;
            if ((after && act.VerbStart < end) || d >= distance)
            {
                continue;
            }
            best = act;
            distance = d;
        }
        return best;
    }

    private static int SentenceOf(IReadOnlyList<Sentence> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sentences[mid].Start <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found + 1;
    }
}
