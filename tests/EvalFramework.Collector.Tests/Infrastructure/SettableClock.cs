namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>
/// A clock whose time a test sets: what <see cref="TimeProvider.GetUtcNow"/> answers. Timers and timestamps stay the
/// system's, so the collector's background work (the ingest writer's batching) runs as usual.
/// </summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
