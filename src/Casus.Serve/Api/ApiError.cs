namespace Casus.Serve.Api;

/// <summary>A request the API refuses: HTTP status, the parameter at fault (if any) and a message for a person.</summary>
/// <param name="Status">400 for a bad parameter, 404 for an unknown id.</param>
/// <param name="Parameter">The query parameter or path segment at fault, or null.</param>
/// <param name="Message">What was wrong and what is expected.</param>
public sealed record ApiError(int Status, string? Parameter, string Message)
{
    /// <summary>A 400 naming the parameter.</summary>
    public static ApiError Bad(string parameter, string message) => new(400, parameter, $"{parameter}: {message}");

    /// <summary>A 404 for an id that is not in the store.</summary>
    public static ApiError NotFound(string what, string id) => new(404, "id", $"no {what} with id '{id}'");
}
