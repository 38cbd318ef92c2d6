using System.Text;

namespace Casus.Cli;

/// <summary>Standard output or a file, UTF-8 without BOM, '\n' line ends, buffered.</summary>
internal static class Output
{
    public static TextWriter Open(string? path)
    {
        var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
        return new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n", AutoFlush = false };
    }
}

/// <summary>Loads the syntax models: the embedded ones, or a directory given with <c>--models</c>.</summary>
internal static class Models
{
    public static Syntax.SyntaxPipeline Load(string? directory) =>
        directory is null ? Syntax.SyntaxPipeline.LoadDefault() : Syntax.SyntaxPipeline.Load(directory);
}
