using System.Diagnostics;
using Casus.Text;

namespace Casus.Syntax;

/// <summary>
/// Tagger, lemmatizer and parser together: the text-to-syntax stage of Casus. Immutable after load and safe to
/// share across threads; each thread brings its own <see cref="SyntaxBuffer"/>.
/// </summary>
public sealed class SyntaxPipeline
{
    /// <summary>Model file names, as shipped in <c>models/</c> and embedded in this assembly.</summary>
    public const string TaggerFile = "tagger.model", LemmatizerFile = "lemmatizer.model", ParserFile = "parser.model";

    /// <summary>Creates a pipeline from loaded components.</summary>
    public SyntaxPipeline(Tagger tagger, Lemmatizer lemmatizer, Parser parser)
    {
        Tagger = tagger;
        Lemmatizer = lemmatizer;
        Parser = parser;
    }

    /// <summary>The part-of-speech tagger.</summary>
    public Tagger Tagger { get; }

    /// <summary>The lemmatizer.</summary>
    public Lemmatizer Lemmatizer { get; }

    /// <summary>The dependency parser.</summary>
    public Parser Parser { get; }

    /// <summary>How long the last <see cref="LoadDefault"/> or <see cref="Load"/> took.</summary>
    public TimeSpan LoadTime { get; private init; }

    /// <summary>Loads the models embedded in this assembly.</summary>
    /// <exception cref="InvalidOperationException">The assembly was built without models.</exception>
    public static SyntaxPipeline LoadDefault()
    {
        var asm = typeof(SyntaxPipeline).Assembly;
        Stream Open(string file) => asm.GetManifestResourceStream("Casus.Models." + file)
            ?? throw new InvalidOperationException($"model '{file}' is not embedded: train the models first (see DEVELOPERS.md)");
        return LoadFrom(Open);
    }

    /// <summary>Loads models from a directory holding the three model files.</summary>
    public static SyntaxPipeline Load(string directory) => LoadFrom(f => File.OpenRead(Path.Combine(directory, f)));

    private static SyntaxPipeline LoadFrom(Func<string, Stream> open)
    {
        var clock = Stopwatch.StartNew();
        Tagger tagger;
        Lemmatizer lemmatizer;
        Parser parser;
        using (var s = open(TaggerFile))
        {
            tagger = Tagger.Load(s);
        }
        using (var s = open(LemmatizerFile))
        {
            lemmatizer = Lemmatizer.Load(s);
        }
        using (var s = open(ParserFile))
        {
            parser = Parser.Load(s);
        }
        return new SyntaxPipeline(tagger, lemmatizer, parser) { LoadTime = clock.Elapsed };
    }

    /// <summary>Tags, lemmatizes and parses one sentence of <paramref name="text"/>.</summary>
    public void Analyze(string text, ReadOnlySpan<Token> tokens, SyntaxBuffer buffer)
    {
        buffer.Load(text, tokens);
        Analyze(buffer);
    }

    /// <summary>Tags, lemmatizes and parses the sentence already loaded in <paramref name="buffer"/>.</summary>
    public void Analyze(SyntaxBuffer buffer)
    {
        if (buffer.Count == 0)
        {
            return;
        }
        Tagger.Tag(buffer);
        Lemmatizer.Lemmatize(buffer);
        Parser.Parse(buffer, Tagger.Tags);
    }

    /// <summary>UPOS of word <paramref name="i"/>.</summary>
    public string Upos(SyntaxBuffer b, int i) => Tagger.Tags.Upos[b.Tags[i]];

    /// <summary>XPOS of word <paramref name="i"/>.</summary>
    public string Xpos(SyntaxBuffer b, int i) => Tagger.Tags.Xpos[b.Tags[i]];

    /// <summary>Relation of word <paramref name="i"/>.</summary>
    public string Relation(SyntaxBuffer b, int i) => Parser.Relations[b.Relations[i]];
}
