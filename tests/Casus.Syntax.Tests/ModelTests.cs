using Casus.Syntax.Model;
using CsCheck;

namespace Casus.Syntax.Tests;

public class LinearModelTests
{
    [Fact]
    public void WriteThenReadScoresTheSame()
    {
        // Given random sparse rows
        Gen.Int[1, 40].Array[1, 30].Select(Gen.Int[1, 1000]).Sample((classes, seed) =>
        {
            var random = new Random(seed);
            var rows = new List<(uint, IReadOnlyList<(int, float)>)>();
            var keys = new HashSet<uint>();
            for (var f = 0; f < 200; f++)
            {
                var key = (uint)random.Next(1, int.MaxValue);
                if (!keys.Add(key))
                {
                    continue;
                }
                var row = Enumerable.Range(0, 40).Where(_ => random.Next(3) == 0).Select(c => (c, (float)Math.Round(random.NextDouble() * 4 - 2, 2))).ToList();
                rows.Add((key, row));
            }
            var model = LinearModel.Build(40, rows);

            // When it is written and read back
            var stream = new MemoryStream();
            using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                model.Write(w);
            }
            stream.Position = 0;
            var read = LinearModel.Read(new BinaryReader(stream));

            // Then every feature scores the same (weights are stored as half floats)
            var features = keys.Take(25).Append(12345u).ToArray();
            var a = new float[40];
            var b = new float[40];
            model.Score(features, a);
            read.Score(features, b);
            for (var c = 0; c < 40; c++)
            {
                Assert.True(Math.Abs(a[c] - b[c]) < 0.05, $"class {c}: {a[c]} vs {b[c]}");
            }
            Assert.Equal(model.FeatureCount, read.FeatureCount);
            _ = classes;
        }, iter: 20);
    }

    [Fact]
    public void RejectsForeignData()
    {
        // Given bytes that are not a model, When they are read, Then the error says so
        var e = Assert.Throws<InvalidDataException>(() => LinearModel.Read(new BinaryReader(new MemoryStream(new byte[16]))));
        Assert.Contains("bad magic", e.Message);
    }
}

public class LemmaEditTests
{
    [Theory]
    [InlineData("went", "go")]
    [InlineData("The", "the")]
    [InlineData("Google", "Google")]
    [InlineData("attacked", "attack")]
    [InlineData("n't", "not")]
    [InlineData("bases", "base")]
    public void BetweenThenApplyGivesTheLemma(string form, string lemma)
    {
        // Given a form and its lemma, When the edit between them is applied to the form, Then it gives the lemma
        Assert.Equal(lemma, LemmaEdit.Between(form, lemma).Apply(form));
    }

    [Fact]
    public void BetweenThenApplyHoldsForAnyStrings()
    {
        Gen.String.Select(Gen.String).Sample((form, lemma) => LemmaEdit.Between(form, lemma).Apply(form) == lemma, iter: 2000);
    }
}
