namespace EvalFramework.Collector.Metrics;

/// <summary>One comparison of a snapshot (treatment − baseline of a metric within a case type) and its verdict.</summary>
internal sealed record SnapshotComparisonRow(
    string CaseType, string Metric, string Baseline, string Treatment, double? Difference, double? CiLow, double? CiHigh, string Verdict);
