namespace Casus.Events.Cameo;

/// <summary>A problem in a CAMEO code table, with the file and line it was found on. Immutable.</summary>
/// <param name="File">The file name given to <see cref="CameoTable.Parse"/> (<c>cameo/codes.txt</c> for the shipped one).</param>
/// <param name="Line">The 1-based line number, or 0 when the problem concerns the whole file.</param>
/// <param name="Message">What is wrong.</param>
public sealed record CameoTableError(string File, int Line, string Message)
{
    /// <summary>The report text, <c>file:line: message</c> (<c>file: message</c> when there is no line).</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>The outcome of parsing a CAMEO code table: the table, or every error found. Immutable.</summary>
public sealed class CameoTableParseResult
{
    internal CameoTableParseResult(CameoTable? table, IReadOnlyList<CameoTableError> errors)
    {
        Table = table;
        Errors = errors;
    }

    /// <summary>The table, or <see langword="null"/> when <see cref="Errors"/> is not empty.</summary>
    public CameoTable? Table { get; }

    /// <summary>Every error found, in line order.</summary>
    public IReadOnlyList<CameoTableError> Errors { get; }

    /// <summary>True when the table was built.</summary>
    public bool Succeeded => Table is not null;
}
