using System.Text;

namespace Casus.Reading.Tests.Support;

/// <summary>A throw-away directory of input files for one test; problem locations are shown relative to it.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "casus-reading-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string content) => Write(relative, new UTF8Encoding(false).GetBytes(content));

    public string Write(string relative, byte[] content)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Reads <paramref name="inputs"/> (relative to the tree, or <c>-</c>) to the end.</summary>
    public ReadRun Read(ReaderOptions options, params string[] inputs)
    {
        var problems = new List<string>();
        var summary = new ReadSummary();
        string[] paths = Array.ConvertAll(inputs, input => input == DocumentReader.StdinInput ? input : PathOf(input));
        List<Document> documents = DocumentReader.Read(paths, options, problem => problems.Add(Relative(problem.ToString())), summary).ToList();
        return new ReadRun(documents, problems, summary);
    }

    public ReadRun Read(params string[] inputs) => Read(new ReaderOptions(), inputs);

    public string Relative(string text) => text.Replace(Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a test for.
        }
    }
}

/// <summary>What one read produced.</summary>
internal sealed record ReadRun(IReadOnlyList<Document> Documents, IReadOnlyList<string> Problems, ReadSummary Summary)
{
    public string[] Ids => Documents.Select(document => document.Id).ToArray();
}
