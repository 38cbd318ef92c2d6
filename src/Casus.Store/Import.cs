namespace Casus.Store;

public sealed partial class EventStore
{
    /// <summary>
    /// Stores the coder's JSON Lines output (<c>casus code</c>). With <paramref name="documentsPath"/> (the readers'
    /// document JSON Lines: id, date, title, url, source, text) every document is stored with its text, also those
    /// without events, which the time series need as denominators. Without it, a document is known only by its
    /// events: its date is the latest event date and its hash covers its event lines, so a re-coded document
    /// replaces the old one. A bad line is reported to <paramref name="problem"/> as <c>file:line: message</c> and
    /// skipped; with no <paramref name="problem"/> callback it throws <see cref="StoreInputException"/>.
    /// </summary>
    public IngestTotals ImportEventsJsonl(
        string eventsPath,
        string? documentsPath = null,
        int batchSize = 500,
        Action<IngestTotals>? progress = null,
        Action<string>? problem = null)
    {
        void Bad(string message)
        {
            if (problem is null)
            {
                throw new StoreInputException(message);
            }
            problem(message);
        }

        var order = new List<string>();
        var events = new Dictionary<string, (List<StoredEvent> Events, List<string> Lines)>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(eventsPath))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            StoredEvent e;
            try
            {
                e = EventJson.ParseEvent(line);
            }
            catch (FormatException ex)
            {
                Bad($"{eventsPath}:{number}: {ex.Message}");
                continue;
            }
            if (!events.TryGetValue(e.DocId, out var entry))
            {
                entry = ([], []);
                events.Add(e.DocId, entry);
                order.Add(e.DocId);
            }
            entry.Events.Add(e);
            entry.Lines.Add(line);
        }

        using var ingestor = new Ingestor(this, batchSize, progress);
        if (documentsPath is not null)
        {
            number = 0;
            foreach (var line in File.ReadLines(documentsPath))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                StoredDocument document;
                try
                {
                    document = EventJson.ParseDocument(line, $"{documentsPath}:{number}");
                }
                catch (FormatException ex)
                {
                    Bad($"{documentsPath}:{number}: {ex.Message}");
                    continue;
                }
                if (events.Remove(document.Id, out var entry))
                {
                    ingestor.Add(document with { Coder = entry.Events[0].Coder }, entry.Events);
                }
                else
                {
                    ingestor.Add(document, []);
                }
            }
        }
        foreach (var id in order)
        {
            if (!events.Remove(id, out var entry))
            {
                continue;
            }
            DateOnly? date = null;
            foreach (var e in entry.Events)
            {
                if (e.Date is { } d && (date is null || d > date))
                {
                    date = d;
                }
            }
            var document = new StoredDocument(id, EventJson.HashOfLines(entry.Lines), date, Origin: eventsPath, Coder: entry.Events[0].Coder);
            ingestor.Add(document, entry.Events);
        }
        ingestor.Flush();
        return ingestor.Totals;
    }
}
