using System.Diagnostics;
using System.Globalization;
using Casus.Syntax;
using Casus.Syntax.Conll;

namespace Casus.Training;

/// <summary>
/// casus-train: builds Casus's models from the UD treebanks. Build-time only; never shipped in the runtime path.
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage:
          casus-train syntax --ewt DIR --gum DIR --out DIR [--seed N] [--tagger-epochs N] [--parser-epochs N] [--folds N] [--explore P]
          casus-train eval --models DIR FILE.conllu...            (gold tokens)
          casus-train eval-raw [--models DIR] FILE.conllu...     (own segmentation, CoNLL 2018 alignment)
          casus-train eval-seg FILE.conllu...                    (tokens and sentences F1 on raw text)
          casus-train cameo-table --cameo TSV --plover TXT --out FILE   (CAMEO code table with Goldstein, quad class, PLOVER)
        """;

    private static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var options = ParseOptions(args.Skip(1), out var files);
        try
        {
            return args[0] switch
            {
                "syntax" => TrainSyntax(options, string.Join(' ', args)),
                "eval" => Eval(options, files),
                "eval-raw" => EvalRaw(options, files),
                "eval-seg" => EvalSegmentation(files),
                "cameo-table" => CameoTables.Run(options),
                _ => Fail($"unknown command '{args[0]}'\n{Usage}"),
            };
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ConllFormatException or KeyNotFoundException)
        {
            return Fail(e.Message);
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"casus-train: {message}");
        return 2;
    }

    private static Dictionary<string, string> ParseOptions(IEnumerable<string> args, out List<string> files)
    {
        var options = new Dictionary<string, string>();
        files = [];
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            if (e.Current.StartsWith("--", StringComparison.Ordinal))
            {
                var key = e.Current[2..];
                options[key] = e.MoveNext() ? e.Current : throw new KeyNotFoundException($"--{key} needs a value");
            }
            else
            {
                files.Add(e.Current);
            }
        }
        return options;
    }

    private static string Need(Dictionary<string, string> o, string key) =>
        o.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"--{key} is required");

    private static int EvalRaw(Dictionary<string, string> o, List<string> files)
    {
        var pipeline = o.TryGetValue("models", out var dir) ? SyntaxPipeline.Load(dir) : SyntaxPipeline.LoadDefault();
        foreach (var f in files)
        {
            Console.WriteLine($"{Path.GetFileName(f)} raw text: {RawTextEval.Evaluate(f, pipeline)}");
        }
        return 0;
    }

    private static int EvalSegmentation(List<string> files)
    {
        foreach (var f in files)
        {
            Console.WriteLine(SegmentationEval.Evaluate(f, Casus.Text.Segmenter.Default));
        }
        return 0;
    }

    private static int Eval(Dictionary<string, string> o, List<string> files)
    {
        var pipeline = o.TryGetValue("models", out var dir) ? SyntaxPipeline.Load(dir) : SyntaxPipeline.LoadDefault();
        Console.WriteLine($"models loaded in {pipeline.LoadTime.TotalMilliseconds:F0} ms");
        foreach (var f in files)
        {
            var errors = o.ContainsKey("errors") ? new Dictionary<string, int>() : null;
            var scores = SyntaxScores.Evaluate(pipeline, ConllU.ReadFile(f), errors: errors);
            Console.WriteLine($"{Path.GetFileName(f)}: {scores}  ({scores.Words / scores.Seconds:F0} words/s)");
            if (errors is not null)
            {
                foreach (var (k, v) in errors.OrderByDescending(e => e.Value).Take(int.Parse(o["errors"])))
                {
                    Console.WriteLine($"{v,6} {k}");
                }
            }
        }
        return 0;
    }

    private static int TrainSyntax(Dictionary<string, string> o, string commandLine)
    {
        var clock = Stopwatch.StartNew();
        void Log(string m) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {m}");
        var ewt = Need(o, "ewt");
        var gum = Need(o, "gum");
        var output = Need(o, "out");
        var seed = int.Parse(o.GetValueOrDefault("seed", "13"));
        var taggerEpochs = int.Parse(o.GetValueOrDefault("tagger-epochs", "8"));
        var parserEpochs = int.Parse(o.GetValueOrDefault("parser-epochs", "15"));
        var folds = int.Parse(o.GetValueOrDefault("folds", "4"));
        var explore = double.Parse(o.GetValueOrDefault("explore", "0.9"), CultureInfo.InvariantCulture);
        var limit = int.Parse(o.GetValueOrDefault("limit", "0"));
        Directory.CreateDirectory(output);

        var train = Treebank.Load(Path.Combine(ewt, "en_ewt-ud-train.conllu"));
        var gumTrain = Treebank.Load(Path.Combine(gum, "en_gum-ud-train.conllu"), gumOpenOnly: true);
        Log($"training data: EWT train {train.Count} sentences, GUM train (CC BY genres) {gumTrain.Count} sentences");
        train.AddRange(gumTrain);
        if (limit > 0)
        {
            train = train.Take(limit).ToList();
        }
        // --with-dev: EWT dev joins the training data, and epochs are chosen on the GUM dev documents of the open
        // genres instead (never trained on), so EWT test stays the untouched measure.
        var withDev = o.GetValueOrDefault("with-dev", "false") == "true";
        var dev = Treebank.Load(Path.Combine(ewt, "en_ewt-ud-dev.conllu"));
        if (withDev)
        {
            train.AddRange(dev);
            dev = Treebank.Load(Path.Combine(gum, "en_gum-ud-dev.conllu"), gumOpenOnly: true);
            Log($"EWT dev added to training ({train.Count} sentences); model selection on GUM dev, open genres ({dev.Count} sentences)");
        }
        var tags = TaggerTrainer.BuildTagSet(train);
        var relations = ParserTrainer.BuildRelations(train);
        Log($"{tags.Count} joint tags, {relations.Count} relations");

        // Jackknifed tags so the parser trains on the kind of tags it will see.
        var jackknifed = new int[train.Count][];
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, fold =>
        {
            var part = train.Where((_, i) => i % folds != fold).ToList();
            var tagger = TaggerTrainer.Train(part, tags, taggerEpochs, seed + fold);
            var b = new SyntaxBuffer();
            for (var i = fold; i < train.Count; i += folds)
            {
                Treebank.LoadGold(train[i], b);
                tagger.Tag(b);
                jackknifed[i] = b.Tags[..train[i].Words.Count];
            }
            Log($"jackknife fold {fold + 1}/{folds} tagged");
        });
        if (o.ContainsKey("tagger-only"))
        {
            var t = TaggerTrainer.Train(train, tags, taggerEpochs, seed, Log, jackknifed);
            var only = new SyntaxPipeline(t, LemmatizerTrainer.Train(train, tags), null!);
            var errors = new Dictionary<string, int>();
            Log($"tagger only, EWT dev: {SyntaxScores.Evaluate(only, dev, tagOnly: true, errors: errors)}");
            Log($"tagger only, EWT test: {SyntaxScores.Evaluate(only, Treebank.Load(Path.Combine(ewt, "en_ewt-ud-test.conllu")), tagOnly: true)}");
            foreach (var (k, v) in errors.OrderByDescending(e => e.Value).Take(60))
            {
                Log($"{v,6} {k}");
            }
            return 0;
        }

        var finalTagger = TaggerTrainer.Train(train, tags, taggerEpochs, seed, Log, jackknifed);
        var lemmatizer = LemmatizerTrainer.Train(train, tags);
        Log($"tagger: {finalTagger.Model.FeatureCount} features, {finalTagger.Model.WeightCount} weights; lemmatizer: {lemmatizer.Edits.Length} edits");

        var examples = train.Select((s, i) => ParserTrainer.MakeExample(s, jackknifed[i], relations)).ToList();
        var bestLas = -1.0;
        var parser = ParserTrainer.Train(examples, relations, parserEpochs, seed, explore, (snapshot, epoch) =>
        {
            var scores = SyntaxScores.Evaluate(new SyntaxPipeline(finalTagger, lemmatizer, snapshot), dev);
            Log($"  epoch {epoch} selection set: {scores}  ({snapshot.Model.WeightCount} weights)");
            if (scores.LasPct > bestLas)
            {
                bestLas = scores.LasPct;
                return true;
            }
            return false;
        }, Log);
        Log($"parser: {parser.Model.FeatureCount} features, {parser.Model.WeightCount} weights");
        parser = Prune(parser, relations, finalTagger, lemmatizer, dev, bestLas, Log);

        Save(output, SyntaxPipeline.TaggerFile, finalTagger.Save);
        Save(output, SyntaxPipeline.LemmatizerFile, lemmatizer.Save);
        Save(output, SyntaxPipeline.ParserFile, parser.Save);
        var loaded = SyntaxPipeline.Load(output);
        Log($"reloaded models in {loaded.LoadTime.TotalMilliseconds:F0} ms");
        WriteScores(output, loaded, ewt, gum, withDev, commandLine, clock.Elapsed, Log);
        return 0;
    }

    /// <summary>
    /// Drops the smallest weights while dev LAS stays within 0.1 of the unpruned parser: most averaged weights are
    /// tiny and change no decision, but they are most of the model file.
    /// </summary>
    private static Parser Prune(Parser parser, List<string> relations, Tagger tagger, Lemmatizer lemmatizer,
        List<ConllSentence> dev, double las, Action<string> log)
    {
        var best = parser;
        foreach (var threshold in new[] { 0.01f, 0.02f, 0.05f, 0.1f, 0.2f, 0.5f, 1f, 2f, 5f })
        {
            var pruned = new Parser(relations, parser.Model.Prune(threshold));
            var scores = SyntaxScores.Evaluate(new SyntaxPipeline(tagger, lemmatizer, pruned), dev);
            log($"  prune < {threshold}: {pruned.Model.WeightCount} weights, selection-set LAS {scores.LasPct:F2}");
            if (scores.LasPct < las - 0.1)
            {
                break;
            }
            best = pruned;
        }
        return best;
    }

    private static void Save(string dir, string file, Action<Stream> save)
    {
        using var s = File.Create(Path.Combine(dir, file));
        save(s);
    }

    private static void WriteScores(string dir, SyntaxPipeline p, string ewt, string gum, bool withDev, string commandLine, TimeSpan elapsed,
        Action<string> log)
    {
        var sets = new List<(string Name, List<ConllSentence> Sentences)>
        {
            (withDev ? "EWT dev (trained on)" : "EWT dev", Treebank.Load(Path.Combine(ewt, "en_ewt-ud-dev.conllu"))),
            ("EWT test", Treebank.Load(Path.Combine(ewt, "en_ewt-ud-test.conllu"))),
            ("GUM dev (open genres)", Treebank.Load(Path.Combine(gum, "en_gum-ud-dev.conllu"), gumOpenOnly: true)),
        };
        var gumTest = Treebank.Load(Path.Combine(gum, "en_gum-ud-test.conllu"));
        sets.Add(("GUM test (all genres)", gumTest));
        sets.Add(("GUM test (news documents)", gumTest.Where(s => (s.Comment("sent_id") ?? "").StartsWith("GUM_news_", StringComparison.Ordinal)).ToList()));
        var lines = new List<string>();
        foreach (var (name, sentences) in sets)
        {
            var s = SyntaxScores.Evaluate(p, sentences);
            var line = $"{name,-26} {s}";
            log(line);
            lines.Add(line);
        }
        var header = $"""
            # Scores of the models in this directory with gold tokenization (UD relations: universal part for LAS).
            # Produced by: dotnet run -c Release --project tools/Casus.Training -- {commandLine}
            # Training took {elapsed.TotalMinutes:F1} minutes on {Environment.ProcessorCount} cores.
            """;
        foreach (var file in new[] { "tagger", "lemmatizer", "parser" })
        {
            File.WriteAllText(Path.Combine(dir, file + ".score"), header + "\n" + string.Join('\n', lines) + "\n");
        }
    }
}
