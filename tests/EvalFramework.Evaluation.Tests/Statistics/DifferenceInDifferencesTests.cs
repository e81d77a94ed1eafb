using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Tests.Statistics;

/// <summary>
/// The four-cell difference in differences against values computed independently in Python (numpy, scipy.stats.t):
/// the estimate (tₐ − t_b) − (cₐ − c_b), SE = √Σ s²ᵢ/nᵢ, Satterthwaite df = (Σ s²ᵢ/nᵢ)² / Σ (s²ᵢ/nᵢ)²/(nᵢ − 1), the t interval
/// and two-sided p-value at that df.
/// </summary>
public sealed class DifferenceInDifferencesTests
{
    private static Moments Of(params double[] values)
    {
        var m = default(Moments);
        foreach (var v in values)
        {
            m.Add(v);
        }

        return m;
    }

    private static Moments Share(long x, long n) => Moments.FromIntegerSums(n, x, x);

    [Fact]
    public void Compare_FourSmallSamples_MatchesScipy()
    {
        var cb = Of(12.0, 15.5, 9.25, 14.0, 11.0, 13.5);
        var ca = Of(14.0, 16.5, 12.0, 15.0, 18.25);
        var tb = Of(10.0, 11.5, 13.0, 9.0, 12.5, 10.75, 11.0);
        var ta = Of(7.5, 9.0, 8.25, 6.0, 10.5, 7.0);

        var result = DifferenceInDifferences.Compare(cb, ca, tb, ta, 0.95);

        // Python: estimate, se, df, ci low, ci high, p = -5.673809523809526 1.6340715741047123 13.93131189730953
        // -9.180166326915028 -2.1674527207040226 0.003760641599156202
        Assert.Equal(-5.673809523809526, result.Difference, 1e-12);
        Assert.Equal(1.6340715741047123, result.StandardError, 1e-12);
        Assert.Equal(13.93131189730953, DifferenceInDifferences.DegreesOfFreedom(cb, ca, tb, ta), 1e-9);
        Assert.Equal(-9.180166326915028, result.Interval!.Value.Low, 1e-9);
        Assert.Equal(-2.1674527207040226, result.Interval!.Value.High, 1e-9);
        Assert.Equal(0.003760641599156202, result.PValue!.Value, 1e-10);
    }

    [Fact]
    public void Compare_SharesAsZeroOneMeans_MatchesScipyAt90Percent()
    {
        // Control 30/200 → 45/220, treated 28/210 → 20/190; each cell a sample of 0/1 values.
        var result = DifferenceInDifferences.Compare(Share(30, 200), Share(45, 220), Share(28, 210), Share(20, 190), 0.90);

        // Python: -0.08261562998405106 0.049344455664238736 805.5390783949516 -0.16387348561643322 -0.0013577743516689084 0.09446696450552006
        Assert.Equal(-0.08261562998405106, result.Difference, 1e-12);
        Assert.Equal(0.049344455664238736, result.StandardError, 1e-12);
        Assert.Equal(-0.16387348561643322, result.Interval!.Value.Low, 1e-9);
        Assert.Equal(-0.0013577743516689084, result.Interval!.Value.High, 1e-9);
        Assert.Equal(0.09446696450552006, result.PValue!.Value, 1e-9);
    }

    [Fact]
    public void Compare_ACellWithOneValue_EstimateWithoutInterval()
    {
        var result = DifferenceInDifferences.Compare(Of(1, 2), Of(3), Of(1, 2), Of(5, 6), 0.95);

        Assert.Equal(5.5 - 1.5 - (3 - 1.5), result.Difference, 1e-12);
        Assert.Null(result.Interval);
        Assert.Null(result.PValue);
    }
}
