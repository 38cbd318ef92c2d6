namespace Casus.Places;

/// <summary>A toponym found in a document and the place it was resolved to.</summary>
/// <param name="Span">Characters of the mention in the document text.</param>
/// <param name="Sentence">Index of the sentence.</param>
/// <param name="FirstToken">Index of the first token in the document's token list.</param>
/// <param name="TokenCount">Number of tokens.</param>
/// <param name="Place">The resolved place.</param>
/// <param name="IsMetonym">The name stands for a government or its people (<c>Washington said</c>, <c>Tehran warned</c>):
/// still a place, but never an event's location.</param>
/// <param name="IsModifier">The name modifies another noun (<c>US forces</c>, <c>Iraq War</c>, <c>Iran's missiles</c>):
/// country evidence, not a location.</param>
/// <param name="Score">The winning candidate's score.</param>
/// <param name="CandidateCount">How many gazetteer entries the name could refer to.</param>
public sealed record PlaceMention(
    TextSpan Span,
    int Sentence,
    int FirstToken,
    int TokenCount,
    Place Place,
    bool IsMetonym,
    bool IsModifier,
    double Score,
    int CandidateCount)
{
    /// <summary>Whether the mention can be an event's location.</summary>
    public bool IsLocation => !IsMetonym && !IsModifier;
}

/// <summary>
/// An event's location: the <c>location</c> object of an event record.
/// </summary>
/// <param name="Name">Place name.</param>
/// <param name="Country">ISO 3166-1 alpha-3, empty for international waters.</param>
/// <param name="Admin1">First-level division name, when known.</param>
/// <param name="Lat">Latitude.</param>
/// <param name="Lon">Longitude.</param>
/// <param name="GeonameId">GeoNames id, null for places not from GeoNames.</param>
/// <param name="Precision"><c>site</c>, <c>city</c>, <c>admin1</c> or <c>country</c>.</param>
/// <param name="Span">The mention's characters in the document.</param>
/// <param name="Basis"><c>clause</c> (attached to the event's clause), <c>sentence</c> (nearest place in the sentence)
/// or <c>document</c> (the document's focus).</param>
public sealed record Location(
    string Name,
    string Country,
    string? Admin1,
    double Lat,
    double Lon,
    int? GeonameId,
    string Precision,
    TextSpan? Span,
    string Basis)
{
    internal static Location Of(PlaceMention mention, string basis) => Of(mention.Place, mention.Span, basis);

    internal static Location Of(Place place, TextSpan? span, string basis) =>
        new(place.Name, place.Country, place.Admin1, place.Latitude, place.Longitude, place.GeonameId, place.Precision, span, basis);
}
