namespace EvalFramework.Collector.Snapshots;

/// <summary>The answer of <c>GET /api/v1/snapshots</c>, oldest first.</summary>
internal sealed record SnapshotList(IReadOnlyList<SnapshotSummary> Snapshots);
