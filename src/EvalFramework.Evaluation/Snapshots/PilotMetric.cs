namespace EvalFramework.Evaluation.Snapshots;

/// <summary>A pilot-level metric, for all arms (<see cref="Arm"/> null) or one arm.</summary>
/// <param name="Metric">The metric key.</param>
/// <param name="Arm">The arm, or null for all arms.</param>
/// <param name="Value">The value.</param>
public sealed record PilotMetric(string Metric, string? Arm, MetricValue Value);
