using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Tests.Statistics;

/// <summary>
/// The CR2 / Bell–McCaffrey comparison (<see cref="ClusterRobustTest"/>) and the ANOVA ICC (<see cref="Icc"/>) against
/// reference values computed in Python (numpy, scipy) by three independent code paths that agree to 1e-14: the
/// case-level matrix algorithm of clubSandwich (CR2 with A_j = (I − H_jj)^−½ by eigen-decomposition, Satterthwaite df
/// from the J × J matrix of p_i'p_j), the cluster-level shortcut and the closed form for units nested in arms. The
/// matrix path reproduces clubSandwich's published examples (Pustejovsky &amp; Tipton 2018, MLDA: t² = 9.116,
/// df = 24.58). Values are Python's repr of the doubles (round-trippable).
/// </summary>
public sealed class ClusterRobustTests
{
    private const double Relative = 1e-12;

    /// <summary>D1: a continuous outcome, 3 teams in the baseline arm and 4 in the treatment arm, 3 to 6 cases each.</summary>
    private static readonly (double Y, string Unit, int Arm)[] D1 = Data(
        [4.2, 5.1, 3.9, 6.0, 5.5, 4.8, 5.9, 6.3, 3.1, 4.4, 2.7, 3.8, 7.2, 6.1, 5.0, 6.6, 7.4, 5.8, 6.9, 6.2, 4.9, 5.7, 6.4, 8.1, 7.0, 6.8, 7.7],
        "T1 T1 T1 T2 T2 T2 T2 T2 T3 T3 T3 T3 T4 T4 T5 T5 T5 T5 T5 T5 T6 T6 T6 T7 T7 T7 T7",
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);

