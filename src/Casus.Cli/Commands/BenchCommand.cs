using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Casus.Reading;
using Casus.Syntax;
using Casus.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Cli.Commands;

/// <summary>
/// <c>casus bench</c>: speed of the hot components on a corpus. Segmentation and syntax are timed on one thread
/// (the figures the issues ask for), the whole parse on all cores, and model loading from the embedded models.
/// </summary>
public sealed class BenchCommand : Command<BenchCommand.Settings>
{
    /// <summary>Settings of <c>casus bench</c>.</summary>
    public sealed class Settings : InputSettings
    {
        /// <summary>Minimum seconds per measurement.</summary>
        [CommandOption("--seconds <S>")]
        [Description("Minimum seconds to spend on each measurement (default 3).")]
        public double Seconds { get; init; } = 3;

        /// <summary>Cap on documents.</summary>
        [CommandOption("--limit <N>")]
        [Description("Use at most N documents of the corpus (default: all).")]
        public int? Limit { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new Diagnostics();
        var documents = DocumentReader.Read(settings.Inputs, settings.ReaderOptions(null), p => diagnostics.Problem(p.ToString()))
            .Take(settings.Limit ?? int.MaxValue).ToList();
        if (documents.Count == 0)
        {
            diagnostics.Problem("bench: no documents to measure");
            return ExitCodes.Error;
        }
        var output = Console.Out;
        var bytes = documents.Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text));
        output.WriteLine($"corpus: {documents.Count} documents, {bytes / 1e6:F2} MB of text");

        // Model load: the first load includes JIT and resource decompression; that is what a user waits for.
        var load = Stopwatch.StartNew();
        var pipeline = Models.Load(settings.Models);
        var firstLoad = load.Elapsed.TotalMilliseconds;
        load.Restart();
        _ = Models.Load(settings.Models);
        output.WriteLine($"model load: first {firstLoad:F0} ms, again {load.Elapsed.TotalMilliseconds:F0} ms");

