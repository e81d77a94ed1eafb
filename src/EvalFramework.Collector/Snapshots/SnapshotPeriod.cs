namespace EvalFramework.Collector.Snapshots;

/// <summary>The period a snapshot covers: cases started in [From, To).</summary>
internal sealed record SnapshotPeriod(DateTimeOffset From, DateTimeOffset To);
