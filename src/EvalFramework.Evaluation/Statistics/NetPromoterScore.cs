using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// The net promoter score (NPS) of trinomial answers, in points: 100 · (p₊ − p₋), promoters' share minus detractors'
/// share. Intervals are adjusted Wald (Rocks 2016, "Interval estimation for the 'net promoter score'", The American
/// Statistician 70(4):365–372): add ¾ of a promoter, ¾ of a detractor and 1½ passives to the counts (n + 3 answers),
/// then p̃₊ = (P + ¾)/(n + 3), p̃₋ = (D + ¾)/(n + 3), the variance of one answer's score is
/// V = p̃₊ + p̃₋ − (p̃₊ − p̃₋)², and the interval is (p̃₊ − p̃₋) ± z·√(V/(n + 3)). The difference of two scores uses the
/// same adjusted counts in each arm with the variances added, SE = √(V₁/(n₁ + 3) + V₀/(n₀ + 3)) (the trinomial analogue
/// of the Agresti–Caffo interval for two proportions; Sauro and Lewis's two-sample NPS test), and its p-value is the
/// two-sided z test of that adjusted difference, so p &lt; α exactly when the interval leaves out zero. The pseudo
/// answers keep an interval of sensible width when every answer is in one category.
/// </summary>
internal static class NetPromoterScore
{
    /// <summary>The method name a comparison reports.</summary>
    public const string Method = "trinomial_adjusted_wald";

    private const double Points = 100;
    private const double PseudoPromoters = 0.75;
    private const double PseudoDetractors = 0.75;
    private const double PseudoAnswers = 3;

    /// <summary>The score in points, (P − D)/n · 100; NaN without answers.</summary>
    public static double Value(long promoters, long detractors, long n) =>
        n > 0 ? Points * (promoters - detractors) / n : double.NaN;

    /// <summary>The adjusted Wald interval of one score, in points, clipped to [−100, 100]; null without answers.</summary>
    public static Interval? Of(long promoters, long detractors, long n, double level)
    {
        if (n <= 0)
        {
            return null;
        }

        var (centre, variance) = Adjusted(promoters, detractors, n);
        var half = Proportions.Z(level) * Math.Sqrt(variance);
        return new Interval(Points * Math.Max(-1, centre - half), Points * Math.Min(1, centre + half));
    }

    /// <summary>
    /// Treatment against baseline: the difference of the scores (treatment − baseline, points), the adjusted Wald
    /// interval of the difference (clipped to [−200, 200]), its two-sided z-test p-value and standard error.
    /// </summary>
    public static TestResult Compare(long baselinePromoters, long baselineDetractors, long baselineN, long treatmentPromoters,
        long treatmentDetractors, long treatmentN, double level)
    {
        if (baselineN <= 0 || treatmentN <= 0)
        {
            return new TestResult(double.NaN, null, null, double.NaN);
        }

        var difference = Value(treatmentPromoters, treatmentDetractors, treatmentN) - Value(baselinePromoters, baselineDetractors, baselineN);
        var (b, vb) = Adjusted(baselinePromoters, baselineDetractors, baselineN);
        var (t, vt) = Adjusted(treatmentPromoters, treatmentDetractors, treatmentN);
        var adjusted = t - b;
        var se = Math.Sqrt(vb + vt);
        var half = Proportions.Z(level) * se;
        var p = 2 * Normal.CDF(0, 1, -Math.Abs(adjusted / se));
        return new TestResult(difference, new Interval(Points * Math.Max(-2, adjusted - half), Points * Math.Min(2, adjusted + half)),
            Math.Min(1, p), Points * se);
    }

    /// <summary>The adjusted score p̃₊ − p̃₋ (proportion scale) and the variance of its estimate, V/(n + 3).</summary>
    private static (double Centre, double Variance) Adjusted(long promoters, long detractors, long n)
    {
        var m = n + PseudoAnswers;
        var plus = (promoters + PseudoPromoters) / m;
        var minus = (detractors + PseudoDetractors) / m;
        var centre = plus - minus;
        return (centre, (plus + minus - (centre * centre)) / m);
    }
}
