using System.Text;
using DuckDB.NET.Data;

namespace Casus.Serve.Api;

/// <summary>
/// The filters every list and aggregate endpoint takes, validated. <see cref="AppendWhere"/> turns them into SQL over
/// the <c>events</c> table (alias <c>e</c>) with every value passed as a parameter; <see cref="ToStore"/> gives the same
/// selection as a Casus.Store filter (series and alerts), so every view of the dashboard counts the same events.
/// </summary>
public sealed record ApiFilter
{
    /// <summary>Names of the query parameters read by <see cref="Read"/>, for API.md and error messages.</summary>
    public static readonly IReadOnlyList<string> Parameters =
        ["actor", "country", "source_country", "target_country", "dyad", "root", "cameo", "quad_class", "plover", "modality", "place", "place_country", "bbox", "from", "to"];

    /// <summary>Modalities the coder writes.</summary>
    public static readonly IReadOnlyList<string> Modalities =
        ["asserted", "claimed", "negated", "hypothetical", "intended", "threatened", "denied"];

    /// <summary>Source or target actor code starting with this (e.g. IRN, IRNMIL).</summary>
    public string? Actor { get; init; }

    /// <summary>Source or target country (ISO alpha-3).</summary>
    public string? Country { get; init; }

    /// <summary>Source country.</summary>
    public string? SourceCountry { get; init; }

    /// <summary>Target country.</summary>
    public string? TargetCountry { get; init; }

    /// <summary>Directed dyad: source side (country, or actor code prefix).</summary>
    public string? DyadSource { get; init; }

    /// <summary>Directed dyad: target side.</summary>
    public string? DyadTarget { get; init; }

    /// <summary>CAMEO root, two digits.</summary>
    public string? Root { get; init; }

    /// <summary>CAMEO code prefix.</summary>
    public string? Cameo { get; init; }

    /// <summary>Quad class 1..4.</summary>
    public int? QuadClass { get; init; }

    /// <summary>PLOVER event type.</summary>
    public string? Plover { get; init; }

    /// <summary>Modality of the representative report.</summary>
    public string? Modality { get; init; }

    /// <summary>Place name contains this (case-insensitive).</summary>
    public string? Place { get; init; }

    /// <summary>Country of the event's place.</summary>
    public string? PlaceCountry { get; init; }

    /// <summary>Events placed inside this box.</summary>
    public BoundingBox? Box { get; init; }

    /// <summary>First event date (inclusive).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last event date (inclusive).</summary>
    public DateOnly? To { get; init; }

    /// <summary>True when no filter is set.</summary>
    public bool IsEmpty => this == new ApiFilter();

    /// <summary>Reads the filter parameters; problems go to the reader.</summary>
    internal static ApiFilter Read(QueryReader q)
    {
        var dyad = q.Code("dyad", QueryReader.DyadPattern(), "a dyad SOURCE-TARGET of countries or actor codes (e.g. IRN-USA, IRNMIL-USA)");
        var from = q.Date("from");
        var to = q.Date("to");
        if (from is not null && to is not null && from > to)
        {
            q.Fail("from", $"{from:yyyy-MM-dd} is after to={to:yyyy-MM-dd}");
        }
        return new ApiFilter
        {
            Actor = q.Code("actor", QueryReader.ActorPattern(), "an actor code or prefix of 3 to 30 letters and digits (e.g. IRN, IRNMIL)"),
            Country = q.Code("country", QueryReader.CountryPattern(), "a three-letter country code (e.g. IRN)"),
            SourceCountry = q.Code("source_country", QueryReader.CountryPattern(), "a three-letter country code (e.g. IRN)"),
            TargetCountry = q.Code("target_country", QueryReader.CountryPattern(), "a three-letter country code (e.g. USA)"),
            DyadSource = dyad?[..dyad.IndexOf('-')],
            DyadTarget = dyad?[(dyad.IndexOf('-') + 1)..],
            Root = q.Code("root", QueryReader.RootPattern(), "a CAMEO root 01..20"),
            Cameo = q.Code("cameo", QueryReader.CameoPattern(), "a CAMEO code or prefix of 2 to 4 digits"),
            QuadClass = q.IntOrNull("quad_class", 1, 4),
            Plover = q.Code("plover", QueryReader.PloverPattern(), "a PLOVER event type (e.g. ASSAULT)"),
            Modality = q.OneOf("modality", Modalities),
            Place = q.Text("place"),
            PlaceCountry = q.Code("place_country", QueryReader.CountryPattern(), "a three-letter country code (e.g. IRQ)"),
            Box = q.Box("bbox"),
            From = from,
            To = to,
        };
    }

