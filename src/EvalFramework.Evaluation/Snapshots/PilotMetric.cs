namespace EvalFramework.Evaluation.Snapshots;

/// <summary>A pilot-level metric, for all arms (<see cref="Arm"/> null) or one arm.</summary>
internal sealed record PilotMetric(string Metric, string? Arm, MetricValue Value);
