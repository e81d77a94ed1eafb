using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Tests.Statistics;

/// <summary>
/// The adjusted Wald NPS intervals (Rocks 2016) against values computed independently with Python and SciPy:
/// m = n + 3, p̃₊ = (P + 0.75)/m, p̃₋ = (D + 0.75)/m, V = p̃₊ + p̃₋ − (p̃₊ − p̃₋)², z = scipy.stats.norm.ppf(0.975);
/// one score: 100·clip(p̃₊ − p̃₋ ± z·√(V/m), −1, 1); a difference: (p̃₊ − p̃₋)₁ − (p̃₊ − p̃₋)₀ ± z·√(V₁/m₁ + V₀/m₀),
/// p = 2·norm.sf(|d̃|/SE).
/// </summary>
public sealed class NetPromoterScoreTests
{
    [Theory]
    [InlineData(12, 5, 30, 23.333333333333332, -3.287087724213969, 45.71133014845638)]
    [InlineData(6, 0, 6, 100.0, 25.924923774637882, 100)]
    [InlineData(0, 0, 10, 0.0, -18.465044909058882, 18.465044909058882)]
    [InlineData(40, 25, 100, 15.0, -0.6973947134123193, 29.823608305645326)]
    [InlineData(200, 20, 250, 72.0, 63.65788958117001, 78.63460053740707)]
    public void Of_Counts_MatchesScipyAdjustedWald(int promoters, int detractors, int n, double value, double low, double high)
    {
        var ci = NetPromoterScore.Of(promoters, detractors, n, 0.95)!.Value;

        Assert.Equal(value, NetPromoterScore.Value(promoters, detractors, n), 9);
        Assert.Equal(low, ci.Low, 9);
        Assert.Equal(high, ci.High, 9);
    }

    [Fact]
    public void Of_EveryAnswerPassive_IntervalHasWidth()
    {
        var ci = NetPromoterScore.Of(0, 0, 10, 0.95)!.Value;

        Assert.True(ci.High - ci.Low > 30);
    }

    [Fact]
    public void Of_NoAnswers_Null() => Assert.Null(NetPromoterScore.Of(0, 0, 0, 0.95));

    [Theory]
    [InlineData(12, 5, 30, 20, 3, 35, 25.238095238095237, -8.873739569420685, 55.92318135570458, 0.1546950319962768, 16.530130511640802)]
    [InlineData(40, 25, 100, 45, 30, 120, -2.4999999999999996, -22.922352937425003, 18.186383247631017, 0.8213574048087957, 10.487115199390521)]
    [InlineData(6, 0, 6, 0, 6, 6, -200.0, -190.95085868595808, -75.71580798070858, 5.7447119191568595e-06, 29.397236789606563)]
    public void Compare_TwoArms_MatchesScipyAdjustedWald(int bP, int bD, int bN, int tP, int tD, int tN, double difference,
        double low, double high, double p, double se)
    {
        var result = NetPromoterScore.Compare(bP, bD, bN, tP, tD, tN, 0.95);

        Assert.Equal(difference, result.Difference, 9);
        Assert.Equal(low, result.Interval!.Value.Low, 9);
        Assert.Equal(high, result.Interval!.Value.High, 9);
        Assert.Equal(p, result.PValue!.Value, 9);
        Assert.Equal(se, result.StandardError, 9);
    }

    [Fact]
    public void Compare_AnArmWithoutAnswers_NoInterval()
    {
        var result = NetPromoterScore.Compare(0, 0, 0, 5, 1, 10, 0.95);

        Assert.Null(result.Interval);
        Assert.Null(result.PValue);
    }
}
