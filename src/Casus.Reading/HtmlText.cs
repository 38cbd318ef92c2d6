using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace Casus.Reading;

/// <summary>
/// Renders an HTML subtree as plain text: block elements become paragraphs separated by a blank line, list
/// items, table rows and <c>&lt;br&gt;</c> become line breaks, other white space collapses to one space.
/// Entities are already decoded by the parser; no-break spaces become spaces and soft hyphens are dropped.
/// Stateless.
/// </summary>
internal static class HtmlText
{
    private const int None = 0;
    private const int Space = 1;
    private const int LineBreak = 2;
    private const int Paragraph = 3;

    private static readonly FrozenSet<string> Hidden = FrozenSet.Create(
        StringComparer.Ordinal,
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "head",
        "button", "select", "textarea", "input", "nav", "form", "dialog", "audio", "video", "picture", "img");

    private static readonly FrozenSet<string> Blocks = FrozenSet.Create(
        StringComparer.Ordinal,
        "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5",
        "h6", "hgroup", "blockquote", "pre", "ul", "ol", "dl", "table", "figure", "figcaption", "address",
        "fieldset", "details", "summary", "hr", "body", "center");

    private static readonly FrozenSet<string> Lines = FrozenSet.Create(
        StringComparer.Ordinal,
        "li", "tr", "dt", "dd", "caption", "thead", "tbody", "tfoot");

    /// <summary>Renders the text of <paramref name="root"/> and its descendants.</summary>
    public static string ToText(INode root)
    {
        var writer = new Writer(new StringBuilder());
        Walk(root, ref writer);
        StringBuilder builder = writer.Builder;
        int end = builder.Length;
        while (end > 0 && char.IsWhiteSpace(builder[end - 1]))
        {
            end--;
        }

        return builder.ToString(0, end);
    }

    private static void Walk(INode node, ref Writer writer)
    {
        if (node is IText text)
        {
            writer.AddText(text.Data);
            return;
        }

        if (node is not IElement element)
        {
            if (node.NodeType is NodeType.Document or NodeType.DocumentFragment)
            {
                WalkChildren(node, ref writer);
            }

            return;
        }

        string name = element.LocalName;
        if (Hidden.Contains(name) || element.HasAttribute("hidden"))
        {
            return;
        }

        if (name == "br")
        {
            writer.Break(LineBreak);
            return;
        }

        int around = Blocks.Contains(name) ? Paragraph
            : Lines.Contains(name) ? LineBreak
            : name is "td" or "th" ? Space
            : None;
        bool pre = name == "pre";
        writer.Break(around);
        writer.PreDepth += pre ? 1 : 0;
        WalkChildren(element, ref writer);
        writer.PreDepth -= pre ? 1 : 0;
        writer.Break(around);
    }

    private static void WalkChildren(INode node, ref Writer writer)
    {
        for (INode? child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            Walk(child, ref writer);
        }
    }

    private struct Writer(StringBuilder builder)
    {
        public readonly StringBuilder Builder = builder;
        public int PreDepth;
        private int _pending;

        public void Break(int level) => _pending = Math.Max(_pending, level);

        public void AddText(string data)
        {
            foreach (char c in data)
            {
                if (c == '\u00AD')
                {
                    continue;
                }

                if (PreDepth > 0)
                {
                    // Preformatted text keeps its own spaces and line breaks.
                    bool white = c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0';
                    if (c == '\r' || (white && Builder.Length == 0))
                    {
                        continue;
                    }

                    Flush();
                    Builder.Append(c == '\u00A0' ? ' ' : c);
                    continue;
                }

                if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\u00A0')
                {
                    Break(Space);
                    continue;
                }

                Flush();
                Builder.Append(c);
            }
        }

        private void Flush()
        {
            if (_pending != None && Builder.Length > 0)
            {
                Builder.Append(_pending switch
                {
                    Space => " ",
                    LineBreak => "\n",
                    _ => "\n\n",
                });
            }

            _pending = None;
        }
    }
}
