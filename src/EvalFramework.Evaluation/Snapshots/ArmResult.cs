namespace EvalFramework.Evaluation.Snapshots;

/// <summary>The metrics of one arm of one case type, in <see cref="MetricKeys.PerArm"/> order.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Metrics">The metrics by key, in order.</param>
public sealed record ArmResult(string Arm, IReadOnlyList<KeyValuePair<string, MetricValue>> Metrics)
{
    /// <summary>The metric of the key (it must be there).</summary>
    /// <param name="metric">The metric key.</param>
    public MetricValue this[string metric] => Metrics.First(m => m.Key == metric).Value;
}
