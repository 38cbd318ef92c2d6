using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Casus.Events.Coding;
using Casus.Reading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Casus.Cli.Commands;

/// <summary>
/// <c>casus eval</c>: scores the coder on the annotated development set (<c>eval/events-dev.tsv</c>): category
/// recall, source/target country accuracy and precision. Sentence texts are read from the news file by offset. When
/// a where-when file is present (<c>eval/where-when-dev.tsv</c>), the places and dates of matched events are scored too.
/// </summary>
public sealed class EvalCommand : Command<EvalCommand.Settings>
{
    /// <summary>Settings of <c>casus eval</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Annotation file.</summary>
        [CommandOption("--set <FILE>")]
        [Description("Annotated events (default: eval/events-dev.tsv in the repository).")]
        public string? Set { get; init; }

        /// <summary>News file the annotations point into.</summary>
        [CommandOption("--news <FILE>")]
        [Description("The JSON Lines news file the offsets refer to (default: ../shared/data/news/wikinews_2019_2020.jsonl).")]
        public string? News { get; init; }

        /// <summary>Print each disagreement.</summary>
        [CommandOption("--errors")]
        [Description("List every missed and spurious event.")]
        public bool Errors { get; init; }

        /// <summary>Annotated places and dates of the gold events.</summary>
        [CommandOption("--where-when <FILE>")]
        [Description("Annotated event places and dates (default: eval/where-when-dev.tsv in the repository, when present).")]
        public string? WhereWhen { get; init; }

