namespace EvalFramework.Collector.Snapshots;

/// <summary>The body of <c>POST /api/v1/snapshots</c>.</summary>
internal sealed record CreateSnapshotBody(string? Pilot, string? From, string? To);
