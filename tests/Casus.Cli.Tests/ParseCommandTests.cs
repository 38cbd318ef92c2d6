namespace Casus.Cli.Tests;

[Collection("console")]
public class ParseCommandTests
{
    private static string GoldenDir => CliRunner.GoldenDir;

    [Fact]
    public void TextInputMatchesTheGoldenCoNllU()
    {
        // Given a handful of news sentences
        var output = Path.GetTempFileName();
        try
        {
            // When they are parsed
            var (exit, stderr) = CliRunner.Run("parse", Path.Combine(GoldenDir, "news.txt"), "--out", output, "--threads", "2");

            // Then the CoNLL-U is byte for byte the golden file (set CASUS_UPDATE_GOLDEN=1 to accept a new model's output)
            Assert.Equal(0, exit);
            Assert.Contains("1 documents", stderr);
            CliRunner.AssertGolden(File.ReadAllText(output), "news.conllu");
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void ConllUInputKeepsTokensAndFillsTheRest()
    {
        // Given gold-tokenized CoNLL-U with a multiword token and empty analysis columns
        var input = Path.GetTempFileName() + ".conllu";
        var output = Path.GetTempFileName();
        File.WriteAllText(input, """
            # sent_id = s1
            # text = They don't leave.
            1	They	_	_	_	_	_	_	_	_
            2-3	don't	_	_	_	_	_	_	_	_
            2	do	_	_	_	_	_	_	_	_
            3	n't	_	_	_	_	_	_	_	_
            4	leave	_	_	_	_	_	_	_	SpaceAfter=No
            5	.	_	_	_	_	_	_	_	_


            """.Replace("\r\n", "\n"));
        try
        {
            // When it is parsed with --input-format conllu
            var (exit, _) = CliRunner.Run("parse", "--input-format", "conllu", input, "--out", output);

            // Then the tokens, comments and range line stay, and lemma, tags, heads and relations are filled
            Assert.Equal(0, exit);
            var lines = File.ReadAllLines(output);
            Assert.Equal("# sent_id = s1", lines[0]);
            Assert.Equal("2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_", lines[3]);
            var leave = lines[6].Split('\t');
            Assert.Equal(["4", "leave", "leave", "VERB", "VB"], leave[..5]);
            Assert.Equal(["0", "root"], leave[6..8]);
            Assert.Equal("SpaceAfter=No", leave[9]);
            Assert.Equal("not", lines[5].Split('\t')[2]);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    [Fact]
    public void BadInputIsNamedAndTheRestOfTheBatchGoesOn()
    {
        // Given a directory with a good text, a JSON Lines file with one malformed line, and a binary file
        var dir = Directory.CreateTempSubdirectory("casus-cli-");
        var output = Path.GetTempFileName();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.txt"), "Iran fired missiles at U.S. bases.");
            File.WriteAllText(Path.Combine(dir.FullName, "b.jsonl"),
                "{\"id\":\"b1\",\"date\":\"2020-01-08\",\"text\":\"Iraq's parliament voted.\"}\n{\"id\":\"b2\",\"text\":\n{\"id\":\"b3\",\"text\":\"Troops left.\"}\n");
            File.WriteAllBytes(Path.Combine(dir.FullName, "c.txt"), [0x00, 0x01, 0x02, 0x50, 0x4B, 0x03, 0x04]);

            // When the directory is parsed
            var (exit, stderr) = CliRunner.Run("parse", dir.FullName, "--out", output);

            // Then the exit code says something was skipped, stderr names the file and line, and the good documents are there
            Assert.Equal(1, exit);
            Assert.Contains("b.jsonl:2", stderr);
            Assert.Contains("c.txt", stderr);
            var conll = File.ReadAllText(output);
            Assert.Contains("# newdoc id = a.txt", conll);
            Assert.Contains("# newdoc id = b1", conll);
            Assert.Contains("# newdoc id = b3", conll);
            Assert.DoesNotContain("b2", conll);
        }
        finally
        {
            dir.Delete(recursive: true);
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("--date", "2020-13-45", "--date")]
    [InlineData("--input-format", "pdf", "--input-format")]
    [InlineData("--threads", "0", "--threads")]
    public void BadOptionsAreUsageErrors(string option, string value, string named)
    {
        // Given a bad option value, When parse runs, Then it fails with a message naming the option
        var (exit, stderr) = CliRunner.Run("parse", "x.txt", option, value);
        Assert.Equal(2, exit);
        Assert.Contains(named, stderr);
    }
}
