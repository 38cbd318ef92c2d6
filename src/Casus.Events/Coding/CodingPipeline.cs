using System.Runtime.InteropServices;
using Casus.Events.Actors;
using Casus.Events.Cameo;
using Casus.Events.Lexicon;
using Casus.Syntax;
using Casus.Text;

namespace Casus.Events.Coding;

/// <summary>
/// The whole path from a document's text to its events: segment, tag and parse, find actors, code events.
/// Immutable and thread-safe; each thread brings a <see cref="Worker"/>.
/// </summary>
public sealed class CodingPipeline
{
    /// <summary>Creates a pipeline from loaded parts.</summary>
    public CodingPipeline(SyntaxPipeline syntax, ActorMatcher actors, EventCoder coder)
    {
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
    public static CodingPipeline Load(SyntaxPipeline syntax, string? userDictionaries, string version)
    {
        var result = ActorDictionary.Load(userDictionaries);
        if (!result.Succeeded || result.Dictionary is null)
        {
            throw new InvalidDataException("actor dictionaries have errors:\n" + string.Join('\n', result.Errors));
        }
        var cameo = CameoTable.LoadDefault();
        var lexicon = EventLexicon.LoadDefault();
        var coder = new EventCoder(lexicon, cameo, syntax, version);
        return new CodingPipeline(syntax, new ActorMatcher(result.Dictionary), coder);
    }

    /// <summary>Per-thread working memory.</summary>
    public sealed class Worker
    {
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
    public int Code(string documentId, string text, DateOnly? date, Worker worker, List<CodedEvent> output, TextWriter? explain = null)
    {
        worker.Tokens.Clear();
        worker.Sentences.Clear();
        Segmenter.Default.Segment(text, worker.Tokens, worker.Sentences);
        var tokens = CollectionsMarshal.AsSpan(worker.Tokens);
        var memory = new DocumentActors();
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
            Coder.Code(new SentenceInput(documentId, text, date, i + 1, sentence, worker.Buffer, worker.Mentions, memory), worker.Scratch, output);
        }
        return worker.Sentences.Count;
    }
}