    /// <summary>D2: a 0/1 outcome (a share), 4 handlers per arm.</summary>
    private static readonly (double Y, string Unit, int Arm)[] D2 = Data(
        [0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0,
            1, 1, 1, 0, 1],
        "H1 H1 H1 H1 H1 H2 H2 H2 H2 H2 H2 H2 H2 H3 H3 H3 H3 H3 H3 H4 H4 H4 H4 H4 H4 H4 H5 H5 H5 H5 H6 H6 H6 H6 H6 H6 H6 H6 H6 H7 H7 H7 H7 H7 H7 H8 H8 H8 H8 H8",
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1]);

    /// <summary>D3: a switchback, 8 weeks alternating between the arms (the model without a block effect).</summary>
    private static readonly (double Y, string Unit, int Arm)[] D3 = Data(
        [11.4, 10.6, 9.8, 9.0, 8.4, 10.3, 9.5, 10.5, 11.2, 11.3, 9.1, 12.3, 8.6, 12.5, 11.2, 10.1, 11.9, 10.6, 10.3, 9.7, 10.7, 10.7, 8.7, 9.0,
            9.9, 9.4, 8.3, 12.6, 8.4, 8.5, 10.4, 12.3, 13.5, 11.5, 11.3, 11.9, 9.9, 10.4, 9.2, 10.7, 10.7, 7.6, 9.9, 10.2, 10.6, 9.2, 8.7, 9.0],
        "W1 W1 W1 W1 W1 W1 W1 W2 W2 W2 W2 W2 W3 W3 W3 W3 W3 W3 W4 W4 W4 W4 W4 W4 W4 W4 W5 W5 W5 W5 W6 W6 W6 W6 W6 W6 W7 W7 W7 W7 W7 W8 W8 W8 W8 W8 W8 W8",
        [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);

    public static TheoryData<string, double, double, double, double, double, double, double> References => new()
    {
        // name, difference, V_CR2, BM df, 95 % low, 95 % high, p (two-sided), baseline mean
        { "D1", 1.8783333333333339, 0.6783287698412702, 4.17563043963401, -0.3709299931402863, 4.1275966598069544, 0.08193475418954153, 4.6416666666666675 },
        { "D2", 0.35897435897435903, 0.009621635861514405, 5.570380119388741, 0.1143974561421641, 0.6035512618065539, 0.01206624046722324, 0.3076923076923077 },
        { "D3", 1.328321678321677, 0.13813007283021805, 5.762110834702564, 0.4097269020208554, 2.2469164546224984, 0.012558213176777378, double.NaN },
    };

    [Theory]
    [MemberData(nameof(References))]
    public void Compare_ReferenceDataset_MatchesPythonToTwelveDigits(string name, double difference, double variance, double df, double low,
        double high, double p, double baselineMean)
    {
        var (baseline, treatment) = Units(name switch { "D1" => D1, "D2" => D2, _ => D3 });

        var estimate = ClusterRobustTest.Estimate(baseline, treatment)!.Value;
        var result = ClusterRobustTest.Compare(baseline, treatment, 0.95);

        Close(difference, estimate.Difference);
        Close(variance, estimate.Variance);
        Close(Math.Sqrt(variance), result.StandardError);
        Close(df, estimate.DegreesOfFreedom);
        Close(df, result.DegreesOfFreedom!.Value);
        Close(difference, result.Difference);
        // The CI's ends go through MathNet's t quantile at a fractional df, which it finds by root-finding: about 1e-9
        // relative (D3's lower end is 1.3e-9 off scipy's), so 1e-8 here; V, SE and df above are exact to 1e-12.
        Assert.Equal(low, result.Interval!.Value.Low, 1e-8);
        Assert.Equal(high, result.Interval!.Value.High, 1e-8);
        Assert.Equal(p, result.PValue!.Value, 1e-9);
        if (!double.IsNaN(baselineMean))
        {
            Close(baselineMean, estimate.BaselineMean);
        }
    }

    /// <summary>
    /// One arm's mean with its units as clusters: Python's cr2_general with the design y ~ 1 on each arm of D1
    /// (V = 0.5554546957671959, df = 1.9090909090909087 for the 3 manual teams), the interval with scipy's t quantile.
    /// </summary>
    [Theory]
    [InlineData(0, 1.2840796660106748, 7.999253667322659)]
    [InlineData(1, 5.2804414799540105, 7.759558520045989)]
    public void MeanInterval_EachArmOfD1_MatchesPython(int arm, double low, double high)
    {
        var (baseline, treatment) = Units(D1);

        var ci = ClusterRobustTest.MeanInterval(arm == 0 ? baseline : treatment, 0.95)!.Value;

        Assert.Equal(low, ci.Low, 1e-8);
        Assert.Equal(high, ci.High, 1e-8);
    }

    /// <summary>ICC (one-way ANOVA, unit means centred within arms): Python's icc_anova on D1 and D2.</summary>
    [Theory]
    [InlineData("D1", 0.5957819864841841)]
    [InlineData("D2", -0.08325521698083581)]
    public void Icc_ReferenceDataset_MatchesPython(string name, double icc)
    {
        var (baseline, treatment) = Units(name == "D1" ? D1 : D2);

        Close(icc, Icc.Anova([baseline, treatment])!.Value);
    }

    /// <summary>
    /// With equal units in each arm (m teams of n), V_CR2 is the squared Welch standard error of the team means, and
    /// ν = (1/N₀ + 1/N₁)² / (N₀⁻²/(m₀ − 1) + N₁⁻²/(m₁ − 1)), 2(m − 1) when both arms have m teams of n (memo §1.3).
    /// </summary>
    [Fact]
    public void Estimate_BalancedUnits_IsWelchOnUnitMeansWithPooledDf()
    {
        Moments[] baseline = [Unit(10, 3.0, 1.5), Unit(10, 4.0, 2), Unit(10, 3.5, 1), Unit(10, 5.0, 3), Unit(10, 2.5, 2)];
        Moments[] treatment = [Unit(10, 5.0, 1), Unit(10, 4.5, 2), Unit(10, 6.0, 4), Unit(10, 5.5, 1), Unit(10, 7.0, 2)];
        var b = Means(baseline);
        var t = Means(treatment);

        var estimate = ClusterRobustTest.Estimate(baseline, treatment)!.Value;

        Close((b.Variance / b.Count) + (t.Variance / t.Count), estimate.Variance);
        Close(8, estimate.DegreesOfFreedom);
        Close(t.Mean - b.Mean, estimate.Difference);
    }

    [Fact]
    public void Compare_OneUnitInAnArm_NoIntervalButTheDifference()
    {
        Moments[] baseline = [Unit(5, 2, 1)];
        Moments[] treatment = [Unit(5, 3, 1), Unit(15, 4, 1)];

        var result = ClusterRobustTest.Compare(baseline, treatment, 0.95);

        Assert.Null(ClusterRobustTest.Estimate(baseline, treatment));
        Assert.Null(result.Interval);
        Assert.Null(result.PValue);
        Assert.Equal(3.75 - 2, result.Difference, 1e-12);
    }

    [Fact]
    public void Compare_NoSpreadBetweenUnits_NoInterval()
    {
        Moments[] baseline = [Unit(5, 0, 0), Unit(8, 0, 0)];
        Moments[] treatment = [Unit(5, 0, 0), Unit(9, 0, 0), Unit(0, 0, 0)];

        var result = ClusterRobustTest.Compare(baseline, treatment, 0.95);

        Assert.Equal(0, result.Difference);
        Assert.Null(result.Interval);
        Assert.Null(result.PValue);
    }

    /// <summary>A unit without a value does not count: the same estimate as without it.</summary>
    [Fact]
    public void Estimate_EmptyUnit_LeftOut()
    {
        var (baseline, treatment) = Units(D1);

        var with = ClusterRobustTest.Estimate([.. baseline, default], treatment)!.Value;

        Assert.Equal(ClusterRobustTest.Estimate(baseline, treatment)!.Value, with);
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= Relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    private static Moments Unit(long n, double mean, double variance) =>
        new() { Count = n, Mean = mean, M2 = variance * (n - 1) };

    private static Moments Means(IEnumerable<Moments> units)
    {
        var m = default(Moments);
        foreach (var unit in units)
        {
            m.Add(unit.Mean);
        }

        return m;
    }

    private static (double Y, string Unit, int Arm)[] Data(double[] y, string units, int[] arms) =>
        [.. units.Split(' ').Select((unit, i) => (y[i], unit, arms[i]))];

    /// <summary>Each arm's units (in order of first appearance), their values added one at a time.</summary>
    private static (List<Moments> Baseline, List<Moments> Treatment) Units((double Y, string Unit, int Arm)[] data)
    {
        var byUnit = new Dictionary<string, (int Arm, Moments Moments)>();
        var order = new List<string>();
        foreach (var (y, unit, arm) in data)
        {
            if (!byUnit.TryGetValue(unit, out var entry))
            {
                order.Add(unit);
                entry = (arm, default);
            }

            entry.Moments.Add(y);
            byUnit[unit] = entry;
        }

        return ([.. order.Where(u => byUnit[u].Arm == 0).Select(u => byUnit[u].Moments)],
            [.. order.Where(u => byUnit[u].Arm == 1).Select(u => byUnit[u].Moments)]);
    }
}
