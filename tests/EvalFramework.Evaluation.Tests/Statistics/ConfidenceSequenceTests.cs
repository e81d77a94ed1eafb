using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Tests.Statistics;

/// <summary>
/// The always-valid intervals and p-values (<see cref="ConfidenceSequence"/>) against reference values computed
/// independently in Python (plain math, printed with repr) by the reference implementation of the method's research memo
/// (avci.py, reference_values.py: the same formulas as GrowthBook's gbstats), and against gbstats' own published test
/// expectations (packages/stats/gbstats/tests/frequentist/test_tests.py, rounded to 5 decimals there).
/// </summary>
public sealed class ConfidenceSequenceTests
{
    private const double Relative = 1e-12;

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    private static (double Mean, double Variance) FromSums(double n, double sum, double sumOfSquares) =>
        (sum / n, (sumOfSquares - (sum * sum / n)) / (n - 1));

    /// <summary>Difference of means B − A and its unpooled (Welch) standard error from the arms' sums.</summary>
    private static (double Estimate, double StandardError) Means(long nA, double sumA, double ssA, long nB, double sumB, double ssB)
    {
        var (mA, vA) = FromSums(nA, sumA, ssA);
        var (mB, vB) = FromSums(nB, sumB, ssB);
        return (mB - mA, Math.Sqrt((vA / nA) + (vB / nB)));
    }

    /// <summary>Difference of proportions B − A and its unpooled Wald standard error.</summary>
    private static (double Estimate, double StandardError) Shares(long xA, long nA, long xB, long nB)
    {
        var pA = (double)xA / nA;
        var pB = (double)xB / nB;
        return (pB - pA, Math.Sqrt((pA * (1 - pA) / nA) + (pB * (1 - pB) / nB)));
    }

    [Fact]
    public void Rho2_ClosedForm_MatchesReference()
    {
        // reference_values.json: rho2_two_sided_approx / rho2_one_sided_approx at t* = 2400, 1000 and (alpha 0.01) 1200.
        Close(0.0033067310840573187, ConfidenceSequence.Rho2(2400, 0.05, twoSided: true));
        Close(0.0026370248355400984, ConfidenceSequence.Rho2(2400, 0.05, twoSided: false));
        Close(0.007936154601737565, ConfidenceSequence.Rho2(1000, 0.05, twoSided: true));
        Close(0.009611451117262687, ConfidenceSequence.Rho2(1200, 0.01, twoSided: true));
        Close(0.008334605422566263, ConfidenceSequence.Rho2(1200, 0.01, twoSided: false));
    }

    /// <summary>Case means_day30: handling time, lower is better, 600 and 597 cases, t* = 2400, alpha 0.05, margin 1.</summary>
    [Fact]
    public void Means_Day30_SequenceAndPValuesMatchReference()
    {
        var (d, se) = Means(600, 7310, 113900, 597, 6328.2, 150520);
        var rho2 = ConfidenceSequence.Rho2(2400, 0.05, true);
        var rho2One = ConfidenceSequence.Rho2(2400, 0.05, false);

        Close(-1.583333333333334, d);
        Close(0.3036236262081366, se * se);
        Close(1.6993145323073657, ConfidenceSequence.HalfWidth(se, 1197, rho2, 0.05));
        Close(0.0824787172734657, ConfidenceSequence.PValue(d, se, 1197, rho2));
        Close(1.5649605504535444, ConfidenceSequence.OneSidedHalfWidth(se, 1197, rho2One, 0.05));

        // Non-inferiority, lower is better: H0 difference >= +1 against < +1; harm: H0 difference <= 0 against > 0.
        Close(0.00024202101086969182, ConfidenceSequence.OneSidedPValue(d, se, 1197, rho2One, 1.0, greater: false));
        Assert.Equal(1.0, ConfidenceSequence.OneSidedPValue(d, se, 1197, rho2One, 0.0, greater: true));
    }

    /// <summary>Case props_day45: error rate, 171/900 against 120/899, t* = 2400, alpha 0.05, margin 0.03.</summary>
    [Fact]
    public void Proportions_Day45_SequenceAndPValuesMatchReference()
    {
        var (d, se) = Shares(171, 900, 120, 899);
        var rho2 = ConfidenceSequence.Rho2(2400, 0.05, true);
        var rho2One = ConfidenceSequence.Rho2(2400, 0.05, false);

        Close(-0.05651835372636263, d);
        Close(0.05268551966005472, ConfidenceSequence.HalfWidth(se, 1799, rho2, 0.05));
        Close(0.027498567715733023, ConfidenceSequence.PValue(d, se, 1799, rho2));
        Close(0.048319832990878456, ConfidenceSequence.OneSidedHalfWidth(se, 1799, rho2One, 0.05));
        Close(3.968554837073513e-05, ConfidenceSequence.OneSidedPValue(d, se, 1799, rho2One, 0.03, greater: false));
    }

    /// <summary>Case props_day45_alpha001_tstar1200: the product's setting (alpha 0.05 / 5, t* = half the planned cases).</summary>
    [Fact]
    public void Proportions_ProductSetting_SequenceAndPValuesMatchReference()
    {
        var (d, se) = Shares(171, 900, 120, 899);
        var rho2 = ConfidenceSequence.Rho2(1200, 0.01, true);
        var rho2One = ConfidenceSequence.Rho2(1200, 0.01, false);
        var half = ConfidenceSequence.HalfWidth(se, 1799, rho2, 0.01);

        Close(0.0619748209692254, half);
        Close(-0.11849317469558804, d - half);
        Close(0.005456467242862771, d + half);
        Close(0.027727407960367243, ConfidenceSequence.PValue(d, se, 1799, rho2));
        Close(0.05822560075791208, ConfidenceSequence.OneSidedHalfWidth(se, 1799, rho2One, 0.01));
        Close(1.6436078344466832e-05, ConfidenceSequence.OneSidedPValue(d, se, 1799, rho2One, 0.03, greater: false));
    }

