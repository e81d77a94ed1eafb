namespace EvalFramework.Collector.Metrics;

/// <summary>
/// One metric of a snapshot: a row of its long CSV (<c>case_type,arm,metric,value,ci_low,ci_high,n</c>).
/// Pilot-level metrics (<c>maintenance_hours</c>, <c>staff_hours_freed_per_month</c>) use
/// <see cref="LatestSnapshotGauges.AllCaseTypes"/> and <see cref="LatestSnapshotGauges.AllArms"/>.
/// </summary>
internal sealed record SnapshotMetricRow(string CaseType, string Arm, string Metric, double? Value, double? CiLow, double? CiHigh, long N);
