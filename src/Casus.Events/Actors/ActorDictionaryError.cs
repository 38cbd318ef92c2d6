namespace Casus.Events.Actors;

/// <summary>A problem in an actor dictionary file, with the file and line it was found on. Immutable.</summary>
/// <param name="File">The file: <c>actors/countries.txt</c> for a shipped file, the full path for a user file.</param>
/// <param name="Line">The 1-based line number, or 0 when the problem concerns the whole file.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ActorDictionaryError(string File, int Line, string Message)
{
    /// <summary>The report text, <c>file:line: message</c> (<c>file: message</c> when there is no line).</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>
/// The outcome of loading actor dictionaries: the compiled dictionary, or every error found. A dictionary is built
/// only when there are no errors (the README asks a loader to reject a file with a bad line). Immutable.
/// </summary>
public sealed class ActorDictionaryLoadResult
{
    internal ActorDictionaryLoadResult(
        ActorDictionary? dictionary, IReadOnlyList<ActorDictionaryError> errors, IReadOnlyList<ActorDictionaryError> warnings)
    {
        Dictionary = dictionary;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>The compiled dictionary, or <see langword="null"/> when <see cref="Errors"/> is not empty.</summary>
    public ActorDictionary? Dictionary { get; }

    /// <summary>Every error found, in file order.</summary>
    public IReadOnlyList<ActorDictionaryError> Errors { get; }

    /// <summary>
    /// Known problems of the shipped files that do not stop loading (rule 9 conflicts that are reported and listed in
    /// the loader); empty for clean files.
    /// </summary>
    public IReadOnlyList<ActorDictionaryError> Warnings { get; }

    /// <summary>True when the dictionary was built.</summary>
    public bool Succeeded => Dictionary is not null;
}
