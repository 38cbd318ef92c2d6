using Casus.Reading.Tests.Support;
using Casus.Syntax.Conll;

namespace Casus.Syntax.Tests;

public class ConllUTests
{
    private const string Sample = """
        # newdoc id = doc1
        # sent_id = doc1-1
        # text = They don't attack.
        1	They	they	PRON	PRP	Case=Nom|Number=Plur	4	nsubj	4:nsubj	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	VBP	Mood=Ind	4	aux	4:aux	_
        3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
        4	attack	attack	VERB	VB	VerbForm=Inf	0	root	0:root	SpaceAfter=No
        5	.	.	PUNCT	.	_	4	punct	4:punct	_

        # sent_id = doc1-2
        1	Yes	yes	INTJ	UH	_	0	root	0:root	_
        1.1	be	be	AUX	VB	_	_	_	1:cop	_


        """;

    public class Read
    {
        [Fact]
        public void KeepsWordsCommentsAndRanges()
        {
            // Given a sentence with a multiword token, When it is read
            var sentences = ConllU.Read(new StringReader(Sample)).ToList();

            // Then words, comments and the range line are where they were
            Assert.Equal(2, sentences.Count);
            var s = sentences[0];
            Assert.Equal(5, s.Words.Count);
            Assert.Equal("They don't attack.", s.Comment("text"));
            Assert.Equal([(2, 3, "don't")], s.MultiwordTokens().ToList());
            Assert.Equal(4, s.Words[0].Head);
            Assert.False(s.Words[3].SpaceAfter);
            Assert.Equal("nsubj", s.Words[0].UniversalDeprel);
        }

        [Theory]
        [InlineData("1\tA\ta\tX\tX\t_\t0\troot\t_", "expected 10 tab-separated columns")]
        [InlineData("2\tA\ta\tX\tX\t_\t0\troot\t_\t_", "out of sequence")]
        [InlineData("1\tA\ta\tX\tX\t_\tzero\troot\t_\t_", "is not a number")]
        public void NamesTheBadLine(string line, string message)
        {
            // Given a malformed word line on line 2, When it is read, Then the error names the file and the line
            var e = Assert.Throws<ConllFormatException>(() => ConllU.Read(new StringReader("# c\n" + line + "\n"), "x.conllu").ToList());
            Assert.Equal("x.conllu:2", e.Location);
            Assert.Contains(message, e.Message);
        }
    }

    public class Write
    {
        [Fact]
        public void RoundTripsTheSample()
        {
            // Given a CoNLL-U text, When it is read and written back, Then it is the same text
            Assert.Equal(Sample, RoundTrip(Sample));
        }

        [SharedFileFact("data/ud-ewt/en_ewt-ud-dev.conllu")]
        public void RoundTripsTheTreebank()
        {
            // Given the EWT dev set, When it is read and written back, Then every byte is the same
            var path = SharedData.PathOf("data/ud-ewt/en_ewt-ud-dev.conllu");
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            Assert.Equal(text, RoundTrip(text));
        }

        private static string RoundTrip(string text)
        {
            var w = new StringWriter { NewLine = "\n" };
            foreach (var s in ConllU.Read(new StringReader(text)))
            {
                ConllU.Write(w, s);
            }
            return w.ToString();
        }
    }
}
