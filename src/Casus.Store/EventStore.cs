using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;

namespace Casus.Store;

/// <summary>
/// The event store: documents, event mentions and merged events in one DuckDB file (schema in <c>Schema.sql</c>).
/// Wraps one connection, so an instance is not thread-safe: use one per thread. Writes happen one batch per
/// transaction, so a crash loses at most the batch in flight, never a committed one.
/// </summary>
public sealed partial class EventStore : IDisposable
{
    /// <summary>Version of <c>Schema.sql</c> written into <c>store_meta.schema_version</c>.</summary>
    public const int SchemaVersion = 1;

    private readonly DuckDBConnection _connection;
    private readonly TimeProvider _time;

    private EventStore(string path, DuckDBConnection connection, TimeProvider time, bool readOnly)
    {
        Path = path;
        _connection = connection;
        _time = time;
        ReadOnly = readOnly;
    }

    /// <summary>The database file (<c>:memory:</c> for an in-memory store).</summary>
    public string Path { get; }

    /// <summary>True when opened with <see cref="OpenReadOnly"/>.</summary>
    public bool ReadOnly { get; }

    /// <summary>
    /// Opens the store at <paramref name="path"/> for reading and writing, creating the file and schema on first use
    /// and adding what a newer schema adds (changes are additive). <paramref name="time"/> stamps ingest and merge
    /// times (the system clock by default).
    /// </summary>
    public static EventStore Open(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path != ":memory:")
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        var connection = new DuckDBConnection($"Data Source={path}");
        try
        {
            OpenConnection(connection, path);
            var store = new EventStore(path, connection, time ?? TimeProvider.System, readOnly: false);
            store.CreateSchema();
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an existing store read-only (for readers in another process). Merged events are as the last writer
    /// left them. Throws <see cref="FileNotFoundException"/> when there is no such file.
    /// </summary>
    public static EventStore OpenReadOnly(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no event store at '{path}' (run casus ingest first)", path);
        }
        var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        try
        {
            OpenConnection(connection, path);
            return new EventStore(path, connection, TimeProvider.System, readOnly: true);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the connection; a file that another process holds (a running ingest) or that is not a DuckDB database
    /// is an <see cref="IOException"/> naming the file, not a driver stack trace.
    /// </summary>
    private static void OpenConnection(DuckDBConnection connection, string path)
    {
        try
        {
            connection.Open();
        }
        catch (DuckDBException e)
        {
            var reason = e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase)
                ? "it is in use by another process (one writer at a time: wait for the running ingest to finish)"
                : e.Message;
            throw new IOException($"{path}: cannot open the event store: {reason}", e);
        }
    }

    /// <summary>The DDL of the current schema (the embedded <c>Schema.sql</c>).</summary>
    public static string SchemaSql()
    {
        using var stream = typeof(EventStore).Assembly.GetManifestResourceStream("Casus.Store.Schema.sql")
            ?? throw new InvalidOperationException("Schema.sql is not embedded in Casus.Store");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    /// <summary>True when the document is stored with this content hash (and, when given, this coder version).</summary>
    public bool HasDocument(string docId, string contentHash, string? coder = null)
    {
        using var command = Command("SELECT content_hash, coder FROM documents WHERE doc_id = $id", ("id", docId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return false;
        }
        return reader.GetString(0) == contentHash && (coder is null || (!reader.IsDBNull(1) && reader.GetString(1) == coder));
    }

    /// <summary>
    /// Every stored document's content hash and coder version, read in one query: lets a parallel ingest decide
    /// which documents to skip without touching the connection from its worker threads.
    /// </summary>
    public Dictionary<string, (string Hash, string? Coder)> DocumentVersions()
    {
        var result = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        using var command = Command("SELECT doc_id, content_hash, coder FROM documents");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetString(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }
        return result;
    }

    /// <summary>Counts of what the store holds.</summary>
    public StoreStats Stats()
    {
        long Count(string table) => Convert.ToInt64(Scalar($"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);
        // Until a checkpoint, recent writes live in the write-ahead log beside the file: count both.
        long Size(string file) => Path != ":memory:" && File.Exists(file) ? new FileInfo(file).Length : 0;
        var bytes = Size(Path) + Size(Path + ".wal");
        return new StoreStats(Count("documents"), Count("mentions"), Count("events"), Count("ingest_batches"), bytes, MergeIsCurrent());
    }

    private void CreateSchema()
    {
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = SchemaSql();
            command.ExecuteNonQuery();
        }
        Execute("INSERT INTO store_meta VALUES ('schema_version', $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            ("v", SchemaVersion.ToString(CultureInfo.InvariantCulture)));
        Execute("INSERT INTO store_meta VALUES ('mentions_version', '0') ON CONFLICT (key) DO NOTHING");
    }

    internal string? Meta(string key) => Scalar("SELECT value FROM store_meta WHERE key = $k", ("k", key)) as string;

    internal void SetMeta(string key, string value) =>
        Execute("INSERT INTO store_meta VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("k", key), ("v", value));

    private long MentionsVersion() => long.Parse(Meta("mentions_version") ?? "0", CultureInfo.InvariantCulture);

    private bool MergeIsCurrent() => Meta("merged_version") is { } merged && long.Parse(merged, CultureInfo.InvariantCulture) == MentionsVersion();

    internal DuckDBCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }
        return command;
    }

    internal DuckDBCommand Command(string sql, IReadOnlyList<DuckDBParameter> parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(p.ParameterName, p.Value));
        }
        return command;
    }

    internal int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    internal object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    internal DuckDBConnection Connection => _connection;

    internal DateTime UtcNow() => _time.GetUtcNow().UtcDateTime;

    private void EnsureWritable()
    {
        if (ReadOnly)
        {
            throw new InvalidOperationException($"the event store '{Path}' is open read-only");
        }
    }

    internal static string? GetString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    internal static int? GetInt(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    internal static long? GetLong(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    internal static double? GetDouble(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    internal static DateOnly? GetDate(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);
}
