using System.Buffers;
using System.IO.Enumeration;
using System.Text;
using System.Text.Unicode;

namespace Casus.Reading;

/// <summary>
/// Reads news documents from files, directories and standard input: plain text (<c>.txt</c>), JSON Lines
/// (<c>.jsonl</c>, <c>.ndjson</c>) and HTML pages (<c>.html</c>, <c>.htm</c>). Stateless and thread-safe;
/// each call is an independent batch.
/// </summary>
/// <remarks>
/// <para>Order is deterministic: inputs in the order given; a directory is read recursively, its files sorted
/// ordinally by path. In a directory only the known extensions are read (hidden files and directories are
/// skipped, symbolic links to directories are not followed); a file named explicitly with another extension is read as text unless it looks binary.</para>
/// <para>Bad input never stops the batch: each problem is reported with its location and the reader moves on
/// to the next document. Input must be UTF-8 (a byte order mark is accepted, CRLF line ends become LF).
/// Invalid UTF-8, binary files, empty documents, oversized documents and JSON lines, malformed JSON, a missing
/// <c>id</c> or <c>text</c>, and ids already seen in the batch are reported and skipped; a bad <c>date</c> is
/// reported and the document kept with <see cref="ReaderOptions.DefaultDate"/>.</para>
/// <para>Files are streamed: a JSON Lines file is read one line at a time, and a line over the size limit is
/// skipped without being buffered.</para>
/// </remarks>
public static class DocumentReader
{
    /// <summary>The input name that means standard input.</summary>
    public const string StdinInput = "-";

    private const string StdinName = "stdin";

    /// <summary>
    /// Reads the documents of <paramref name="inputs"/> lazily. Problems go to <paramref name="report"/> as they
    /// are found; counts go to <paramref name="summary"/>, final once the enumeration has finished.
    /// </summary>
    /// <param name="inputs">File paths, directory paths, or <see cref="StdinInput"/> for standard input.</param>
    /// <param name="options">Default date, format override, size limit and standard input.</param>
    /// <param name="report">Receives every problem, in input order.</param>
    /// <param name="summary">Optional counts of documents, problems and skips; they add up over enumerations.</param>
    /// <returns>The documents, each id at most once.</returns>
    /// <exception cref="ArgumentException"><see cref="ReaderOptions.Format"/> is not a known format or
    /// <see cref="ReaderOptions.MaxDocumentBytes"/> is not positive: the caller should have validated them.</exception>
    public static IEnumerable<Document> Read(
        IReadOnlyList<string> inputs,
        ReaderOptions options,
        Action<ReadProblem> report,
        ReadSummary? summary = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxDocumentBytes);
        if (options.Format is not null && !ReaderOptions.IsKnownFormat(options.Format))
        {
            throw new ArgumentException($"Unknown format \"{options.Format}\"; expected text, jsonl or html.", nameof(options));
        }

