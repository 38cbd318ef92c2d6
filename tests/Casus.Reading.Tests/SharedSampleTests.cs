using Casus.Reading.Tests.Support;
using Xunit;

namespace Casus.Reading.Tests;

/// <summary>Reads the team's real samples in place (never copied into the repository).</summary>
public sealed class SharedSampleTests
{
    private const string IranSample = "samples/iran-strikes-2020-01-08.txt";
    private const string Wikinews = "data/news/wikinews_2019_2020.jsonl";

    public sealed class Read
    {
        [SharedFileFact(IranSample)]
        public void Should_Read_The_Iran_Strikes_Sample()
        {
            // Given
            var problems = new List<ReadProblem>();
            var options = new ReaderOptions { DefaultDate = new DateOnly(2020, 1, 8) };

            // When
            List<Document> documents = DocumentReader.Read([SharedData.PathOf(IranSample)], options, problems.Add).ToList();

            // Then
            Assert.Empty(problems);
            Document document = Assert.Single(documents);
            Assert.Equal("iran-strikes-2020-01-08.txt", document.Id);
            Assert.Equal(new DateOnly(2020, 1, 8), document.Date);
            Assert.Contains("Iran", document.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("\r", document.Text, StringComparison.Ordinal);
        }

        [SharedFileFact(Wikinews)]
        public void Should_Read_The_First_Wikinews_Lines()
        {
            // Given
            var problems = new List<ReadProblem>();

            // When: only the first lines are read; the enumeration stops there
            List<Document> documents = DocumentReader.Read([SharedData.PathOf(Wikinews)], new ReaderOptions(), problems.Add).Take(5).ToList();

            // Then
            Assert.Empty(problems);
            Assert.Equal(5, documents.Count);
            Assert.Equal(Enumerable.Range(1, 5).Select(line => $"{SharedData.PathOf(Wikinews)}:{line}"), documents.Select(document => document.Origin));
            Assert.All(documents, document =>
            {
                Assert.StartsWith("wikinews-", document.Id, StringComparison.Ordinal);
                Assert.Equal(2019, document.Date?.Year);
                Assert.False(string.IsNullOrWhiteSpace(document.Title));
                Assert.StartsWith("http", document.Url, StringComparison.Ordinal);
                Assert.True(document.Text.Length > 100);
            });
        }
    }
}