    /// <summary>The same selection as a Casus.Store filter (its dyads are directed here: source side acts on target side).</summary>
    public Casus.Store.EventFilter ToStore() => new()
    {
        Actor = Actor,
        Country = Country,
        SourceCountry = SourceCountry,
        TargetCountry = TargetCountry,
        Dyad = DyadSource is not null && DyadTarget is not null ? (DyadSource, DyadTarget) : null,
        DyadDirected = true,
        Root = Root,
        Cameo = Cameo,
        QuadClass = QuadClass,
        Plover = Plover,
        Modality = Modality,
        Place = Place,
        PlaceCountry = PlaceCountry,
        Box = Box is { } b ? new Casus.Store.BoundingBox(b.MinLat, b.MinLon, b.MaxLat, b.MaxLon) : null,
        From = From,
        To = To,
    };

    /// <summary>Appends <c> AND ...</c> conditions over alias <c>e</c> to <paramref name="sql"/>, adding their parameters.</summary>
    internal void AppendWhere(StringBuilder sql, SqlParameters p)
    {
        if (From is { } from)
        {
            sql.Append(" AND e.date >= ").Append(p.Add(from));
        }
        if (To is { } to)
        {
            sql.Append(" AND e.date <= ").Append(p.Add(to));
        }
        if (Actor is not null)
        {
            var a = p.Add(Actor);
            sql.Append($" AND (starts_with(e.source_code, {a}) OR starts_with(e.target_code, {a}))");
        }
        if (Country is not null)
        {
            var c = p.Add(Country);
            sql.Append($" AND (e.source_country = {c} OR e.target_country = {c})");
        }
        if (SourceCountry is not null)
        {
            sql.Append(" AND e.source_country = ").Append(p.Add(SourceCountry));
        }
        if (TargetCountry is not null)
        {
            sql.Append(" AND e.target_country = ").Append(p.Add(TargetCountry));
        }
        if (DyadSource is not null && DyadTarget is not null)
        {
            var s = p.Add(DyadSource);
            var t = p.Add(DyadTarget);
            sql.Append($" AND (e.source_country = {s} OR starts_with(e.source_code, {s})) AND (e.target_country = {t} OR starts_with(e.target_code, {t}))");
        }
        if (Root is not null)
        {
            sql.Append(" AND e.root = ").Append(p.Add(Root));
        }
        if (Cameo is not null)
        {
            sql.Append(" AND starts_with(e.cameo, ").Append(p.Add(Cameo)).Append(')');
        }
        if (QuadClass is { } quad)
        {
            sql.Append(" AND e.quad_class = ").Append(p.Add(quad));
        }
        if (Plover is not null)
        {
            sql.Append(" AND upper(e.plover) = upper(").Append(p.Add(Plover)).Append(')');
        }
        if (Modality is not null)
        {
            sql.Append(" AND e.modality = ").Append(p.Add(Modality));
        }
        if (Place is not null)
        {
            sql.Append(" AND contains(lower(e.loc_name), lower(").Append(p.Add(Place)).Append("))");
        }
        if (PlaceCountry is not null)
        {
            sql.Append(" AND e.loc_country = ").Append(p.Add(PlaceCountry));
        }
        if (Box is { } box)
        {
            sql.Append(" AND e.loc_lat BETWEEN ").Append(p.Add(box.MinLat)).Append(" AND ").Append(p.Add(box.MaxLat));
            sql.Append(" AND e.loc_lon BETWEEN ").Append(p.Add(box.MinLon)).Append(" AND ").Append(p.Add(box.MaxLon));
        }
    }
}

/// <summary>Named parameters of one SQL command: <see cref="Add"/> returns the placeholder to write into the SQL.</summary>
internal sealed class SqlParameters
{
    private readonly List<DuckDBParameter> _list = [];

    /// <summary>Adds a value and returns its placeholder (<c>$p0</c>, <c>$p1</c>...).</summary>
    public string Add(object value)
    {
        var name = "p" + _list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _list.Add(new DuckDBParameter(name, value));
        return "$" + name;
    }

    /// <summary>Copies the parameters into a command.</summary>
    public void ApplyTo(DuckDBCommand command)
    {
        foreach (var p in _list)
        {
            command.Parameters.Add(new DuckDBParameter(p.ParameterName, p.Value));
        }
    }
}
