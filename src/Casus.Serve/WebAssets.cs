using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace Casus.Serve;

/// <summary>
/// The built dashboard (<c>web/dist</c>), embedded in this assembly at build time and served from memory, so the
/// server needs no files beside it and no network. Immutable; thread-safe.
/// </summary>
public sealed class WebAssets
{
    private const string Prefix = "web/";
    private readonly FrozenDictionary<string, Asset> _files;

    private WebAssets(FrozenDictionary<string, Asset> files) => _files = files;

    /// <summary>One file: bytes, content type and a strong ETag.</summary>
    public sealed record Asset(byte[] Content, string ContentType, string ETag);

    /// <summary>Number of files.</summary>
    public int Count => _files.Count;

    /// <summary>True when the dashboard was built into the assembly (false after a build with CasusSkipWeb=true).</summary>
    public bool HasDashboard => _files.ContainsKey("index.html");

    /// <summary>Loads the assets embedded in <c>Casus.Serve.dll</c>.</summary>
    public static WebAssets Load() => Load(typeof(WebAssets).Assembly);

    /// <summary>Loads the resources named <c>web/...</c> of an assembly.</summary>
    public static WebAssets Load(Assembly assembly)
    {
        var types = new FileExtensionContentTypeProvider();
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var path = name[Prefix.Length..].Replace('\\', '/');
            var type = types.TryGetContentType(path, out var t) ? t : "application/octet-stream";
            if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "text/javascript" or "application/json")
            {
                type += "; charset=utf-8";
            }
            files[path] = new Asset(bytes, type, "\"" + Convert.ToHexString(SHA256.HashData(bytes).AsSpan(0, 12)) + "\"");
        }
        return new WebAssets(files.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The file at a request path (no leading slash; empty means index.html).</summary>
    public bool TryGet(string path, out Asset asset) =>
        _files.TryGetValue(path.Length == 0 ? "index.html" : path, out asset!);
}
