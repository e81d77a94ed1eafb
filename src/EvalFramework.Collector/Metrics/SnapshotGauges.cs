namespace EvalFramework.Collector.Metrics;

/// <summary>What the gauges show of one pilot's newest snapshot.</summary>
internal sealed record SnapshotGauges(
    string Pilot,
    string SnapshotId,
    DateTimeOffset CreatedAt,
    IReadOnlyList<SnapshotMetricRow> Metrics,
    IReadOnlyList<SnapshotComparisonRow> Comparisons);
