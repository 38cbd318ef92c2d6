using System.Data.Common;

namespace Casus.Serve.Data;

/// <summary>Typed reads of nullable DuckDB columns by ordinal (DuckDB gives TINYINT as sbyte, counts as long, and so on).</summary>
internal static class Rows
{
    public static string? Str(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static string StrOr(this DbDataReader r, int i, string fallback) => r.IsDBNull(i) ? fallback : r.GetString(i);

    public static int? Int(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt32(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static long Long(this DbDataReader r, int i) => r.IsDBNull(i) ? 0 : Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static long? LongN(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static double? Dbl(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static bool Bool(this DbDataReader r, int i) => !r.IsDBNull(i) && r.GetBoolean(i);

    public static DateOnly? Date(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        var v => DateOnly.Parse(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A [start, end) span from two nullable columns.</summary>
    public static int[]? Span(this DbDataReader r, int start, int end) =>
        r.IsDBNull(start) || r.IsDBNull(end) ? null : [r.GetInt32(start), r.GetInt32(end)];
}
