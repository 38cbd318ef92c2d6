using System.Diagnostics;
using System.Text.Json;
using Casus.Text;

namespace Casus.Places;

/// <summary>
/// Speed of place recognition for <c>casus bench</c>: gazetteer load time, then segmentation and recognition (without
/// syntax) of every document of a JSON Lines file (<c>{"id","date","title","text"}</c>) on one thread.
/// </summary>
public static class PlacesBench
{
    /// <summary>The measured numbers.</summary>
    /// <param name="LoadTime">Gazetteer load time.</param>
    /// <param name="Documents">Documents read.</param>
    /// <param name="Tokens">Tokens recognized over.</param>
    /// <param name="Mentions">Place mentions found.</param>
    /// <param name="RecognitionTime">Time spent in <see cref="PlaceRecognizer.Analyze"/> and focus (segmentation excluded).</param>
    public sealed record Result(TimeSpan LoadTime, int Documents, long Tokens, long Mentions, TimeSpan RecognitionTime)
    {
        /// <summary>Tokens per second of recognition.</summary>
        public double TokensPerSecond => Tokens / Math.Max(RecognitionTime.TotalSeconds, 1e-9);

        /// <inheritdoc />
        public override string ToString() =>
            $"places: gazetteer load {LoadTime.TotalMilliseconds:0} ms; {Documents} documents, {Tokens} tokens, {Mentions} place mentions; recognition {TokensPerSecond:0} tokens/s on one thread";
    }

    /// <summary>Runs the benchmark. Loads the default gazetteer when <paramref name="gazetteer"/> is null.</summary>
    public static Result Run(string jsonlPath, Gazetteer? gazetteer = null, int repeat = 3)
    {
        var g = gazetteer ?? Gazetteer.LoadDefault();
        var recognizer = new PlaceRecognizer(g);
        var inputs = new List<PlaceInput>();
        foreach (var line in File.ReadLines(jsonlPath))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("text", out var text) && text.GetString() is { } t)
            {
                inputs.Add(PlaceInput.FromText(t, Segmenter.Default));
            }
        }
        long tokens = 0, mentions = 0;
        var clock = new Stopwatch();
        for (var r = 0; r < Math.Max(1, repeat); r++)
        {
            tokens = 0;
            mentions = 0;
            clock.Restart();
            foreach (var input in inputs)
            {
                var analysis = recognizer.Analyze(input);
                tokens += input.Tokens.Count;
                mentions += analysis.Mentions.Count;
            }
            clock.Stop();
        }
        return new Result(g.LoadTime, inputs.Count, tokens, mentions, clock.Elapsed);
    }
}
