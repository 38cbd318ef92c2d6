using System.Text.Json.Serialization;

namespace Casus.Serve.Api;

// The API's JSON shapes (snake_case on the wire). Spans are [start, end) character offsets into the document text,
// as in the coder's JSON Lines output.

/// <summary>An actor of a merged event.</summary>
public sealed record ActorJson(string? Code, string? Country, string? Sector, string? Name);

/// <summary>An actor as one report wrote it, with its span.</summary>
public sealed record MentionActorJson(string? Text, string? Code, string? Country, string? Sector, string? Entity, int[]? Span);

/// <summary>A place of a merged event.</summary>
public sealed record PlaceJson(string? Name, string? Country, string? Admin1, double? Lat, double? Lon, string? Precision, long? Geonameid);

/// <summary>A place as one report wrote it.</summary>
public sealed record MentionPlaceJson(string? Name, string? Country, string? Admin1, double? Lat, double? Lon, long? Geonameid, string? Precision, int[]? Span, string? Basis);

/// <summary>A trigger word and its span.</summary>
public sealed record TriggerJson(string? Text, int[]? Span);

/// <summary>Who a report attributes the event to.</summary>
public sealed record AttributionJson(string? Text, string? Code);

/// <summary>Casualty counts stated in a report (null when not stated).</summary>
public sealed record CasualtiesJson(int? Killed, int? Injured, int? Missing, int? Arrested, int? Displaced);

/// <summary>A merged event (a cluster of reports), with its representative report's trigger and sentence.</summary>
public sealed record EventJson(
    string Id, long GlobalId, string Kind, DateOnly? Date, DateOnly? EndDate, ActorJson? Source, ActorJson? Target,
    string? Cameo, string? Root, string? Plover, int? QuadClass, double? Goldstein, string? Modality, PlaceJson? Place,
    int NumMentions, int NumSources, int NumArticles, double? Confidence,
    int? Killed, int? Injured, int? Missing, int? Arrested, int? Displaced,
    bool IsRootEvent, string FirstDocId, string Representative, string? Trigger, string? Text);

/// <summary>One report (coded mention), in the coder's record shape plus its document's title and date.</summary>
public sealed record MentionJson(
    string Id, string? EventId, string DocId, string? DocTitle, DateOnly? DocDate, int? Sentence, DateOnly? Date,
    MentionActorJson? Source, MentionActorJson? Target, string? Cameo, string? Root, string? Plover, int? QuadClass,
    double? Goldstein, TriggerJson? Trigger, string? Text, int[]? TextSpan, string? Modality, AttributionJson? AttributedTo,
    double? Confidence, string? Pattern, MentionPlaceJson? Location, CasualtiesJson? Casualties);

/// <summary>A page of results.</summary>
public sealed record PageJson<T>(long Total, int Limit, int Offset, IReadOnlyList<T> Items);

/// <summary>A merged event and the reports behind it.</summary>
public sealed record EventDetailJson(EventJson Event, IReadOnlyList<MentionJson> Mentions);

/// <summary>A document with every coded mention in it (text is null when the store has none).</summary>
public sealed record DocumentJson(string Id, string? Title, DateOnly? Date, string? Url, string? Source, string? Text, int EventCount, IReadOnlyList<MentionJson> Mentions);

/// <summary>Events in one period by quad class, Goldstein, and normalised by the documents published then.</summary>
public sealed record SeriesPointJson(
    DateOnly Period, DateOnly End, long Events, long Quad1, long Quad2, long Quad3, long Quad4,
    double GoldsteinSum, double? GoldsteinMean, long Documents, [property: JsonPropertyName("events_per_1000_documents")] double? EventsPer1000Documents,
    [property: JsonPropertyName("conflict_per_1000_documents")] double? ConflictPer1000Documents, double? Share);

/// <summary>A time series.</summary>
public sealed record SeriesJson(string By, IReadOnlyList<SeriesPointJson> Items);

/// <summary>A directed dyad with its event counts.</summary>
public sealed record DyadJson(string Source, string Target, long Events, double? GoldsteinMean, long Cooperation, long Conflict, long MaterialConflict);

/// <summary>Dyads, most events first.</summary>
public sealed record DyadsJson(string Level, IReadOnlyList<DyadJson> Items);

/// <summary>Events at a place (a resolved location, or a country's representative point for events placed only by country).</summary>
public sealed record PlaceItemJson(string? Name, string? Country, double? Lat, double? Lon, string Precision, string Basis, long Events, double? GoldsteinMean, long Conflict);

/// <summary>Places, most events first; <c>Unplaced</c> counts events with neither place nor country.</summary>
public sealed record PlacesJson(IReadOnlyList<PlaceItemJson> Items, long Unplaced);

/// <summary>Events of a country (as source or target).</summary>
public sealed record CountryCountJson(string Country, long Events);

/// <summary>Totals for the header; <c>TypicalFrom</c>/<c>TypicalTo</c> are the 5th and 99th percentiles of event dates (a timeline's default range, so a few events dated decades back do not flatten it).</summary>
public sealed record SummaryJson(
    long Events, long Mentions, long Documents, long Countries, DateOnly? FirstDate, DateOnly? LastDate, DateOnly? TypicalFrom, DateOnly? TypicalTo, double? GoldsteinMean,
    IReadOnlyDictionary<string, long> ByQuadClass, IReadOnlyList<CountryCountJson> ByCountry);

/// <summary>An alert: a period whose value stands out from its own baseline.</summary>
public sealed record AlertJson(
    DateOnly Period, DateOnly End, string Subject, string Message, string Rule, double Value, int Events, double BaselineMean, double BaselineSd,
    double Threshold, IReadOnlyDictionary<string, string> Filters, IReadOnlyList<string> EventIds);

/// <summary>Alerts, most recent first.</summary>
public sealed record AlertsJson(string By, string Measure, IReadOnlyList<AlertJson> Items);

/// <summary>Health and size of the store.</summary>
public sealed record HealthJson(string Status, string Db, long Documents, long Mentions, long Events, bool MergeIsCurrent, string Version);

/// <summary>An error answer.</summary>
public sealed record ErrorJson(string Error, string? Parameter);
