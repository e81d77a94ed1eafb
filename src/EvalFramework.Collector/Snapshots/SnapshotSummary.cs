namespace EvalFramework.Collector.Snapshots;

/// <summary>One entry of <c>GET /api/v1/snapshots</c>: what the snapshot covers and its hashes (not its content).</summary>
internal sealed record SnapshotSummary(
    string Id, string Pilot, DateTimeOffset From, DateTimeOffset To, DateTimeOffset CreatedAt, string DataSha256,
    string? ConfigSha256, string BodySha256);
