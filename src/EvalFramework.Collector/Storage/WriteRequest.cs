namespace EvalFramework.Collector.Storage;

/// <summary>One ingest request's validated events, waiting for the writer's commit.</summary>
internal sealed class WriteRequest(IReadOnlyList<PendingEvent> events, string keyName)
{
    public IReadOnlyList<PendingEvent> Events { get; } = events;

    /// <summary>The API key that sent them (stored with each event).</summary>
    public string KeyName { get; } = keyName;

    public TaskCompletionSource<bool[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
