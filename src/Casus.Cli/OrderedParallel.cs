namespace Casus.Cli;

/// <summary>Maps a stream on several threads, each with its own worker state, yielding results in input order.</summary>
internal static class OrderedParallel
{
    /// <summary>
    /// Maps <paramref name="items"/> with <paramref name="map"/> on <paramref name="threads"/> threads; each thread gets
    /// one worker from <paramref name="newWorker"/>. Results stream out in input order as soon as they are ready.
    /// </summary>
    public static IEnumerable<TOut> Map<TIn, TWorker, TOut>(IEnumerable<TIn> items, int threads, CancellationToken cancellationToken,
        Func<TWorker> newWorker, Func<TIn, TWorker, TOut> map)
    {
        using var workers = new ThreadLocal<TWorker>(newWorker);
        var query = items.AsParallel().AsOrdered()
            .WithDegreeOfParallelism(threads)
            .WithCancellation(cancellationToken)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(item => map(item, workers.Value!));
        foreach (var result in query)
        {
            yield return result;
        }
    }
}
