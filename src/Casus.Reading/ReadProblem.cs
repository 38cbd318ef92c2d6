namespace Casus.Reading;

/// <summary>
/// Something wrong with one input, document or line. The batch goes on after it; the message says whether the
/// document was skipped (<c>...; skipped</c>) or kept. Immutable.
/// </summary>
/// <param name="Location">Where: <c>path</c>, or <c>path:line</c> when a line number means something
/// (<c>stdin</c> and <c>stdin:line</c> for standard input).</param>
/// <param name="Message">What is wrong and what the reader did about it.</param>
public sealed record ReadProblem(string Location, string Message)
{
    /// <summary>The report text, <c>&lt;path&gt;:&lt;line&gt;: &lt;message&gt;</c>.</summary>
    public override string ToString() => $"{Location}: {Message}";
}
