namespace EvalFramework.Evaluation.Snapshots;

/// <summary>A metric of one case type and arm: value, confidence interval (null where it has no meaning) and n.</summary>
internal sealed record MetricValue(double? Value, double? CiLow, double? CiHigh, long N)
{
    public static MetricValue Empty(long n) => new(null, null, null, n);
}
