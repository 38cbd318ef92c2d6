using System.Runtime.InteropServices;
using Casus.Counts;
using Casus.Events.Actors;
using Casus.Events.Cameo;
using Casus.Events.Lexicon;
using Casus.Places;
using Casus.Syntax;
using Casus.Text;
using Casus.Time;

namespace Casus.Events.Coding;

/// <summary>
/// The whole path from a document's text to its events: segment, tag and parse, find actors, code events.
/// Immutable and thread-safe; each thread brings a <see cref="Worker"/>.
/// </summary>
public sealed class CodingPipeline
{
    /// <summary>Creates a pipeline from loaded parts.</summary>
    public CodingPipeline(SyntaxPipeline syntax, ActorMatcher actors, EventCoder coder, Gazetteer? gazetteer = null)
    {
        _places = new PlaceRecognizer(gazetteer ?? Gazetteer.LoadDefault());
        var tree = new ClauseTree(syntax);
        _dates = new DateFinder(tree);
        _eventDates = new EventDates(tree);
        _counts = new CountFinder(CountLexicon.Default, tree);
        _attachment = new CountAttachment(tree);
        Syntax = syntax;
        Actors = actors;
        Coder = coder;
    }

    /// <summary>Tagger, lemmatizer and parser.</summary>
    public SyntaxPipeline Syntax { get; }

    /// <summary>Actor matcher.</summary>
    public ActorMatcher Actors { get; }

    /// <summary>Event coder.</summary>
    public EventCoder Coder { get; }

    /// <summary>
    /// Loads the built-in models and dictionaries, with the user's actor dictionaries from
    /// <paramref name="userDictionaries"/> layered on top; errors name file and line.
    /// </summary>
    public static CodingPipeline Load(SyntaxPipeline syntax, string? userDictionaries, string version, Gazetteer? gazetteer = null)
    {
        var result = ActorDictionary.Load(userDictionaries);
        if (!result.Succeeded || result.Dictionary is null)
        {
            throw new InvalidDataException("actor dictionaries have errors:\n" + string.Join('\n', result.Errors));
        }
        var cameo = CameoTable.LoadDefault();
        var lexicon = EventLexicon.LoadDefault();
        var coder = new EventCoder(lexicon, cameo, syntax, version);
        return new CodingPipeline(syntax, new ActorMatcher(result.Dictionary), coder, gazetteer);
    }

    private readonly PlaceRecognizer _places;
    private readonly DateFinder _dates;
    private readonly EventDates _eventDates;
    private readonly CountFinder _counts;
    private readonly CountAttachment _attachment;

    /// <summary>Per-thread working memory.</summary>
    public sealed class Worker
    {
        internal readonly List<DateMention> Dates = [];
        internal readonly List<CountMention> Counts = [];
        internal readonly List<Incident> Incidents = [];
        internal readonly List<int> Triggers = [];
        internal readonly List<Quote> Quotes = [];
        internal readonly HashSet<string> SeenIds = new(StringComparer.Ordinal);
        internal readonly List<WordSyntax> Words = [];
        internal readonly List<TextSpan> Excluded = [];
        internal readonly List<string> ActorCountries = [];
        internal readonly SyntaxBuffer Buffer = new();
        internal readonly List<Token> Tokens = [];
        internal readonly List<Sentence> Sentences = [];
        internal readonly List<ActorMention> Mentions = [];
        internal readonly EventCoder.Scratch Scratch = new();
    }

