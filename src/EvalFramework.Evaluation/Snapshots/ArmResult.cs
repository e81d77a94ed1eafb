namespace EvalFramework.Evaluation.Snapshots;

/// <summary>The metrics of one arm of one case type, in <see cref="MetricKeys.PerArm"/> order.</summary>
internal sealed record ArmResult(string Arm, IReadOnlyList<KeyValuePair<string, MetricValue>> Metrics)
{
    public MetricValue this[string metric] => Metrics.First(m => m.Key == metric).Value;
}