        /// <summary>Models directory.</summary>
        [CommandOption("--models <DIR>")]
        public string? Models { get; init; }
    }

    private sealed record Gold(string DocId, int Start, int End, string Sha, string? Source, string Cameo, string? Target, string Modality, int Line);

    /// <summary>The key of a where-when row: the event row it annotates.</summary>
    internal readonly record struct EventKey(string DocId, int Start, int End, string Cameo, string Source, string Target);

    /// <summary>
    /// Where and when a gold event happened: the place (null when the text gives none) with its country, coordinates
    /// and precision (site, city, admin1 or country), and the date with its precision (day, week, month, year, or
    /// document when the text gives no date and the article date stands in).
    /// </summary>
    internal sealed record WhereWhen(string? Place, string? Country, double Lat, double Lon, string? Precision, DateOnly Date, string DatePrecision);

    /// <summary>Place and date agreement over matched events that have a where-when row.</summary>
    internal sealed class WhereWhenTally
    {
        /// <summary>Coded places within this distance of a city or site gold place count as right.</summary>
        public const double NearKilometres = 50;

        /// <summary>Matched events with a where-when row.</summary>
        public int Rows { get; private set; }

        /// <summary>Of those, the ones with a gold place, and the ones coded in the gold country.</summary>
        public int Placed { get; private set; }

        /// <inheritdoc cref="Placed"/>
        public int CountryRight { get; private set; }

        /// <summary>The ones with a city or site gold place, and the ones coded within <see cref="NearKilometres"/> of it.</summary>
        public int Fine { get; private set; }

        /// <inheritdoc cref="Fine"/>
        public int Near { get; private set; }

        /// <summary>The ones whose text gives no place, and the ones coded with no location.</summary>
        public int Unplaced { get; private set; }

        /// <inheritdoc cref="Unplaced"/>
        public int NoneGiven { get; private set; }

        /// <summary>The ones whose coded date agrees with the gold date (see <see cref="SameDate"/>).</summary>
        public int DateRight { get; private set; }

        /// <summary>Scores one matched event against its gold place and date; returns whether place and date agree.</summary>
        public (bool Place, bool Date) Add(CodedEvent e, WhereWhen gold, DateOnly? documentDate)
        {
            Rows++;
            var placeRight = true;
            if (gold.Place is null)
            {
                Unplaced++;
                placeRight = e.Location is null;
                NoneGiven += placeRight ? 1 : 0;
            }
            else
            {
                Placed++;
                placeRight = e.Location?.Country == gold.Country;
                CountryRight += placeRight ? 1 : 0;
                if (gold.Precision is "city" or "site")
                {
                    Fine++;
                    var near = e.Location is { } l && Kilometres(l.Lat, l.Lon, gold.Lat, gold.Lon) <= NearKilometres;
                    Near += near ? 1 : 0;
                    placeRight &= near;
                }
            }
            var dateRight = SameDate(e.Date, gold, documentDate);
            DateRight += dateRight ? 1 : 0;
            return (placeRight, dateRight);
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new Diagnostics();
        var home = Environment.GetEnvironmentVariable("CASUS_HOME") ?? Directory.GetCurrentDirectory();
        var setPath = settings.Set ?? Path.Combine(home, "eval", "events-dev.tsv");
        var newsPath = settings.News ?? Path.GetFullPath(Path.Combine(home, "..", "shared", "data", "news", "wikinews_2019_2020.jsonl"));
        foreach (var path in new[] { setPath, newsPath })
        {
            if (!File.Exists(path))
            {
                diagnostics.Problem($"{path}: not found");
                return ExitCodes.Error;
            }
        }
        var whereWhenPath = settings.WhereWhen ?? Path.Combine(home, "eval", "where-when-dev.tsv");
        if (settings.WhereWhen is not null && !File.Exists(whereWhenPath))
        {
            diagnostics.Problem($"{whereWhenPath}: not found");
            return ExitCodes.Error;
        }
        var whereWhen = File.Exists(whereWhenPath) ? ReadWhereWhen(whereWhenPath, diagnostics) : null;
        var gold = ReadGold(setPath, diagnostics);
        var ids = gold.Select(g => g.DocId).ToHashSet();
        var documents = DocumentReader.Read([newsPath], new ReaderOptions(), p => diagnostics.Problem(p.ToString()))
            .Where(d => ids.Contains(d.Id)).ToDictionary(d => d.Id);
        var pipeline = CodingPipeline.Load(Cli.Models.Load(settings.Models), null, CodeCommand.CoderVersion());
        var worker = new CodingPipeline.Worker();
        var predicted = new Dictionary<string, List<CodedEvent>>();
        foreach (var (id, doc) in documents)
        {
            var list = new List<CodedEvent>();
            pipeline.Code(doc.Id, doc.Text, doc.Date, worker, list);
            predicted[id] = list;
        }

        int expected = 0, found = 0, sourceRight = 0, targetRight = 0, dyadRight = 0, system = 0, correct = 0, sentences = 0;
        var output = Console.Out;
        var tally = new WhereWhenTally();
        foreach (var group in gold.GroupBy(g => (g.DocId, g.Start, g.End)))
        {
            var first = group.First();
            if (!documents.TryGetValue(first.DocId, out var doc))
            {
                diagnostics.Problem($"{setPath}:{first.Line}: document '{first.DocId}' is not in {newsPath}");
                continue;
            }
            if (first.End > doc.Text.Length || Sha(doc.Text[first.Start..first.End]) != first.Sha)
            {
                diagnostics.Problem($"{setPath}:{first.Line}: offsets {first.Start}-{first.End} do not give the annotated sentence (checksum differs)");
                continue;
            }
            sentences++;
            var wanted = group.Where(g => g.Cameo != "-" && g.Modality is not ("negated" or "hypothetical")).ToList();
            var got = predicted[first.DocId]
                .Where(e => e.TriggerStart >= first.Start && e.TriggerStart < first.End && e.InDefaultOutput && !e.IsIncident)
                .ToList();
            expected += wanted.Count;
            system += got.Count;
            var used = new bool[got.Count];
            foreach (var g in wanted)
            {
                var match = -1;
                for (var i = 0; i < got.Count; i++)
                {
                    if (!used[i] && got[i].Root == g.Cameo[..2] && (match < 0 || Score(got[i], g) > Score(got[match], g)))
                    {
                        match = i;
                    }
                }
                if (match < 0)
                {
                    if (settings.Errors)
                    {
                        output.WriteLine($"missed   {g.DocId}:{g.Start}  {g.Source ?? "---"} {g.Cameo} {g.Target ?? "---"}  | {doc.Text[g.Start..g.End]}");
                    }
                    continue;
                }
                used[match] = true;
                found++;
                correct++;
                var e = got[match];
                var s = Country(g.Source) == e.Source?.Country;
                var t = Country(g.Target) == e.Target?.Country;
                sourceRight += s ? 1 : 0;
                targetRight += t ? 1 : 0;
                dyadRight += s && t ? 1 : 0;
                if (settings.Errors && !(s && t))
                {
                    output.WriteLine($"actors   {g.DocId}:{g.Start}  gold {g.Source ?? "---"} {g.Cameo} {g.Target ?? "---"}  got {e.Source?.Code ?? "---"} {e.Cameo} {e.Target?.Code ?? "---"}");
                }
                if (whereWhen is not null && whereWhen.TryGetValue(new EventKey(g.DocId, g.Start, g.End, g.Cameo, g.Source ?? "---", g.Target ?? "---"), out var ww))
                {
                    var (placeRight, dateRight) = tally.Add(e, ww, doc.Date);
                    if (settings.Errors && !placeRight)
                    {
                        var coded = e.Location is { } l ? $"{l.Name} {l.Country} {l.Precision} ({l.Basis})" : "-";
                        output.WriteLine($"place    {g.DocId}:{g.Start}  {g.Cameo}  gold {ww.Place ?? "-"} {ww.Country} {ww.Precision}  got {coded}");
                    }
                    if (settings.Errors && !dateRight)
                    {
                        output.WriteLine($"date     {g.DocId}:{g.Start}  {g.Cameo}  gold {ww.Date:yyyy-MM-dd} {ww.DatePrecision}  got {e.Date:yyyy-MM-dd} {e.DatePrecision} ({e.DateBasis})");
                    }
                }
            }
            if (settings.Errors)
            {
                for (var i = 0; i < got.Count; i++)
                {
                    if (!used[i])
                    {
                        output.WriteLine($"spurious {first.DocId}:{first.Start}  {got[i].Source?.Code ?? "---"} {got[i].Cameo} {got[i].Target?.Code ?? "---"} ({got[i].TriggerText}, {got[i].Pattern})");
                    }
                }
            }
        }
        double Pct(int a, int b) => b == 0 ? 0 : 100.0 * a / b;
        output.WriteLine($"sentences {sentences}, gold events {expected}, coded events {system}");
        output.WriteLine($"category (root) recall            {Pct(found, expected),6:F1}%  ({found}/{expected})");
        output.WriteLine($"precision (root matches gold)     {Pct(correct, system),6:F1}%  ({correct}/{system})");
        output.WriteLine($"source country right, of matched  {Pct(sourceRight, found),6:F1}%");
        output.WriteLine($"target country right, of matched  {Pct(targetRight, found),6:F1}%");
        output.WriteLine($"root + source + target right      {Pct(dyadRight, expected),6:F1}% of gold events");
        if (whereWhen is not null)
        {
            output.WriteLine($"where-when rows {whereWhen.Count}, matched events with one {tally.Rows}");
            void Line(string label, int a, int b) => output.WriteLine($"{label,-52}{Pct(a, b),6:F1}%  ({a}/{b})");
            Line("location country right, of matched with a place", tally.CountryRight, tally.Placed);
            Line($"within {WhereWhenTally.NearKilometres:F0} km, of matched with a city or site place", tally.Near, tally.Fine);
            Line("no location, of matched with no place in the text", tally.NoneGiven, tally.Unplaced);
            Line("date right, of matched with a where-when row", tally.DateRight, tally.Rows);
        }
        return diagnostics.Problems > 0 ? ExitCodes.Partial : ExitCodes.Ok;
    }

    private static int Score(CodedEvent e, Gold g) =>
        (Country(g.Source) == e.Source?.Country ? 1 : 0) + (Country(g.Target) == e.Target?.Country ? 1 : 0) + (e.Cameo == g.Cameo ? 1 : 0);

    /// <summary>The country part of a CAMEO actor code: IGO/NGO/MNC/IMG or the first three letters.</summary>
    private static string? Country(string? code) => code is null || code.Length < 3 ? null : code[..3];

    /// <summary>Great-circle distance in kilometres (haversine, mean Earth radius).</summary>
    internal static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double Radius = 6371.0088;
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * Radius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// Whether a coded date agrees with the gold date at the gold's precision: the same day, the same week (Monday to
    /// Sunday), month or year; for <c>document</c>, the coded date must be the article date.
    /// </summary>
    internal static bool SameDate(DateOnly? coded, WhereWhen gold, DateOnly? documentDate) => coded is { } c && gold.DatePrecision switch
    {
        "day" => c == gold.Date,
        "week" => Monday(c) == Monday(gold.Date),
        "month" => c.Year == gold.Date.Year && c.Month == gold.Date.Month,
        "year" => c.Year == gold.Date.Year,
        "document" => c == (documentDate ?? gold.Date),
        _ => false,
    };

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>Reads a where-when file (see <c>eval/README.md</c>); bad rows are reported and skipped.</summary>
    internal static Dictionary<EventKey, WhereWhen> ReadWhereWhen(string path, Diagnostics diagnostics)
    {
        var rows = new Dictionary<EventKey, WhereWhen>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("doc_id\t", StringComparison.Ordinal))
            {
                continue;
            }
            var f = line.Split('\t');
            var inv = CultureInfo.InvariantCulture;
            if (f.Length < 13
                || !int.TryParse(f[1], inv, out var start) || !int.TryParse(f[2], inv, out var end)
                || !DateOnly.TryParseExact(f[11], "yyyy-MM-dd", inv, DateTimeStyles.None, out var date)
                || f[12] is not ("day" or "week" or "month" or "year" or "document"))
            {
                diagnostics.Problem($"{path}:{lineNo}: expected doc_id, start, end, cameo, source, target, place, country, lat, lon, precision, date (yyyy-mm-dd), date_precision");
                continue;
            }
            WhereWhen value;
            if (f[6] == "-")
            {
                value = new WhereWhen(null, null, 0, 0, null, date, f[12]);
            }
            else if (f[7].Length == 3 && double.TryParse(f[8], inv, out var lat) && double.TryParse(f[9], inv, out var lon)
                && f[10] is ("site" or "city" or "admin1" or "country"))
            {
                value = new WhereWhen(f[6], f[7], lat, lon, f[10], date, f[12]);
            }
            else
            {
                diagnostics.Problem($"{path}:{lineNo}: a place needs an ISO alpha-3 country, latitude, longitude and precision (site, city, admin1 or country)");
                continue;
            }
            // Rows with the same key differ only in modality; the first one stands for all.
            rows.TryAdd(new EventKey(f[0], start, end, f[3], Actor(f[4]), Actor(f[5])), value);
        }
        return rows;
    }

    private static string Actor(string code) => code is "-" or "---" ? "---" : code;

    private static string Sha(string text) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)))[..8];

    private static List<Gold> ReadGold(string path, Diagnostics diagnostics)
    {
        var rows = new List<Gold>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("doc_id\t", StringComparison.Ordinal))
            {
                continue;
            }
            var f = line.Split('\t');
            if (f.Length < 8 || !int.TryParse(f[1], CultureInfo.InvariantCulture, out var start) || !int.TryParse(f[2], CultureInfo.InvariantCulture, out var end))
            {
                diagnostics.Problem($"{path}:{lineNo}: expected doc_id, start, end, sha1_8, source, cameo, target, modality");
                continue;
            }
            rows.Add(new Gold(f[0], start, end, f[3], f[4] is "-" or "---" ? null : f[4], f[5], f[6] is "-" or "---" ? null : f[6], f[7], lineNo));
        }
        return rows;
    }
}
