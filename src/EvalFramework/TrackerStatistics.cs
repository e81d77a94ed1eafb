namespace EvalFramework;

/// <summary>
/// Running counts of a <see cref="CaseTracker"/>'s events. Each is read atomically; together they are not a
/// consistent snapshot while events are flowing.
/// </summary>
public sealed class TrackerStatistics
{
    private long _queued;
    private long _sent;
    private long _dropped;
    private long _rejected;
    private long _retries;
    private long _spilled;

    internal TrackerStatistics()
    {
    }

    /// <summary>Events accepted into the queue.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Events the collector stored (accepted or already held as duplicates).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>
    /// Events lost without being judged: the queue was full, the tracker was disposed, shutdown ran out of time, or
    /// spilled events were deleted to make room (or could not be read back).
    /// </summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events refused as invalid, by the SDK's own check or by the collector.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Times a batch was sent again after a transient failure (429, 502, 503, 504, network error, timeout).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Events written to the spill folder (<see cref="EvalFrameworkOptions.SpillDirectory"/>) to be sent later.</summary>
    public long Spilled => Interlocked.Read(ref _spilled);

    internal long AddQueued() => Interlocked.Increment(ref _queued);

    internal void AddSent(long count) => Interlocked.Add(ref _sent, count);

    internal void AddDropped(long count) => Interlocked.Add(ref _dropped, count);

    internal void AddRejected(long count) => Interlocked.Add(ref _rejected, count);

    internal void AddRetry() => Interlocked.Increment(ref _retries);

    internal void AddSpilled(long count) => Interlocked.Add(ref _spilled, count);
}
