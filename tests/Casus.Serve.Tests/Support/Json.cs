using System.Net;
using System.Text.Json;

namespace Casus.Serve.Tests.Support;

/// <summary>GET helpers that return the status and the parsed JSON body.</summary>
internal static class JsonHttp
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJson(this HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{url}: expected JSON, got {response.Content.Headers.ContentType}: {text[..Math.Min(200, text.Length)]}");
        using var doc = JsonDocument.Parse(text);
        return (response.StatusCode, doc.RootElement.Clone());
    }

    /// <summary>GET that must answer 200.</summary>
    public static async Task<JsonElement> Ok(this HttpClient http, string url)
    {
        var (status, body) = await http.GetJson(url);
        Assert.True(status == HttpStatusCode.OK, $"{url}: {(int)status} {body}");
        return body;
    }

    public static string? Str(this JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    public static IEnumerable<JsonElement> Items(this JsonElement e) => e.GetProperty("items").EnumerateArray();
}
