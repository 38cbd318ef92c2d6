using Casus.Store;

namespace Casus.Store.Tests.Support;

/// <summary>A clock that always says the same time, so stored timestamps are reproducible.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static FixedTime Default { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A store in a temporary directory, deleted on dispose.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly string _directory;

    public TempStore()
    {
        _directory = Path.Combine(Path.GetTempPath(), "casus-store-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        DbPath = Path.Combine(_directory, "events.duckdb");
        Store = EventStore.Open(DbPath, FixedTime.Default);
    }

    public string DbPath { get; }

    public EventStore Store { get; private set; }

    public string File(string name) => Path.Combine(_directory, name);

    /// <summary>Closes and opens the store again (as a new run would).</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = EventStore.Open(DbPath, FixedTime.Default);
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}

/// <summary>Hand-made documents and mentions.</summary>
internal static class Make
{
    public static readonly StoredActor Usa = new("the United States", "USAGOV", "USA", "GOV", "United States");
    public static readonly StoredActor Irn = new("Iran", "IRNMIL", "IRN", "MIL", "Iran");
    public static readonly StoredActor Irq = new("Iraq", "IRQGOV", "IRQ", "GOV", "Iraq");

    public static readonly StoredLocation Baghdad = new("Baghdad", "IRQ", "07", 33.3406, 44.4009, 98182, "city");
    public static readonly StoredLocation BaghdadAirport = new("Baghdad International Airport", "IRQ", "07", 33.2625, 44.2346, 7730427, "site");
    public static readonly StoredLocation Basra = new("Basra", "IRQ", "02", 30.5085, 47.7804, 99532, "city");
    public static readonly StoredLocation IraqCountry = new("Iraq", "IRQ", Precision: "country");

    public static StoredDocument Doc(string id, string date, string? source = null, string text = "text") =>
        new(id, StoredDocument.HashOf(text, DateOnly.Parse(date), null, null), DateOnly.Parse(date), Title: "Title " + id,
            Url: "https://example.org/" + id, Source: source, Origin: "test", Text: text, Coder: "test-coder");

    public static StoredEvent Event(
        string id,
        string doc,
        string date,
        StoredActor? source,
        StoredActor? target,
        string cameo = "190",
        string? plover = null,
        int quad = 4,
        double goldstein = -10,
        StoredLocation? location = null,
        string modality = "asserted",
        int sentence = 0,
        string text = "Iran attacked the base.") =>
        new()
        {
            Id = id,
            DocId = doc,
            Sentence = sentence,
            Date = DateOnly.Parse(date),
            Source = source,
            Target = target,
            Cameo = cameo,
            Root = cameo[..2],
            Plover = plover ?? (cameo[..2] == "19" ? "ASSAULT" : "CONSULT"),
            QuadClass = quad,
            Goldstein = goldstein,
            TriggerText = "attacked",
            TriggerSpan = new TextSpan(5, 13),
            Text = text,
            TextSpan = new TextSpan(0, text.Length),
            Modality = modality,
            Confidence = 0.5,
            Pattern = "events/verbs.txt:1",
            Coder = "test-coder",
            Location = location,
        };

    public static (StoredDocument, IReadOnlyList<StoredEvent>) Pair(StoredDocument doc, params StoredEvent[] events) => (doc, events);
}

/// <summary>Golden files beside the tests.</summary>
internal static class Golden
{
    public static string Dir { get; } = FindDir();

    /// <summary>Asserts byte equality with the golden file; CASUS_UPDATE_GOLDEN=1 rewrites it first.</summary>
    public static void Assert(string actual, string name)
    {
        var path = Path.Combine(Dir, name);
        if (Environment.GetEnvironmentVariable("CASUS_UPDATE_GOLDEN") == "1")
        {
            System.IO.File.WriteAllText(path, actual);
        }
        Xunit.Assert.Equal(System.IO.File.ReadAllText(path), actual);
    }

    private static string FindDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Casus.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "Casus.Store.Tests", "Golden");
            }
        }
        throw new InvalidOperationException("repository root (Casus.slnx) not found");
    }
}
