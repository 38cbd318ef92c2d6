using Casus.Training;
using Xunit;
using Xunit.Abstractions;

namespace Casus.Text.Tests;

public static class SegmentationEvalTests
{
    public class Fixture
    {
        [Fact]
        public void Scores_words_tokens_and_sentences_by_character_span()
        {
            // Given a tiny treebank with a splittable MWT (don't), an unsplittable one (Im = I + am),
            // paragraphs and an empty node
            string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "mini.conllu");

            // When the default segmenter is scored on it
            SegmentationResult result = SegmentationEval.Evaluate(path, Segmenter.Default);

            // Then "am" (an empty span) is the only word missed, and tokens and sentences all match
            Assert.Equal(new SpanScore(11, 10, 10), result.Words);
            Assert.Equal(new SpanScore(9, 9, 9), result.Tokens);
            Assert.Equal(new SpanScore(3, 3, 3), result.Sentences);
            Assert.Equal("They don't know. Im here.\n\nHello world".Length, result.Characters);
            Assert.Equal(0, result.RebuiltSentences);
            Assert.StartsWith("mini.conllu: words P 100.00 R 90.91 F1 95.24 | tokens P 100.00", result.ToString());
        }

        [Fact]
        public void Rebuilds_a_sentence_whose_text_does_not_match_its_forms()
        {
            // Given a sentence whose # text disagrees with its forms
            const string conllu = "# text = Hello   there!\n1\tHallo\t_\t_\t_\t_\t0\troot\t_\t_\n2\tthere\t_\t_\t_\t_\t1\tdep\t_\tSpaceAfter=No\n3\t!\t_\t_\t_\t_\t1\tpunct\t_\t_\n";

            // When scored
            SegmentationResult result = SegmentationEval.Evaluate(new StringReader(conllu), "t", Segmenter.Default, null);

            // Then it is rebuilt from the forms and still scored
            Assert.Equal(1, result.RebuiltSentences);
            Assert.Equal(new SpanScore(3, 3, 3), result.Words);
        }
    }

    [Trait("Category", "Treebank")]
    public class Treebanks(ITestOutputHelper output)
    {
        [Theory]
        [InlineData("ud-ewt/en_ewt-ud-test.conllu", 98.5)]
        [InlineData("ud-gum/en_gum-ud-test.conllu", 99.0)]
        public void Meets_the_word_F1_floor_on_UD_English_test(string file, double floor)
        {
            // Given the shared UD English data beside the repository (skipped when it is absent)
            string? path = SharedData(file);
            if (path is null)
            {
                output.WriteLine($"shared data not found: {file}");
                return;
            }

            // When the default segmenter is scored
            SegmentationResult result = SegmentationEval.Evaluate(path, Segmenter.Default);
            output.WriteLine(result.ToString());

            // Then word F1 stays above the floor the tokenizer was tuned to
            Assert.True(result.Words.F1 >= floor, result.ToString());
        }

        private static string? SharedData(string file)
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "data", file);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
