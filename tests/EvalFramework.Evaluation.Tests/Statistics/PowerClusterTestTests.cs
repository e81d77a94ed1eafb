using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Tests.Statistics;

/// <summary>
/// The power simulation's cluster-robust test against the research reference values (cr2.py, reference_values.json,
/// datasets D1 and D2: CR2 + Bell–McCaffrey df, which reproduces clubSandwich's published examples).
/// </summary>
public sealed class PowerClusterTestTests
{
    private static List<(double Count, double Mean)> Clusters(params double[][] clusters) => [.. clusters.Select(c => ((double)c.Length, c.Average()))];

    [Fact]
    public void Compare_D1Continuous_MatchesReference()
    {
        var baseline = Clusters([4.2, 5.1, 3.9], [6.0, 5.5, 4.8, 5.9, 6.3], [3.1, 4.4, 2.7, 3.8]);
        var treatment = Clusters([7.2, 6.1], [5.0, 6.6, 7.4, 5.8, 6.9, 6.2], [4.9, 5.7, 6.4], [8.1, 7.0, 6.8, 7.7]);

        var result = PowerClusterTest.Compare(baseline, treatment)!.Value;

        Assert.Equal(1.8783333333333339, result.Difference, 1e-12);
        Assert.Equal(0.8236071696150236, result.StandardError, 1e-12);
        Assert.Equal(4.17563043963401, result.DegreesOfFreedom, 1e-10);
        Assert.Equal(0.08193475418954153, result.PValue, 1e-9);
    }

    [Fact]
    public void Compare_D2Binary_MatchesReference()
    {
        // D2: (cases, ones) per handler; arm 0 H1–H4, arm 1 H5–H8.
        List<(double, double)> Of(params (int N, int Ones)[] h) => [.. h.Select(x => ((double)x.N, (double)x.Ones / x.N))];
        var baseline = Of((5, 2), (8, 2), (6, 3), (7, 1));
        var treatment = Of((4, 3), (9, 6), (6, 3), (5, 4));

        var result = PowerClusterTest.Compare(baseline, treatment)!.Value;

        Assert.Equal(0.35897435897435903, result.Difference, 1e-12);
        Assert.Equal(0.09808993761601852, result.StandardError, 1e-12);
        Assert.Equal(5.570380119388741, result.DegreesOfFreedom, 1e-10);
        Assert.Equal(0.01206624046722324, result.PValue, 1e-9);
    }

    [Fact]
    public void Compare_OneClusterInAnArm_Null() =>
        Assert.Null(PowerClusterTest.Compare(Clusters([1.0, 2.0]), Clusters([1.0], [2.0])));
}
