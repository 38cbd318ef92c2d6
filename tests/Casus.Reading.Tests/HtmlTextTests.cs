using AngleSharp.Html.Parser;
using Xunit;

namespace Casus.Reading.Tests;

public sealed class HtmlTextTests
{
    public sealed class ToText
    {
        [Theory]
        [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
        [InlineData("<p>  Spaces \n  and\ttabs  </p>", "Spaces and tabs")]
        [InlineData("<p>Inline <b>bold</b> and <a href=x>link</a>.</p>", "Inline bold and link.")]
        [InlineData("<p>Line<br>break</p>", "Line\nbreak")]
        [InlineData("<ul><li>First</li><li>Second</li></ul><p>After</p>", "First\nSecond\n\nAfter")]
        [InlineData("<h2>Head</h2>Loose text<div>Block</div>", "Head\n\nLoose text\n\nBlock")]
        [InlineData("<p>A&nbsp;B &amp; C &mdash; D&#8217;s &lt;tag&gt;</p>", "A B & C — D’s <tag>")]
        [InlineData("<p>soft\u00ADhyphen</p>", "softhyphen")]
        [InlineData("<p>Kept</p><script>drop()</script><style>p{}</style><nav>Menu</nav><p hidden>Hidden</p>", "Kept")]
        [InlineData("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", "a b\nc d")]
        [InlineData("<pre>x  = 1\n  y = 2</pre>", "x  = 1\n  y = 2")]
        [InlineData("<p></p><div> </div>", "")]
        public void Should_Keep_Paragraphs_And_Collapse_White_Space(string html, string expected)
        {
            // Given
            var body = new HtmlParser().ParseDocument("<html><body>" + html + "</body></html>").Body!;

            // When
            string text = HtmlText.ToText(body);

            // Then
            Assert.Equal(expected, text);
        }
    }
}
