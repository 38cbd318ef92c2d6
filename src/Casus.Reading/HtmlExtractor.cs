using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Casus.Reading;

/// <summary>
/// Extracts a news article from an HTML page: the body with SmartReader (Readability), falling back to the
/// whole page body when SmartReader finds no article; the title; the date, canonical URL and site name from
/// meta tags. Does no network I/O. Stateless and thread-safe.
/// </summary>
internal static class HtmlExtractor
{
    // The base URI SmartReader resolves links against; the page is never fetched.
    private const string PlaceholderUri = "http://localhost/";

    // Meta keys (property, name or itemprop) that carry the publication date, most specific first.
    private static readonly string[] DateKeys =
    [
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "datepublished",
        "publishdate",
        "publish-date",
        "pubdate",
        "date",
        "dc.date.issued",
        "dc.date",
        "dcterms.date",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
    ];

    /// <summary>Extracts the article from <paramref name="html"/>.</summary>
    /// <param name="html">The decoded page.</param>
    /// <param name="id">Document id (the file name).</param>
    /// <param name="origin">Where the page came from, for the document and for messages.</param>
    /// <param name="defaultDate">Date when the page carries none.</param>
    public static Document Extract(string html, string id, string origin, DateOnly? defaultDate)
    {
        var parser = new HtmlParser();
        IHtmlDocument page = parser.ParseDocument(html);
        Dictionary<string, string> meta = ReadMeta(page);
        DateOnly? date = FindDate(page, meta) ?? defaultDate;
        string? url = Attribute(page.QuerySelector("link[rel=canonical]"), "href") ?? meta.GetValueOrDefault("og:url");
        string? source = meta.GetValueOrDefault("og:site_name");
        string? fallbackTitle = meta.GetValueOrDefault("og:title") ?? page.Title;

        // SmartReader edits the page it is given, so it runs after the metadata has been read.
        string? title = null;
        string text = string.Empty;
        Article? article = TryReadArticle(page, url);
        if (article is { IsReadable: true } && !string.IsNullOrWhiteSpace(article.Content))
        {
            title = article.Title;
            text = HtmlText.ToText(parser.ParseDocument(article.Content).Body!);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            IHtmlDocument fresh = parser.ParseDocument(html);
            text = fresh.Body is { } body ? HtmlText.ToText(body) : string.Empty;
        }

        return new Document(
            id,
            text,
            date,
            Clean(title) ?? Clean(fallbackTitle),
            Clean(url),
            Clean(source),
            origin);
    }

    private static Article? TryReadArticle(IHtmlDocument page, string? url)
    {
        string baseUri = Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : PlaceholderUri;
        try
        {
            return new Reader(baseUri, page).GetArticle();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A Readability failure on odd markup is not fatal: the caller falls back to the page body.
            return null;
        }
    }

    private static Dictionary<string, string> ReadMeta(IHtmlDocument page)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (IElement element in page.QuerySelectorAll("meta[content]"))
        {
            string? key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
            string? content = element.GetAttribute("content");
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(content))
            {
                meta.TryAdd(key.Trim(), content.Trim());
            }
        }

        return meta;
    }

    private static DateOnly? FindDate(IHtmlDocument page, Dictionary<string, string> meta)
    {
        foreach (string key in DateKeys)
        {
            if (meta.TryGetValue(key, out string? value) && IsoDates.TryParseLoose(value, out DateOnly date))
            {
                return date;
            }
        }

        // <time datetime>: one marked as the publication date, then one inside the article, then any.
        foreach (string selector in (string[])["time[pubdate][datetime]", "time[itemprop=datePublished][datetime]", "article time[datetime]", "time[datetime]"])
        {
            foreach (IElement time in page.QuerySelectorAll(selector))
            {
                if (IsoDates.TryParseLoose(time.GetAttribute("datetime"), out DateOnly date))
                {
                    return date;
                }
            }
        }

        return null;
    }

    private static string? Attribute(IElement? element, string name) => element?.GetAttribute(name);

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return string.Join(' ', value.Split((char[])[' ', '\t', '\n', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
    }
}