    /// <summary>Case growthbook_abs: gbstats' test inputs, absolute difference, t* = 1000, margin 0.1, higher is better.</summary>
    [Fact]
    public void GrowthBookInputs_Absolute_MatchReference()
    {
        var (d, se) = Means(3000, 1396.87, 52377.9767, 3461, 2422.7, 134698.29);
        var rho2 = ConfidenceSequence.Rho2(1000, 0.05, true);
        var rho2One = ConfidenceSequence.Rho2(1000, 0.05, false);

        Close(0.23437666666666668, d);
        Close(0.4134658457606163, ConfidenceSequence.HalfWidth(se, 6461, rho2, 0.05));
        Assert.Equal(1.0, ConfidenceSequence.PValue(d, se, 6461, rho2));
        Close(0.3801984859585554, ConfidenceSequence.OneSidedHalfWidth(se, 6461, rho2One, 0.05));
        Close(0.13226690300241403, ConfidenceSequence.OneSidedPValue(d, se, 6461, rho2One, -0.1, greater: true));
    }

    /// <summary>
    /// gbstats' own expectations (SequentialTwoSidedTTest, relative difference, sequential_tuning_parameter 1000, and the
    /// proportions test at the default 5000): CI (−0.55844, 1.56516), SE 0.33341, p 1; CI (0.40098, 0.60675), p 0 at 5 dp.
    /// The relative estimate and its delta-method variance are gbstats'.
    /// </summary>
    [Fact]
    public void GrowthBookPublishedExpectations_Relative_MatchAtFiveDecimals()
    {
        var (mA, vA) = FromSums(3000, 1396.87, 52377.9767);
        var (mB, vB) = FromSums(3461, 2422.7, 134698.29);
        var estimate = (mB - mA) / Math.Abs(mA);
        var se = Math.Sqrt((vB / 3461 / (mA * mA)) + (vA / 3000 * mB * mB / Math.Pow(mA, 4)));
        var half = ConfidenceSequence.HalfWidth(se, 6461, ConfidenceSequence.Rho2(1000, 0.05, true), 0.05);

        Assert.Equal(0.33341, se, 5);
        Assert.Equal(-0.55844, estimate - half, 5);
        Assert.Equal(1.56516, estimate + half, 5);
        Assert.Equal(1.0, ConfidenceSequence.PValue(estimate, se, 6461, ConfidenceSequence.Rho2(1000, 0.05, true)));

        var (pA, pB) = (1396.0 / 3000, 2422.0 / 3461);
        var rel = (pB - pA) / pA;
        var seRel = Math.Sqrt((pB * (1 - pB) / 3461 / (pA * pA)) + (pA * (1 - pA) / 3000 * pB * pB / Math.Pow(pA, 4)));
        var halfRel = ConfidenceSequence.HalfWidth(seRel, 6461, ConfidenceSequence.Rho2(5000, 0.05, true), 0.05);
        Assert.Equal(0.50386, rel, 5);
        Assert.Equal(0.40098, rel - halfRel, 5);
        Assert.Equal(0.60675, rel + halfRel, 5);
        Assert.Equal(0.0, ConfidenceSequence.PValue(rel, seRel, 6461, ConfidenceSequence.Rho2(5000, 0.05, true)), 5);
    }

    /// <summary>The one-sided closed form against gbstats-style bisection (reference_values.json, one_sided_closed_form_vs_bisection).</summary>
    [Theory]
    [InlineData(1.0, 0.4089968184624927)]
    [InlineData(1.2, 0.2016674769229977)]
    [InlineData(1.5, 0.06503862418853701)]
    public void OneSidedPValue_ClosedForm_MatchesBisection(double estimate, double bisection)
    {
        // The bisection's inputs (reference_values.py): case means_day30's sigma2 = t·SE² = 363.43748057113953, t = 1197,
        // rho2 one-sided at t* = 2400, alpha 0.05; the closed form there agrees with the bisection to about 1e-16.
        var se = Math.Sqrt(363.43748057113953 / 1197);
        var p = ConfidenceSequence.OneSidedPValue(estimate, se, 1197, ConfidenceSequence.Rho2(2400, 0.05, false), 0, greater: true);

        Assert.Equal(bisection, p, 1e-9);
    }

    /// <summary>Duality: the p-value at the sequence's edge is alpha; inside it above, outside below.</summary>
    [Theory]
    [InlineData(0.05, 500)]
    [InlineData(0.01, 3000)]
    public void PValue_AtTheSequencesEdge_IsAlpha(double alpha, long t)
    {
        var rho2 = ConfidenceSequence.Rho2(1000, alpha, true);
        var half = ConfidenceSequence.HalfWidth(0.2, t, rho2, alpha);

        Assert.Equal(alpha, ConfidenceSequence.PValue(half, 0.2, t, rho2), 1e-12);
        Assert.True(ConfidenceSequence.PValue(half * 0.99, 0.2, t, rho2) > alpha);
        Assert.True(ConfidenceSequence.PValue(half * 1.01, 0.2, t, rho2) < alpha);
        var oneSided = ConfidenceSequence.OneSidedHalfWidth(0.2, t, ConfidenceSequence.Rho2(1000, alpha, false), alpha);
        Assert.Equal(alpha, ConfidenceSequence.OneSidedPValue(oneSided, 0.2, t, ConfidenceSequence.Rho2(1000, alpha, false), 0, true), 1e-12);
    }
}
