namespace EvalFramework.Collector.Metrics;

/// <summary>
/// One comparison of a snapshot (treatment − baseline of a metric within a case type, or <c>_all</c> for a pilot-level
/// one) with its verdict and its role in the analysis plan (<c>primary</c>, <c>guardrail</c> or <c>secondary</c>).
/// </summary>
internal sealed record SnapshotComparisonRow(
    string CaseType, string Metric, string Baseline, string Treatment, double? Difference, double? CiLow, double? CiHigh, string Verdict,
    string Role);
