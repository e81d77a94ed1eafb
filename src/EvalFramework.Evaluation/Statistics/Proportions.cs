using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// Intervals and tests for proportions: Wilson score interval for one proportion; Newcombe's hybrid score
/// interval (method 10 of Newcombe 1998, Statistics in Medicine 17:873–890) for a difference; the pooled
/// two-proportion z test for its p-value.
/// </summary>
internal static class Proportions
{
    /// <summary>z quantile for a two-sided interval at <paramref name="level"/>.</summary>
    public static double Z(double level) => Normal.InvCDF(0, 1, 1 - ((1 - level) / 2));

    /// <summary>Wilson score interval of x / n; null when n = 0.</summary>
    public static Interval? Wilson(long x, long n, double level)
    {
        if (n <= 0)
        {
            return null;
        }

        var z = Z(level);
        var p = (double)x / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        // With no successes (or no failures) the exact end is 0 (or 1); the formula's rounding would leave 1e-18.
        return new Interval(x == 0 ? 0 : Math.Max(0, centre - half), x == n ? 1 : Math.Min(1, centre + half));
    }

    /// <summary>
    /// Newcombe's hybrid score interval of p₁ − p₂ (x₁/n₁ − x₂/n₂): with Wilson limits (l₁, u₁), (l₂, u₂),
    /// low = d − √((p₁ − l₁)² + (u₂ − p₂)²), high = d + √((u₁ − p₁)² + (p₂ − l₂)²).
    /// </summary>
    public static Interval? NewcombeDifference(long x1, long n1, long x2, long n2, double level)
    {
        if (Wilson(x1, n1, level) is not { } w1 || Wilson(x2, n2, level) is not { } w2)
        {
            return null;
        }

        var p1 = (double)x1 / n1;
        var p2 = (double)x2 / n2;
        var d = p1 - p2;
        var low = d - Math.Sqrt(((p1 - w1.Low) * (p1 - w1.Low)) + ((w2.High - p2) * (w2.High - p2)));
        var high = d + Math.Sqrt(((w1.High - p1) * (w1.High - p1)) + ((p2 - w2.Low) * (p2 - w2.Low)));
        return new Interval(low, high);
    }

    /// <summary>Treatment (x₁/n₁) against baseline (x₂/n₂): difference, Newcombe interval, pooled z-test p-value.</summary>
    public static TestResult Compare(long xBaseline, long nBaseline, long xTreatment, long nTreatment, double level)
    {
        if (nBaseline == 0 || nTreatment == 0)
        {
            return new TestResult(double.NaN, null, null, double.NaN);
        }

        var p0 = (double)xBaseline / nBaseline;
        var p1 = (double)xTreatment / nTreatment;
        var interval = NewcombeDifference(xTreatment, nTreatment, xBaseline, nBaseline, level);
        var pooled = (double)(xBaseline + xTreatment) / (nBaseline + nTreatment);
        var sePooled = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / nBaseline) + (1.0 / nTreatment)));
        var p = sePooled == 0 ? 1 : 2 * Normal.CDF(0, 1, -Math.Abs((p1 - p0) / sePooled));
        var se = Math.Sqrt((p0 * (1 - p0) / nBaseline) + (p1 * (1 - p1) / nTreatment));
        return new TestResult(p1 - p0, interval, Math.Min(1, p), se == 0 ? sePooled : se);
    }
}
