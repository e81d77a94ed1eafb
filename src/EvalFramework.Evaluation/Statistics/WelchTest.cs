using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// Welch's unequal-variances t test and interval for a difference of means, with Welch–Satterthwaite degrees of
/// freedom: df = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)).
/// </summary>
internal static class WelchTest
{
    /// <summary>Welch–Satterthwaite degrees of freedom.</summary>
    public static double DegreesOfFreedom(in Moments baseline, in Moments treatment)
    {
        var v0 = baseline.Variance / baseline.Count;
        var v1 = treatment.Variance / treatment.Count;
        return (v0 + v1) * (v0 + v1) / ((v0 * v0 / (baseline.Count - 1)) + (v1 * v1 / (treatment.Count - 1)));
    }

    /// <summary>Compares treatment with baseline; needs at least two values in each.</summary>
    public static TestResult Compare(in Moments baseline, in Moments treatment, double level)
    {
        var difference = treatment.Mean - baseline.Mean;
        if (baseline.Count < 2 || treatment.Count < 2)
        {
            return new TestResult(difference, null, null, double.NaN);
        }

        var se = Math.Sqrt((baseline.Variance / baseline.Count) + (treatment.Variance / treatment.Count));
        if (se == 0)
        {
            // Both samples constant: the difference is known exactly.
            return new TestResult(difference, new Interval(difference, difference), difference == 0 ? 1 : 0, 0);
        }

        var df = DegreesOfFreedom(baseline, treatment);
        var t = difference / se;
        var p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        var q = StudentT.InvCDF(0, 1, df, 1 - ((1 - level) / 2));
        return new TestResult(difference, new Interval(difference - (q * se), difference + (q * se)), Math.Min(1, p), se);
    }

    /// <summary>The t statistic of <see cref="Compare"/>, for reference tests.</summary>
    public static double Statistic(in Moments baseline, in Moments treatment) =>
        (treatment.Mean - baseline.Mean) / Math.Sqrt((baseline.Variance / baseline.Count) + (treatment.Variance / treatment.Count));
}
