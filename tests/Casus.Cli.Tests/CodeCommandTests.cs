using System.Text.Json;

namespace Casus.Cli.Tests;

[Collection("console")]
public class CodeCommandTests
{
    private static string GoldenDir => CliRunner.GoldenDir;

    private static string SamplePath => Path.GetFullPath(Path.Combine(CliRunner.Repo, "..", "shared", "samples", "iran-strikes-2020-01-08.txt"));

    [Fact]
    public void JsonLinesMatchTheGoldenFile()
    {
        // Given a handful of news sentences and a date
        var output = Path.GetTempFileName();
        try
        {
            // When they are coded
            var (exit, stderr) = CliRunner.Run("code", Path.Combine(GoldenDir, "news.txt"), "--date", "2020-01-08", "--out", output);

            // Then the records are byte for byte the golden file (CASUS_UPDATE_GOLDEN=1 accepts a deliberate change)
            Assert.Equal(0, exit);
            Assert.Contains("casus code: 1 documents", stderr);
            CliRunner.AssertGolden(File.ReadAllText(output), "news.events.jsonl");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void EveryFieldPointsAtItsEvidence()
    {
        // Given the sample article (read by path; skipped with a message when ../shared is absent)
        if (!File.Exists(SamplePath))
        {
            return;
        }
        var output = Path.GetTempFileName();
        try
        {
            // When it is coded with every modality
            var (exit, _) = CliRunner.Run("code", SamplePath, "--date", "2020-01-08", "--modality", "all", "--out", output);
            Assert.Equal(0, exit);
            var text = File.ReadAllText(SamplePath).Replace("\r\n", "\n");
            var events = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();

            // Then there are events, each span slices the document to the text it names, codes are well formed
            Assert.NotEmpty(events);
            foreach (var e in events)
            {
                var trigger = e.GetProperty("trigger");
                Assert.Equal(trigger.GetProperty("text").GetString(), Slice(text, trigger.GetProperty("span")));
                foreach (var side in new[] { "source", "target" })
                {
                    if (e.GetProperty(side).ValueKind == JsonValueKind.Object)
                    {
                        var actor = e.GetProperty(side);
                        Assert.Equal(actor.GetProperty("text").GetString(), Slice(text, actor.GetProperty("span")));
                        Assert.Matches("^[A-Z]{3}", actor.GetProperty("code").GetString()!);
                    }
                }
                foreach (var spanned in new[] { "date_span" })
                {
                    if (e.GetProperty(spanned).ValueKind == JsonValueKind.Array)
                    {
                        Assert.NotEmpty(Slice(text, e.GetProperty(spanned)).Trim());
                    }
                }
                if (e.GetProperty("location") is { ValueKind: JsonValueKind.Object } location)
                {
                    Assert.Contains(location.GetProperty("basis").GetString(), new[] { "clause", "sentence", "document" });
                    Assert.True(char.IsLetter(Slice(text, location.GetProperty("span"))[0]), "a location span starts at the place's name");
                }
                Assert.Matches(@"^(events/(verbs|nouns)\.txt:\d+|rule:[a-z-]+)$", e.GetProperty("pattern").GetString()!);
                if (e.GetProperty("kind").GetString() == "incident")
                {
                    // An incident has no dyad and no code; it exists for its casualties.
                    Assert.Equal(JsonValueKind.Null, e.GetProperty("cameo").ValueKind);
                    Assert.Equal(JsonValueKind.Object, e.GetProperty("casualties").ValueKind);
                    continue;
                }
                var cameo = e.GetProperty("cameo").GetString()!;
                Assert.StartsWith(e.GetProperty("root").GetString()!, cameo);
                Assert.InRange(e.GetProperty("quad_class").GetInt32(), 1, 4);
                Assert.InRange(e.GetProperty("goldstein").GetDouble(), -10, 10);
            }

            // And the sample's key events have the right root and countries: the IRGC missile attack on US bases
            // (IRN -> USA, 19), Trump's "if Iran does anything ... they are going to be suffering" (USA -> IRN, 13),
            // the visa denial (USA -> IRN, 12), the US buildup (USA, 15), the Iraqi parliament's vote for forcing US
            // troops out (IRQ -> USA, 10) and the crowds in Iraqi cities condemning the US assassination (IRQ -> USA, 14)
            Assert.Contains(events, e => Is(e, "19", "IRN", "USA"));
            Assert.Contains(events, e => Is(e, "10", "IRQ", "USA"));
            Assert.Contains(events, e => Is(e, "14", "IRQ", "USA"));

            // And the funeral stampede in Kerman is an incident with its toll, the Tuesday-night attacks carry their
            // own date, and the attack on the bases is placed in Iraq
            var stampede = Assert.Single(events, e => e.GetProperty("kind").GetString() == "incident" && e.GetProperty("trigger").GetProperty("text").GetString() == "stampede");
            Assert.Equal(56, stampede.GetProperty("casualties").GetProperty("killed").GetInt32());
            Assert.True(stampede.GetProperty("casualties").GetProperty("injured").GetInt32() >= 200);
            Assert.Equal("Kerman", stampede.GetProperty("location").GetProperty("name").GetString());
            Assert.Contains(events, e => Is(e, "19", "IRN", "USA") && e.GetProperty("date").GetString() == "2020-01-07" && e.GetProperty("date_basis").GetString() == "clause");
            Assert.Contains(events, e => Is(e, "19", "IRN", "USA") && e.GetProperty("location").GetProperty("country").GetString() == "IRQ");

            // And the report of the missile attacks' targets places them at the Ain al-Assad base, and the bombers sent to
            // Diego Garcia are a deployment there with its materiel
            Assert.Contains(events, e => Is(e, "19", "IRN", null) && Place(e) == "Ain al-Assad");
            var bombers = Assert.Single(events, e => Is(e, "15", "USA", null) && Place(e) == "Diego Garcia");
            Assert.Equal(6, bombers.GetProperty("deployment").GetProperty("materiel")[0].GetProperty("count").GetInt32());
            Assert.Contains(events, e => Is(e, "13", "USA", "IRN"));
            Assert.Contains(events, e => Is(e, "12", "USA", "IRN"));
            Assert.Contains(events, e => Is(e, "15", "USA", null));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void CsvHasTheHeaderAndOneRowPerEvent()
    {
        // Given the golden sentences, When they are coded as CSV, Then the header comes first and rows follow
        var output = Path.GetTempFileName();
        try
        {
            var (exit, _) = CliRunner.Run("code", Path.Combine(GoldenDir, "news.txt"), "--date", "2020-01-08", "--format", "csv", "--out", output);
            Assert.Equal(0, exit);
            var lines = File.ReadAllLines(output);
            Assert.StartsWith("id,doc_id,sentence,date,source_code", lines[0]);
            Assert.Equal(File.ReadAllLines(Path.Combine(GoldenDir, "news.events.jsonl")).Length, lines.Length - 1);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string? Place(JsonElement e) =>
        e.GetProperty("location") is { ValueKind: JsonValueKind.Object } l ? l.GetProperty("name").GetString() : null;

    private static bool Is(JsonElement e, string root, string source, string? target) =>
        e.GetProperty("root").GetString() == root
        && Country(e.GetProperty("source")) == source
        && (target is null || Country(e.GetProperty("target")) == target);

    private static string? Country(JsonElement actor) =>
        actor.ValueKind == JsonValueKind.Object ? actor.GetProperty("country").GetString() : null;

    private static string Slice(string text, JsonElement span) => text[span[0].GetInt32()..span[1].GetInt32()];
}
