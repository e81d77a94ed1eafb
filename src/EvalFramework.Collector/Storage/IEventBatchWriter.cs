namespace EvalFramework.Collector.Storage;

/// <summary>The ingest writer's hold on the database: one connection, used by one thread.</summary>
internal interface IEventBatchWriter : IDisposable
{
    /// <summary>
    /// Stores the requests' events in one transaction, durable when this returns, with the case rows, AI usage rows
    /// and case records they touch. Returns, per request and event, whether the event was new (false: its id was
    /// already stored, or came earlier in the group). Throws, having stored nothing, when the database refuses.
    /// </summary>
    bool[][] Commit(IReadOnlyList<WriteRequest> group, long nowMs);

    /// <summary>
    /// The started cases the last commit touched, as their rows now stand (from the upserts' <c>RETURNING</c>): how
    /// the metrics label a case's later events when its start was stored earlier, perhaps by another replica.
    /// </summary>
    IReadOnlyList<StartedCase> Started { get; }
}
