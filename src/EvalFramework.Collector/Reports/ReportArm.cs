namespace EvalFramework.Collector.Reports;

/// <summary>One arm of one case type: its metrics by key.</summary>
internal sealed record ReportArm(string Arm, IReadOnlyDictionary<string, ReportValue> Metrics)
{
    /// <summary>The metric, or null when the snapshot does not have it.</summary>
    public ReportValue? this[string metric] => Metrics.GetValueOrDefault(metric);
}
