namespace Casus.Reading;

/// <summary>One news document as read from an input. Immutable.</summary>
/// <param name="Id">Stable id: the file name for text and HTML, the <c>id</c> field for JSON Lines.</param>
/// <param name="Text">The document text (for HTML, the extracted article body). Offsets point into this.</param>
/// <param name="Date">Publication date, from the input or <c>--date</c>; null when unknown.</param>
/// <param name="Title">Title when the input has one.</param>
/// <param name="Url">Source URL when known.</param>
/// <param name="Source">Publisher or feed name when known.</param>
/// <param name="Origin">Where it came from, for messages: <c>path</c> or <c>path:line</c>.</param>
public sealed record Document(
    string Id,
    string Text,
    DateOnly? Date,
    string? Title = null,
    string? Url = null,
    string? Source = null,
    string Origin = "");
