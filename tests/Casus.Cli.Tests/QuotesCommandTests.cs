namespace Casus.Cli.Tests;

[Collection("console")]
public class QuotesCommandTests
{
    [Fact]
    public void QuotationsMatchTheGoldenFile()
    {
        // Given the golden news sentences, with Trump's conditional threat in quotation marks
        var output = Path.GetTempFileName();
        try
        {
            // When their quotations are listed
            var (exit, stderr) = CliRunner.Run("quotes", Path.Combine(CliRunner.GoldenDir, "news.txt"), "--date", "2020-01-08", "--out", output);

            // Then the records are byte for byte the golden file: the words, their span, and Trump (USAGOV) as speaker
            Assert.Equal(0, exit);
            Assert.Contains("1 with an actor as speaker", stderr);
            CliRunner.AssertGolden(File.ReadAllText(output), "news.quotes.jsonl");
        }
        finally
        {
            File.Delete(output);
        }
    }
}
