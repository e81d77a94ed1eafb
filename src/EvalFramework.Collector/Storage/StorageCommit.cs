namespace EvalFramework.Collector.Storage;

/// <summary>One durable group commit of the ingest writer, as <see cref="ICommitObserver"/>s see it.</summary>
/// <param name="StartTimestamp">When the commit began (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</param>
/// <param name="Requests">The group's requests, each with its events.</param>
/// <param name="Stored">Per request and event, whether the event was new (false: a duplicate, not stored again).</param>
/// <param name="Started">
/// The started cases the commit touched, as their rows now stand (perhaps started earlier, by another replica).
/// </param>
internal readonly record struct StorageCommit(
    long StartTimestamp, IReadOnlyList<WriteRequest> Requests, bool[][] Stored, IReadOnlyList<StartedCase> Started);
