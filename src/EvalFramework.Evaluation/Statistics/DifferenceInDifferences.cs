using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// The difference in differences of four independent cells, a treated and a control group each before and after a
/// start date: (treated after − treated before) − (control after − control before). Its variance is the sum of the
/// four cells' s²/n, its degrees of freedom Satterthwaite's, df = (Σ s²ᵢ/nᵢ)² / Σ (s²ᵢ/nᵢ)²/(nᵢ − 1), the four-cell form of
/// Welch's test (<see cref="WelchTest"/>).
/// </summary>
internal static class DifferenceInDifferences
{
    /// <summary>The method name of a comparison made with <see cref="Compare"/>.</summary>
    public const string Method = "difference_in_differences_welch";

    /// <summary>The estimate: (treated after − treated before) − (control after − control before).</summary>
    public static double Estimate(in Moments controlBefore, in Moments controlAfter, in Moments treatedBefore, in Moments treatedAfter) =>
        (treatedAfter.Mean - treatedBefore.Mean) - (controlAfter.Mean - controlBefore.Mean);

    /// <summary>Satterthwaite's degrees of freedom of the four cells (each needs two values).</summary>
    public static double DegreesOfFreedom(in Moments controlBefore, in Moments controlAfter, in Moments treatedBefore, in Moments treatedAfter)
    {
        double V(in Moments m) => m.Variance / m.Count;
        double Term(in Moments m) => V(m) * V(m) / (m.Count - 1);
        var sum = V(controlBefore) + V(controlAfter) + V(treatedBefore) + V(treatedAfter);
        return sum * sum / (Term(controlBefore) + Term(controlAfter) + Term(treatedBefore) + Term(treatedAfter));
    }

    /// <summary>The estimate with its interval and two-sided p-value; no interval unless every cell has two values.</summary>
    public static TestResult Compare(in Moments controlBefore, in Moments controlAfter, in Moments treatedBefore, in Moments treatedAfter, double level)
    {
        var estimate = Estimate(controlBefore, controlAfter, treatedBefore, treatedAfter);
        if (controlBefore.Count < 2 || controlAfter.Count < 2 || treatedBefore.Count < 2 || treatedAfter.Count < 2)
        {
            return new TestResult(estimate, null, null, double.NaN);
        }

        var se = Math.Sqrt((controlBefore.Variance / controlBefore.Count) + (controlAfter.Variance / controlAfter.Count)
            + (treatedBefore.Variance / treatedBefore.Count) + (treatedAfter.Variance / treatedAfter.Count));
        if (se == 0)
        {
            // Every cell constant: the estimate is known exactly.
            return new TestResult(estimate, new Interval(estimate, estimate), estimate == 0 ? 1 : 0, 0);
        }

        var df = DegreesOfFreedom(controlBefore, controlAfter, treatedBefore, treatedAfter);
        var p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(estimate / se));
        var q = StudentT.InvCDF(0, 1, df, 1 - ((1 - level) / 2));
        return new TestResult(estimate, new Interval(estimate - (q * se), estimate + (q * se)), Math.Min(1, p), se);
    }
}
