namespace EvalFramework.Evaluation.Snapshots;

/// <summary>A metric of one case type and arm: value, confidence interval (null where it has no meaning) and n.</summary>
/// <param name="Value">The value, or null without one.</param>
/// <param name="CiLow">The interval's lower end, or null.</param>
/// <param name="CiHigh">The interval's upper end, or null.</param>
/// <param name="N">The number of cases (or answers) behind the value.</param>
public sealed record MetricValue(double? Value, double? CiLow, double? CiHigh, long N)
{
    /// <summary>A metric without a value, of <paramref name="n"/> cases.</summary>
    /// <param name="n">The number of cases.</param>
    /// <returns>The empty value.</returns>
    public static MetricValue Empty(long n) => new(null, null, null, n);
}
