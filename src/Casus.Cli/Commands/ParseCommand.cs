using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Casus.Reading;
using Casus.Syntax;
using Casus.Syntax.Conll;
using Casus.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Cli.Commands;

/// <summary><c>casus parse</c>: documents in, CoNLL-U out.</summary>
public sealed class ParseCommand : Command<ParseCommand.Settings>
{
    /// <summary>Settings of <c>casus parse</c>.</summary>
    public sealed class Settings : InputSettings
    {
        /// <summary>Input format override.</summary>
        [CommandOption("--input-format <FORMAT>")]
        [Description("conllu (keep the given tokens and sentences), text, jsonl or html. Default: by file extension.")]
        public string? InputFormat { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (InputFormat is not null && InputFormat is not ("conllu" or "text" or "jsonl" or "html"))
            {
                return ValidationResult.Error($"--input-format '{InputFormat}': expected conllu, text, jsonl or html");
            }
            return base.Validate();
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new Diagnostics();
        var pipeline = Models.Load(settings.Models);
        using var output = Output.Open(settings.Out);
        var conllu = settings.InputFormat == "conllu"
            ? settings.Inputs.ToList()
            : settings.Inputs.Where(i => i.EndsWith(".conllu", StringComparison.OrdinalIgnoreCase)).ToList();
        var documents = settings.Inputs.Where(i => !conllu.Contains(i)).ToList();
        var threads = settings.Threads ?? Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();
        long sentences = 0, words = 0, docs = 0;

        void Run(Action<string>? progress)
        {
            foreach (var file in conllu)
            {
                var (s, w) = ParseConllFile(file, pipeline, output, threads, diagnostics, cancellationToken);
                sentences += s;
                words += w;
                docs++;
            }
            if (documents.Count > 0)
            {
                var summary = new ReadSummary();
                var format = settings.InputFormat;
                var source = DocumentReader.Read(documents, settings.ReaderOptions(format), p => diagnostics.Problem(p.ToString()), summary);
                foreach (var (text, s, w) in OrderedParallel.Map(source, threads, cancellationToken, () => new Worker(), (Document doc, Worker worker) => worker.Render(doc, pipeline)))
                {
                    output.Write(text);
                    sentences += s;
                    words += w;
                    docs++;
                    progress?.Invoke($"{docs} documents, {sentences} sentences, {words} tokens");
                }
            }
        }

        if (diagnostics.Interactive)
        {
            diagnostics.Console.Status().Start("parsing", ctx => Run(s => ctx.Status(s)));
        }
        else
        {
            Run(null);
        }
        output.Flush();
        var seconds = clock.Elapsed.TotalSeconds;
        diagnostics.Info($"casus parse: {docs} documents, {sentences} sentences, {words} tokens in {seconds:F2} s ({words / Math.Max(seconds, 1e-9):F0} tokens/s, {threads} threads)");
        return diagnostics.Problems > 0 ? ExitCodes.Partial : ExitCodes.Ok;
    }

    private static (long Sentences, long Words) ParseConllFile(string file, SyntaxPipeline pipeline, TextWriter output, int threads,
        Diagnostics diagnostics, CancellationToken cancellationToken)
    {
        long sentences = 0, words = 0;
        TextReader reader;
        try
        {
            reader = file == "-" ? Console.In : new StreamReader(file, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Problem($"{file}: {e.Message}");
            return (0, 0);
        }
        using (reader)
        {
            try
            {
                var batches = ConllU.Read(reader, file).Chunk(256);
                foreach (var (text, s, w) in OrderedParallel.Map(batches, threads, cancellationToken, () => new Worker(), (ConllSentence[] batch, Worker worker) => worker.Fill(batch, pipeline)))
                {
                    output.Write(text);
                    sentences += s;
                    words += w;
                }
            }
            catch (ConllFormatException e)
            {
                diagnostics.Problem($"{e.Message}; the rest of {file} was skipped");
            }
        }
        return (sentences, words);
    }

    /// <summary>Per-thread working memory.</summary>
    private sealed class Worker
    {
        private readonly SyntaxBuffer _buffer = new();
        private readonly List<Token> _tokens = [];
        private readonly List<Sentence> _sentences = [];
        private readonly StringWriter _writer = new() { NewLine = "\n" };

        public (string, int, int) Render(Document doc, SyntaxPipeline pipeline)
        {
            _tokens.Clear();
            _sentences.Clear();
            Segmenter.Default.Segment(doc.Text, _tokens, _sentences);
            _writer.GetStringBuilder().Clear();
            AnalysisWriter.WriteDocumentStart(_writer, doc.Id);
            var tokens = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens);
            for (var i = 0; i < _sentences.Count; i++)
            {
                var sentence = _sentences[i];
                pipeline.Analyze(doc.Text, tokens.Slice(sentence.FirstToken, sentence.TokenCount), _buffer);
                AnalysisWriter.WriteSentence(_writer, pipeline, _buffer, doc.Id, i + 1, sentence);
            }
            return (_writer.ToString(), _sentences.Count, _tokens.Count);
        }

        public (string, int, int) Fill(ConllSentence[] batch, SyntaxPipeline pipeline)
        {
            _writer.GetStringBuilder().Clear();
            var words = 0;
            foreach (var sentence in batch)
            {
                _buffer.LoadWords(sentence.Words.ConvertAll(w => w.Form));
                pipeline.Analyze(_buffer);
                AnalysisWriter.Fill(sentence, pipeline, _buffer);
                ConllU.Write(_writer, sentence);
                words += sentence.Words.Count;
            }
            return (_writer.ToString(), batch.Length, words);
        }
    }
}
