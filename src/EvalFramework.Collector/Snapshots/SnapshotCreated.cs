namespace EvalFramework.Collector.Snapshots;

/// <summary>
/// The answer of <c>POST /api/v1/snapshots</c> to a key without the read right for the pilot: the snapshot's id,
/// pilot, period and creation time, none of its figures (those are for <c>GET</c>, with the read right).
/// </summary>
internal sealed record SnapshotCreated(string Id, string Pilot, SnapshotPeriod Period, DateTimeOffset CreatedAt);
