namespace EvalFramework.Collector.Reports;

/// <summary>A pilot-level metric for one arm, or for all arms (<see cref="Arm"/> null).</summary>
internal sealed record ReportPilotMetric(string Metric, string? Arm, ReportValue Value);