    /// <summary>
    /// Codes a document, appending its events; returns the number of sentences. With <paramref name="explain"/>,
    /// writes each sentence's actor mentions there, for seeing why something was or was not coded.
    /// </summary>
    public int Code(string documentId, string text, DateOnly? date, Worker worker, List<CodedEvent> output, TextWriter? explain = null, List<Quote>? quotes = null)
    {
        worker.Tokens.Clear();
        worker.Sentences.Clear();
        Segmenter.Default.Segment(text, worker.Tokens, worker.Sentences);
        var tokens = CollectionsMarshal.AsSpan(worker.Tokens);
        var memory = new DocumentActors();
        var dates = new DateContext(date);
        var documentFirst = output.Count;
        worker.Words.Clear();
        worker.Excluded.Clear();
        worker.ActorCountries.Clear();
        for (var i = 0; i < worker.Sentences.Count; i++)
        {
            var sentence = worker.Sentences[i];
            var sentenceTokens = tokens.Slice(sentence.FirstToken, sentence.TokenCount);
            Syntax.Analyze(text, sentenceTokens, worker.Buffer);
            worker.Mentions.Clear();
            Actors.Match(text, sentenceTokens, date, worker.Mentions);
            if (explain is not null)
            {
                explain.WriteLine($"{documentId} sentence {i + 1}: {text.Substring(sentence.Start, sentence.Length).ReplaceLineEndings(" ")}");
                foreach (var m in worker.Mentions)
                {
                    explain.WriteLine($"  actor [{m.Start},{m.End}) '{text[m.Start..m.End]}' {m.Code} ({m.Kind}, {m.Confidence:F2}, {m.Entity})");
                }
            }
            var first = output.Count;
            Coder.Code(new SentenceInput(documentId, text, date, i + 1, sentence, worker.Buffer, worker.Mentions, memory), worker.Scratch, output);
            worker.Dates.Clear();
            _dates.Find(text, sentenceTokens, dates, worker.Dates, worker.Buffer);
            worker.Counts.Clear();
            _counts.Find(text, sentenceTokens, worker.Counts, worker.Buffer);
            Enrich(text, date, sentence, sentenceTokens, worker, output, first, documentId, i + 1);
            WordSyntax.AppendSentence(Syntax, worker.Buffer, worker.Words);
            foreach (var m in worker.Mentions)
            {
                if (IsNamedNonPlace(m))
                {
                    worker.Excluded.Add(new TextSpan(m.Start, m.End - m.Start));
                }
                if (m.Country is { Length: 3 } c && m.Kind != ActorMentionKind.SectorOnly && c is not ("IGO" or "NGO" or "MNC" or "IMG"))
                {
                    worker.ActorCountries.Add(c);
                }
            }
        }
        RemoveDuplicates(output, documentFirst, worker.SeenIds);
        Locate(text, worker, output, documentFirst);
        Attribute(documentId, text, worker, memory, output, documentFirst, quotes);
        return worker.Sentences.Count;
    }

    /// <summary>
    /// Gives the sentence's new events their own date, casualties and deployment size, and adds an incident record
    /// for deaths or injuries that belong to no event (a stampede, a building collapse).
    /// </summary>
    private void Enrich(string text, DateOnly? documentDate, Sentence sentence, ReadOnlySpan<Token> tokens, Worker worker, List<CodedEvent> output, int first, string documentId, int number)
    {
        var dates = CollectionsMarshal.AsSpan(worker.Dates);
        var counts = CollectionsMarshal.AsSpan(worker.Counts);
        worker.Triggers.Clear();
        for (var k = first; k < output.Count; k++)
        {
            var e = output[k];
            var trigger = TokenAt(tokens, e.TriggerStart);
            worker.Triggers.Add(trigger);
            if (trigger < 0)
            {
                continue;
            }
            var changed = e;
            if (dates.Length > 0 && _eventDates.Choose(dates, worker.Buffer, trigger) is >= 0 and var d && dates[d].Date is { } day)
            {
                changed = changed with { Date = day, DatePrecision = dates[d].PrecisionName, DateBasis = "clause", DateSpan = (dates[d].Start, dates[d].End) };
            }
            if (counts.Length > 0)
            {
                var casualties = _attachment.CasualtiesOf(counts, worker.Buffer, trigger);
                if (!casualties.IsEmpty)
                {
                    changed = changed with { Casualties = casualties };
                }
                if (e.Root == "15" && _attachment.DeploymentOf(counts, worker.Buffer, trigger) is { } deployment)
                {
                    var materiel = deployment.Materiel.Select(m => new Materiel(m.Value, m.QualifierName, m.UnitText(text), m.EvidenceStart, m.EvidenceEnd)).ToList();
                    changed = changed with { Deployment = new EventDeployment(deployment.Personnel, materiel) };
                }
            }
            if (!ReferenceEquals(changed, e))
            {
                output[k] = changed;
            }
        }
        if (counts.Length == 0)
        {
            return;
        }
        worker.Incidents.Clear();
        _attachment.Incidents(counts, worker.Buffer, CollectionsMarshal.AsSpan(worker.Triggers), worker.Incidents);
        foreach (var incident in worker.Incidents)
        {
            if (!HasVictims(incident.Casualties))
            {
                // "No casualties were reported" belongs to an event, if any; alone it is no incident.
                continue;
            }
            var (start, end) = incident.Cause is null ? (incident.EvidenceStart, incident.EvidenceEnd) : (incident.CauseStart, incident.CauseEnd);
            DateOnly? day = null;
            string precision = "day", basis = "document";
            (int, int)? span = null;
            var at = TokenAt(tokens, start);
            if (at >= 0 && dates.Length > 0 && _eventDates.Choose(dates, worker.Buffer, at) is >= 0 and var d && dates[d].Date is { } found)
            {
                (day, precision, basis, span) = (found, dates[d].PrecisionName, "clause", (dates[d].Start, dates[d].End));
            }
            output.Add(new CodedEvent
            {
                Id = IncidentId(documentId, number, start),
                Kind = "incident",
                DocumentId = documentId,
                Sentence = number,
                Date = day ?? documentDate,
                DatePrecision = precision,
                DateBasis = basis,
                DateSpan = span,
                Cameo = string.Empty,
                Root = string.Empty,
                TriggerText = text[start..end],
                TriggerStart = start,
                TriggerEnd = end,
                Text = text.Substring(sentence.Start, sentence.Length),
                SentenceStart = sentence.Start,
                SentenceEnd = sentence.End,
                Modality = "asserted",
                Confidence = 0.8f,
                Pattern = "rule:incident",
                Casualties = incident.Casualties,
            });
        }
    }