        // Segmentation, one thread.
        var segmenter = Segmenter.Default;
        var tokens = new List<Token>();
        var sentences = new List<Sentence>();
        var passes = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            foreach (var d in documents)
            {
                tokens.Clear();
                sentences.Clear();
                segmenter.Segment(d.Text, tokens, sentences);
            }
            passes++;
        }
        while (clock.Elapsed.TotalSeconds < settings.Seconds);
        var segSeconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"segmentation (1 thread): {bytes * passes / 1e6 / segSeconds:F1} MB/s");

        // Pre-segment once; then time tagging, lemmatizing and parsing on one thread.
        var segmented = documents.Select(d =>
        {
            var t = new List<Token>();
            var s = new List<Sentence>();
            segmenter.Segment(d.Text, t, s);
            return (d.Text, Tokens: t.ToArray(), Sentences: s.ToArray());
        }).ToList();
        var tokenCount = segmented.Sum(s => (long)s.Tokens.Length);
        var sentenceCount = segmented.Sum(s => (long)s.Sentences.Length);
        var buffer = new SyntaxBuffer();
        RunSyntax(pipeline, segmented, buffer, 0); // warm-up (JIT, buffer growth)
        long tagTicks = 0, lemmaTicks = 0, parseTicks = 0, processed = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        do
        {
            processed += RunSyntax(pipeline, segmented, buffer, 1, ref tagTicks, ref lemmaTicks, ref parseTicks);
        }
        while (clock.Elapsed.TotalSeconds < settings.Seconds);
        var syntaxSeconds = clock.Elapsed.TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        output.WriteLine($"tagger + lemmatizer + parser (1 thread): {processed / syntaxSeconds:F0} tokens/s " +
            $"({sentenceCount * (processed / tokenCount) / syntaxSeconds:F0} sentences/s; {allocated / (double)processed:F2} bytes allocated per token)");
        var f = Stopwatch.Frequency;
        output.WriteLine($"  tagger {processed / (tagTicks / (double)f):F0} tokens/s, lemmatizer {processed / (lemmaTicks / (double)f):F0} tokens/s, parser {processed / (parseTicks / (double)f):F0} tokens/s");

        // Whole pipeline, all cores.
        clock.Restart();
        long parallelTokens = 0;
        using var buffers = new ThreadLocal<(SyntaxBuffer, List<Token>, List<Sentence>)>(() => (new SyntaxBuffer(), [], []));
        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = settings.Threads ?? Environment.ProcessorCount }, d =>
        {
            var (b, t, s) = buffers.Value;
            t.Clear();
            s.Clear();
            segmenter.Segment(d.Text, t, s);
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(t);
            foreach (var sentence in s)
            {
                pipeline.Analyze(d.Text, span.Slice(sentence.FirstToken, sentence.TokenCount), b);
            }
            Interlocked.Add(ref parallelTokens, t.Count);
        });
        output.WriteLine($"segment + tag + parse ({settings.Threads ?? Environment.ProcessorCount} threads): {parallelTokens / clock.Elapsed.TotalSeconds:F0} tokens/s");

        // The components after the parse, each on one thread over the same corpus.
        var time = Casus.Time.TimeBench.Run(documents.Select(d => (d.Text, d.Date)).ToList());
        output.WriteLine($"dates (1 thread, no parse): {time.SentencesPerSecond:F0} sentences/s, {time.Mentions} date mentions");
        var counts = Casus.Counts.CountBench.Run(documents.Select(d => d.Text).ToList());
        output.WriteLine($"casualty counts (1 thread, no parse): {counts.SentencesPerSecond:F0} sentences/s, {counts.Counts} counts");
        if (settings.Inputs.FirstOrDefault(i => i.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)) is { } jsonl)
        {
            output.WriteLine(Casus.Places.PlacesBench.Run(jsonl).ToString());
        }
        var coding = Casus.Events.Coding.CodingPipeline.Load(pipeline, null, CodeCommand.CoderVersion());
        var worker = new Casus.Events.Coding.CodingPipeline.Worker();
        var coded = new List<Casus.Events.Coding.CodedEvent>();
        long codedSentences = 0;
        clock.Restart();
        foreach (var d in documents)
        {
            coded.Clear();
            codedSentences += coding.Code(d.Id, d.Text, d.Date, worker, coded);
        }
        output.WriteLine($"whole coder: actors, events, dates, counts, places, quotes (1 thread): {codedSentences / clock.Elapsed.TotalSeconds:F0} sentences/s");
        return diagnostics.Problems > 0 ? ExitCodes.Partial : ExitCodes.Ok;
    }

    private static long RunSyntax(SyntaxPipeline p, List<(string Text, Token[] Tokens, Sentence[] Sentences)> docs, SyntaxBuffer b, int _)
    {
        long a = 0, c = 0, d = 0;
        return RunSyntax(p, docs, b, 0, ref a, ref c, ref d);
    }

    private static long RunSyntax(SyntaxPipeline p, List<(string Text, Token[] Tokens, Sentence[] Sentences)> docs, SyntaxBuffer b, int _,
        ref long tagTicks, ref long lemmaTicks, ref long parseTicks)
    {
        long count = 0;
        foreach (var (text, tokens, sentences) in docs)
        {
            foreach (var s in sentences)
            {
                b.Load(text, tokens.AsSpan(s.FirstToken, s.TokenCount));
                var t0 = Stopwatch.GetTimestamp();
                p.Tagger.Tag(b);
                var t1 = Stopwatch.GetTimestamp();
                p.Lemmatizer.Lemmatize(b);
                var t2 = Stopwatch.GetTimestamp();
                p.Parser.Parse(b, p.Tagger.Tags);
                var t3 = Stopwatch.GetTimestamp();
                tagTicks += t1 - t0;
                lemmaTicks += t2 - t1;
                parseTicks += t3 - t2;
                count += s.TokenCount;
            }
        }
        return count;
    }
}