        return ReadInputs(inputs, options, report, summary ?? new ReadSummary());
    }

    /// <summary>The format a file is read as: the override, else by extension; null to skip it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="formatOverride">The format override, or null.</param>
    /// <param name="named">True when the file was named explicitly, so an unknown extension means text.</param>
    internal static string? FormatOf(string path, string? formatOverride, bool named)
    {
        if (formatOverride is not null)
        {
            return formatOverride.ToLowerInvariant();
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".txt" => ReaderOptions.TextFormat,
            ".jsonl" or ".ndjson" => ReaderOptions.JsonLinesFormat,
            ".html" or ".htm" => ReaderOptions.HtmlFormat,
            _ => named ? ReaderOptions.TextFormat : null,
        };
    }

    private static IEnumerable<Document> ReadInputs(IReadOnlyList<string> inputs, ReaderOptions options, Action<ReadProblem> report, ReadSummary summary)
    {
        // Created per enumeration: enumerating twice reads a fresh batch (ids are not duplicates of the last run).
        var batch = new ReadBatch(options, report, summary);
        foreach (string input in inputs)
        {
            IEnumerable<Document> documents;
            if (input == StdinInput)
            {
                documents = ReadStdin(batch);
            }
            else if (Directory.Exists(input))
            {
                documents = ReadDirectory(input, batch);
            }
            else if (File.Exists(input))
            {
                documents = ReadFile(input, FormatOf(input, batch.Options.Format, named: true)!, batch);
            }
            else
            {
                batch.Skip(input, "no such file or directory");
                continue;
            }

            foreach (Document document in documents)
            {
                if (batch.Accept(document))
                {
                    yield return document;
                }
            }
        }
    }

    private static IEnumerable<Document> ReadDirectory(string directory, ReadBatch batch)
    {
        List<string> files = ListFiles(directory, batch);
        foreach (string file in files)
        {
            foreach (Document document in ReadFile(file, FormatOf(file, batch.Options.Format, named: false)!, batch))
            {
                yield return document;
            }
        }
    }

    private static List<string> ListFiles(string directory, ReadBatch batch)
    {
        var files = new List<string>();
        try
        {
            // Hidden entries are skipped (EnumerationOptions' default), and symbolic links to directories are
            // not followed, so a link back up the tree cannot make the walk endless.
            var enumeration = new FileSystemEnumerable<string>(
                directory,
                (ref FileSystemEntry entry) => entry.ToSpecifiedFullPath(),
                new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
                ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
            };
            foreach (string file in enumeration)
            {
                if (FormatOf(file, batch.Options.Format, named: false) is not null)
                {
                    files.Add(file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            batch.Skip(directory, $"cannot list the directory: {e.Message}");
            return [];
        }

        if (files.Count == 0)
        {
            batch.Skip(directory, batch.Options.Format is null
                ? "no .txt, .jsonl, .ndjson, .html or .htm files in the directory"
                : "no files in the directory");
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static IEnumerable<Document> ReadFile(string path, string format, ReadBatch batch) => format switch
    {
        ReaderOptions.JsonLinesFormat => ReadJsonLinesFile(path, batch),
        ReaderOptions.HtmlFormat => ReadWholeFile(path, batch, html: true),
        _ => ReadWholeFile(path, batch, html: false),
    };

    private static IEnumerable<Document> ReadWholeFile(string path, ReadBatch batch, bool html)
    {
        string? content = LoadFile(path, batch);
        if (content is null)
        {
            yield break;
        }

        string id = Path.GetFileName(path);
        yield return html
            ? HtmlExtractor.Extract(content, id, path, batch.Options.DefaultDate)
            : new Document(id, ContentChecks.NormalizeNewlines(content), batch.Options.DefaultDate, Origin: path);
    }

    /// <summary>Loads a whole text or HTML file, checked: size limit, binary, UTF-8.</summary>
    /// <returns>The decoded text without a byte order mark, or null when it was skipped.</returns>
    private static string? LoadFile(string path, ReadBatch batch)
    {
        byte[]? buffer = null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > batch.MaxBytes)
            {
                batch.Skip(path, $"document is {stream.Length} bytes, over the {batch.MaxBytes}-byte limit");
                return null;
            }

            // One byte more than expected, so a pipe (or a file that grew) over the limit is caught.
            int capacity = stream.CanSeek ? (int)stream.Length + 1 : batch.MaxBytes + 1;
            buffer = ArrayPool<byte>.Shared.Rent(capacity);
            int length = stream.ReadAtLeast(buffer.AsSpan(0, capacity), capacity, throwOnEndOfStream: false);
            if (length > batch.MaxBytes)
            {
                batch.Skip(path, $"document is over the {batch.MaxBytes}-byte limit");
                return null;
            }

            return Decode(buffer.AsSpan(0, length), path, batch);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            batch.Skip(path, $"cannot read the file: {e.Message}");
            return null;
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static string? Decode(ReadOnlySpan<byte> bytes, string path, ReadBatch batch)
    {
        if (ContentChecks.DescribeBinary(bytes[..Math.Min(bytes.Length, ContentChecks.SniffLength)]) is { } binary)
        {
            batch.Skip(path, binary);
            return null;
        }

        if (bytes.StartsWith(ContentChecks.Utf8Bom))
        {
            bytes = bytes[ContentChecks.Utf8Bom.Length..];
        }

        int invalid = ContentChecks.FindInvalidUtf8(bytes);
        if (invalid >= 0)
        {
            batch.Skip(ReadBatch.Location(path, ContentChecks.LineOf(bytes, invalid)), $"invalid UTF-8 at byte offset {invalid}");
            return null;
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static IEnumerable<Document> ReadJsonLinesFile(string path, ReadBatch batch)
    {
        FileStream? stream = Open(path, batch);
        if (stream is null)
        {
            yield break;
        }

        using (stream)
        {
            byte[] head = new byte[ContentChecks.SniffLength];
            int headLength = TryIo(() => stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false), path, batch);
            if (headLength < 0)
            {
                yield break;
            }

            if (ContentChecks.DescribeBinary(head.AsSpan(0, headLength)) is { } binary)
            {
                batch.Skip(path, binary);
                yield break;
            }

            using var lines = new LineSplitter<byte>(stream.Read, (byte)'\n', (byte)'\r', batch.MaxBytes, head.AsSpan(0, headLength));
            bool any = false;
            while (TryMoveNext(lines, path, batch))
            {
                string location = ReadBatch.Location(path, lines.LineNumber);
                if (lines.IsTooLong)
                {
                    any = true;
                    batch.Skip(location, $"line is {lines.LineLength} bytes, over the {batch.MaxBytes}-byte limit");
                    continue;
                }

                ReadOnlySpan<byte> line = lines.Line;
                if (lines.LineNumber == 1 && line.StartsWith(ContentChecks.Utf8Bom))
                {
                    line = line[ContentChecks.Utf8Bom.Length..];
                }

                if (line.IndexOfAnyExcept(" \t\r\f"u8) < 0)
                {
                    continue;
                }

                any = true;
                int invalid = ContentChecks.FindInvalidUtf8(line);
                if (invalid >= 0)
                {
                    long column = invalid + (lines.LineLength - line.Length) + 1;
                    batch.Skip(location, $"invalid UTF-8 at byte {column} of the line (byte offset {lines.LineOffset + column - 1} in the file)");
                    continue;
                }

                if (JsonLineDecoder.Decode(line, location, batch) is { } document)
                {
                    yield return document;
                }
            }

            if (!any)
            {
                batch.Skip(path, "no documents (empty file)");
            }
        }
    }

    private static FileStream? Open(string path, ReadBatch batch)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            batch.Skip(path, $"cannot read the file: {e.Message}");
            return null;
        }
    }

    private static int TryIo(Func<int> read, string location, ReadBatch batch)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            batch.Skip(location, $"cannot read: {e.Message}");
            return -1;
        }
    }

    private static bool TryMoveNext<T>(LineSplitter<T> lines, string path, ReadBatch batch)
        where T : unmanaged, IEquatable<T>
    {
        try
        {
            return lines.MoveNext();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            batch.Skip(ReadBatch.Location(path, lines.LineNumber + 1), $"cannot read further: {e.Message}");
            return false;
        }
    }

    private static IEnumerable<Document> ReadStdin(ReadBatch batch)
    {
        TextReader stdin = batch.Options.Stdin;

        // Sniff: read until the first non-white-space char, keeping what was read for the real pass.
        char[] head = ArrayPool<char>.Shared.Rent(4096);
        int headLength = 0;
        int firstNonSpace = -1;
        try
        {
            while (firstNonSpace < 0 && headLength <= batch.MaxBytes)
            {
                if (headLength == head.Length)
                {
                    char[] bigger = ArrayPool<char>.Shared.Rent(head.Length * 2);
                    head.AsSpan(0, headLength).CopyTo(bigger);
                    ArrayPool<char>.Shared.Return(head);
                    head = bigger;
                }

                int read = TryIo(() => stdin.Read(head, headLength, head.Length - headLength), StdinName, batch);
                if (read < 0)
                {
                    yield break;
                }

                if (read == 0)
                {
                    break;
                }

                int found = head.AsSpan(headLength, read).IndexOfAnyExcept(" \t\r\n\f\uFEFF");
                firstNonSpace = found < 0 ? -1 : headLength + found;
                headLength += read;
            }

            if (firstNonSpace < 0)
            {
                batch.Skip(StdinName, "empty document (no text)");
                yield break;
            }

            string format = batch.Options.Format?.ToLowerInvariant()
                ?? (head[firstNonSpace] == '{' ? ReaderOptions.JsonLinesFormat : ReaderOptions.TextFormat);
            IEnumerable<Document> documents = format == ReaderOptions.JsonLinesFormat
                ? ReadStdinJsonLines(stdin, head.AsSpan(0, headLength).ToArray(), batch)
                : ReadStdinWhole(stdin, head.AsSpan(0, headLength).ToArray(), batch, format == ReaderOptions.HtmlFormat);
            foreach (Document document in documents)
            {
                yield return document;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(head);
        }
    }

    private static IEnumerable<Document> ReadStdinWhole(TextReader stdin, char[] head, ReadBatch batch, bool html)
    {
        var text = new StringBuilder();
        Encoder encoder = Encoding.UTF8.GetEncoder();
        long bytes = 0;
        char[] chunk = head;
        int chunkLength = head.Length;
        char[] buffer = ArrayPool<char>.Shared.Rent(64 * 1024);
        try
        {
            while (chunkLength > 0)
            {
                bytes += encoder.GetByteCount(chunk.AsSpan(0, chunkLength), flush: false);
                if (bytes > batch.MaxBytes)
                {
                    batch.Skip(StdinName, $"document is over the {batch.MaxBytes}-byte limit");
                    yield break;
                }

                text.Append(chunk, 0, chunkLength);
                chunk = buffer;
                chunkLength = TryIo(() => stdin.Read(buffer, 0, buffer.Length), StdinName, batch);
                if (chunkLength < 0)
                {
                    yield break;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        string content = text.ToString();
        if (content.StartsWith('\uFEFF'))
        {
            content = content[1..];
        }

        int unpaired = ContentChecks.FindUnpairedSurrogate(content);
        if (unpaired >= 0)
        {
            batch.Skip(ReadBatch.Location(StdinName, content.AsSpan(0, unpaired).Count('\n') + 1), $"invalid text (unpaired surrogate) at char offset {unpaired}");
            yield break;
        }

        yield return html
            ? HtmlExtractor.Extract(content, StdinName, StdinName, batch.Options.DefaultDate)
            : new Document(StdinName, ContentChecks.NormalizeNewlines(content), batch.Options.DefaultDate, Origin: StdinName);
    }

    private static IEnumerable<Document> ReadStdinJsonLines(TextReader stdin, char[] head, ReadBatch batch)
    {
        byte[] utf8 = [];
        try
        {
            using var lines = new LineSplitter<char>(stdin.Read, '\n', '\r', batch.MaxBytes, head);
            while (TryMoveNext(lines, StdinName, batch))
            {
                string location = ReadBatch.Location(StdinName, lines.LineNumber);
                ReadOnlySpan<char> line = lines.Line;
                if (lines.LineNumber == 1 && line.StartsWith('\uFEFF'))
                {
                    line = line[1..];
                }

                int byteCount = lines.IsTooLong ? int.MaxValue : Encoding.UTF8.GetByteCount(line);
                if (byteCount > batch.MaxBytes)
                {
                    batch.Skip(location, $"line is over the {batch.MaxBytes}-byte limit");
                    continue;
                }

                if (line.IsWhiteSpace())
                {
                    continue;
                }

                if (utf8.Length < byteCount)
                {
                    if (utf8.Length > 0)
                    {
                        ArrayPool<byte>.Shared.Return(utf8);
                    }

                    utf8 = ArrayPool<byte>.Shared.Rent(byteCount);
                }

                if (Utf8.FromUtf16(line, utf8, out int charsRead, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
                {
                    batch.Skip(location, $"invalid text (unpaired surrogate) at char {charsRead + 1} of the line");
                    continue;
                }

                if (JsonLineDecoder.Decode(utf8.AsSpan(0, written), location, batch) is { } document)
                {
                    yield return document;
                }
            }
        }
        finally
        {
            if (utf8.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(utf8);
            }
        }
    }
}