    private static bool HasVictims(Casualties c) =>
        c.Killed?.Value > 0 || c.Injured?.Value > 0 || c.Missing?.Value > 0 || c.Arrested?.Value > 0 || c.Displaced?.Value > 0;

    /// <summary>The index of the sentence token that starts at <paramref name="offset"/>, or -1.</summary>
    private static int TokenAt(ReadOnlySpan<Token> tokens, int offset)
    {
        int lo = 0, hi = tokens.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].Start == offset)
            {
                return mid;
            }
            if (tokens[mid].Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo > 0 && tokens[lo - 1].Start < offset && offset < tokens[lo - 1].End ? lo - 1 : -1;
    }

    private static string IncidentId(string documentId, int sentence, int start) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{documentId}\n{sentence}\n{start}\nincident")))[..16];

    /// <summary>People, organisations and institutions: names that must not be read as places ("Jordan said").</summary>
    private static bool IsNamedNonPlace(ActorMention m) =>
        m.Kind is ActorMentionKind.Person or ActorMentionKind.Seat or ActorMentionKind.Institution ||
        (m.Kind == ActorMentionKind.Name && (m.Sector is not null || m.Country is "IGO" or "NGO" or "MNC" or "IMG"));

    /// <summary>Finds the document's places and gives each new event the place of its clause, sentence or document.</summary>
    private void Locate(string text, Worker worker, List<CodedEvent> output, int first)
    {
        if (first == output.Count)
        {
            return;
        }
        var analysis = _places.Analyze(new PlaceInput
        {
            Text = text,
            Tokens = worker.Tokens,
            Sentences = worker.Sentences,
            Syntax = worker.Words,
            ExcludedSpans = worker.Excluded,
            ActorCountries = worker.ActorCountries,
        });
        var tokens = CollectionsMarshal.AsSpan(worker.Tokens);
        for (var k = first; k < output.Count; k++)
        {
            var e = output[k];
            var sentence = worker.Sentences[e.Sentence - 1];
            var words = tokens.Slice(sentence.FirstToken, sentence.TokenCount);
            var trigger = TokenAt(words, e.TriggerStart);
            var source = e.Source is { } s && s.Start >= sentence.Start && s.Start < sentence.End ? TokenAt(words, s.Start) : -1;
            var target = e.Target is { } t && t.Start >= sentence.Start && t.Start < sentence.End ? TokenAt(words, t.Start) : -1;
            if (trigger >= 0 && analysis.Locate(e.Sentence - 1, trigger, source, target) is { } location)
            {
                output[k] = e with { Location = location };
            }
        }
    }

    /// <summary>
    /// Finds the document's quotations and their speakers; an event said inside a quotation is attributed to its
    /// speaker (modality claimed) and carries the quotation.
    /// </summary>
    private static void Attribute(string documentId, string text, Worker worker, DocumentActors memory, List<CodedEvent> output, int first, List<Quote>? quotes)
    {
        worker.Quotes.Clear();
        QuoteFinder.Find(documentId, text, worker.Sentences, memory.Speech, worker.Quotes);
        quotes?.AddRange(worker.Quotes);
        if (worker.Quotes.Count == 0)
        {
            return;
        }
        for (var k = first; k < output.Count; k++)
        {
            var e = output[k];
            foreach (var q in worker.Quotes)
            {
                if (e.TriggerStart < q.Start || e.TriggerStart >= q.End)
                {
                    continue;
                }
                var speaker = e.AttributedTo ?? q.Speech?.Speaker;
                output[k] = e with
                {
                    Quote = q,
                    AttributedTo = speaker,
                    Modality = e.Modality == "asserted" && speaker is not null ? "claimed" : e.Modality,
                };
                break;
            }
        }
    }

    /// <summary>
    /// Drops a second record of the same event (same sentence, trigger, code and actors, hence the same id), which
    /// two rules can produce for one clause; ids stay unique within a document.
    /// </summary>
    private static void RemoveDuplicates(List<CodedEvent> output, int first, HashSet<string> seen)
    {
        if (output.Count - first < 2)
        {
            return;
        }
        seen.Clear();
        var write = first;
        for (var k = first; k < output.Count; k++)
        {
            if (seen.Add(output[k].Id))
            {
                output[write++] = output[k];
            }
        }
        output.RemoveRange(write, output.Count - write);
    }
}
