namespace EvalFramework.Evaluation.Statistics;

/// <summary>The outcome of comparing a treatment arm with the baseline arm.</summary>
/// <param name="Difference">Treatment − baseline.</param>
/// <param name="Interval">Confidence interval of the difference (unadjusted), null when it cannot be computed.</param>
/// <param name="PValue">Two-sided p-value of "no difference", null when it cannot be computed.</param>
/// <param name="StandardError">Standard error of the difference, for the minimum detectable effect.</param>
internal readonly record struct TestResult(double Difference, Interval? Interval, double? PValue, double StandardError)
{
    /// <summary>The t degrees of freedom of a cluster-robust test (for its minimum detectable effect); null for other tests.</summary>
    public double? DegreesOfFreedom { get; init; }
}
