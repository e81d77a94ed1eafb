using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// Cluster-robust comparison of two arm means when whole units (handlers, teams or periods) were assigned to an arm:
/// the CR2 variance (Bell &amp; McCaffrey 2002) of the OLS regression y ~ arm with the unit as cluster, and its
/// Bell–McCaffrey (Satterthwaite) degrees of freedom, as clubSandwich computes them (Pustejovsky &amp; Tipton 2018).
/// </summary>
/// <remarks>
/// <para>
/// With every unit inside one arm the estimator has a closed form in each unit's count n_j and mean ȳ_j. For arm g
/// with N_g = Σ n_j cases, f_j = n_j / N_g and the case-weighted mean ȳ_g = Σ f_j·ȳ_j:
/// V_g = Σ f_j²·(ȳ_j − ȳ_g)² / (1 − f_j), and with w_j = f_j² / (1 − f_j),
/// D_g = (Σ f_j² + (Σ w_j)² − Σ w_j²) / N_g². The difference is ȳ₁ − ȳ₀ (the case-weighted difference a case-level
/// analysis reports), its variance V₀ + V₁ and its degrees of freedom ν = (1/N₀ + 1/N₁)² / (D₀ + D₁).
/// </para>
/// <para>
/// The interval is d ± t(ν, 1 − α/2)·√V, the p-value two-sided from t(ν). Each arm needs two units with data: a
/// single unit is a whole arm (f = 1) and its variance is unknown. A share is the mean of 0/1 values (the linear
/// probability model); the sandwich absorbs its heteroskedasticity.
/// </para>
/// </remarks>
internal static class ClusterRobustTest
{
    /// <summary>The method name a comparison reports.</summary>
    public const string Method = "cr2_bell_mccaffrey";

    /// <summary>
    /// The estimate from each arm's units (their count and mean; units without a value are left out); null when an
    /// arm has fewer than two units with a value.
    /// </summary>
    /// <param name="baseline">The baseline arm's units.</param>
    /// <param name="treatment">The treatment arm's units.</param>
    public static ClusterRobustEstimate? Estimate(IEnumerable<Moments> baseline, IEnumerable<Moments> treatment)
    {
        if (Arm(baseline) is not { } b || Arm(treatment) is not { } t)
        {
            return null;
        }

        var trace = (1 / b.Cases) + (1 / t.Cases);
        return new ClusterRobustEstimate(b.Mean, t.Mean, b.Variance + t.Variance, trace * trace / (b.DfTerm + t.DfTerm));
    }

    /// <summary>
    /// Compares treatment with baseline. Without two units with a value in each arm, or when every unit's mean equals its
    /// arm's (no spread between units: the variance is degenerate), the difference comes without interval or p-value.
    /// </summary>
    /// <param name="baseline">The baseline arm's units.</param>
    /// <param name="treatment">The treatment arm's units.</param>
    /// <param name="level">The confidence level.</param>
    public static TestResult Compare(IReadOnlyCollection<Moments> baseline, IReadOnlyCollection<Moments> treatment, double level)
    {
        if (Estimate(baseline, treatment) is not { } e || !(e.Variance > 0))
        {
            return new TestResult(CaseWeightedMean(treatment) - CaseWeightedMean(baseline), null, null, double.NaN);
        }

        var se = e.StandardError;
        var q = StudentT.InvCDF(0, 1, e.DegreesOfFreedom, 1 - ((1 - level) / 2));
        var p = 2 * StudentT.CDF(0, 1, e.DegreesOfFreedom, -Math.Abs(e.Difference / se));
        return new TestResult(e.Difference, new Interval(e.Difference - (q * se), e.Difference + (q * se)), Math.Min(1, p), se)
        {
            DegreesOfFreedom = e.DegreesOfFreedom,
        };
    }

    /// <summary>
    /// The interval of one arm's case-weighted mean from its units (the regression y ~ 1 with the unit as cluster):
    /// ȳ ± t(ν, 1 − α/2)·√V with V = Σ f_j²·(ȳ_j − ȳ)² / (1 − f_j) and ν = N⁻² / D, the one-arm parts of
    /// <see cref="Estimate"/>. Null below two units with a value or without spread between them.
    /// </summary>
    /// <param name="units">The arm's units.</param>
    /// <param name="level">The confidence level.</param>
    public static Interval? MeanInterval(IEnumerable<Moments> units, double level)
    {
        if (Arm(units) is not { } arm || !(arm.Variance > 0))
        {
            return null;
        }

        var df = 1 / (arm.Cases * arm.Cases) / arm.DfTerm;
        var half = StudentT.InvCDF(0, 1, df, 1 - ((1 - level) / 2)) * Math.Sqrt(arm.Variance);
        return new Interval(arm.Mean - half, arm.Mean + half);
    }

    /// <summary>
    /// The smallest true difference detected with 80 % power by a two-sided t test with <paramref name="degreesOfFreedom"/>
    /// (t quantiles, not normal ones: with a few units per arm the normal ones overstate power).
    /// </summary>
    public static double? MinimumDetectableEffect(double standardError, double level, double degreesOfFreedom) =>
        double.IsFinite(standardError)
            ? (StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - ((1 - level) / 2)) + StudentT.InvCDF(0, 1, degreesOfFreedom, Power.Target)) * standardError
            : null;

    /// <summary>The case-weighted mean of the units with a value (NaN without any).</summary>
    private static double CaseWeightedMean(IEnumerable<Moments> units)
    {
        var total = default(Moments);
        foreach (var unit in units)
        {
            total = Moments.Combine(total, unit);
        }

        return total.Count > 0 ? total.Mean : double.NaN;
    }

    /// <summary>One arm's cases N_g, case-weighted mean, variance part V_g and degrees-of-freedom part D_g; null below two units.</summary>
    private static (double Cases, double Mean, double Variance, double DfTerm)? Arm(IEnumerable<Moments> units)
    {
        var used = units.Where(u => u.Count > 0).ToList();
        if (used.Count < 2)
        {
            return null;
        }

        double cases = used.Sum(u => (double)u.Count);
        var mean = used.Sum(u => u.Count / cases * u.Mean);
        double variance = 0, squares = 0, weights = 0, weightSquares = 0;
        foreach (var unit in used)
        {
            var f = unit.Count / cases;
            var w = f * f / (1 - f);
            variance += w * (unit.Mean - mean) * (unit.Mean - mean);
            squares += f * f;
            weights += w;
            weightSquares += w * w;
        }

        return (cases, mean, variance, (squares + (weights * weights) - weightSquares) / (cases * cases));
    }
}
