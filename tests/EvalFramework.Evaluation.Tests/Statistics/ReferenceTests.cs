using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Tests.Statistics;

/// <summary>The interval methods against independently published answers.</summary>
public sealed class ReferenceTests
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

    /// <summary>
    /// Welch's t-test, example 1 of the Wikipedia article "Welch's t-test" (section Examples: two samples of 15;
    /// published for Welch's test: t = −2.46, ν = 24.99, p = 0.021).
    /// </summary>
    [Fact]
    public void WelchTest_WikipediaExample1_MatchesPublishedTDfAndP()
    {
        var a1 = Of(27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4);
        var a2 = Of(27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4);

        var t = WelchTest.Statistic(a2, a1);
        var df = WelchTest.DegreesOfFreedom(a2, a1);
        var result = WelchTest.Compare(a2, a1, 0.95);

        Assert.Equal(-2.46, t, 2);
        Assert.Equal(24.99, df, 2);
        Assert.Equal(0.021, result.PValue!.Value, 3);
        Assert.True(result.Interval!.Value.High < 0);
    }

    /// <summary>
    /// Wilson score intervals of Newcombe (1998a), "Two-sided confidence intervals for the single proportion:
    /// comparison of seven methods", Statistics in Medicine 17:857–872, Table I, method 3 (score without
    /// continuity correction).
    /// </summary>
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_Newcombe1998TableI_MatchesPublishedLimits(int x, int n, double low, double high)
    {
        var ci = Proportions.Wilson(x, n, 0.95)!.Value;

        Assert.Equal(low, ci.Low, 4);
        Assert.Equal(high, ci.High, 4);
    }

    [Theory]
    [InlineData(0, 211)]
    [InlineData(0, 7)]
    [InlineData(13, 13)]
    public void Wilson_NoSuccessesOrNoFailures_EndIsExactlyZeroOrOne(int x, int n)
    {
        var ci = Proportions.Wilson(x, n, 0.95)!.Value;

        Assert.True(x > 0 || ci.Low == 0, ci.Low.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(x < n || ci.High == 1, ci.High.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Newcombe's hybrid score interval for a difference of proportions: Newcombe (1998b), "Interval estimation
    /// for the difference between independent proportions: comparison of eleven methods", Statistics in Medicine
    /// 17:873–890, Table II, method 10, examples (a) 56/70 − 48/80, (b) 9/10 − 3/10 and (h) 10/10 − 0/10.
    /// </summary>
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(10, 10, 0, 10, 0.6075, 1.0000)]
    public void NewcombeDifference_Newcombe1998TableII_MatchesPublishedLimits(int x1, int n1, int x2, int n2, double low, double high)
    {
        var ci = Proportions.NewcombeDifference(x1, n1, x2, n2, 0.95)!.Value;

        Assert.Equal(low, ci.Low, 4);
        Assert.Equal(high, ci.High, 4);
    }

    /// <summary>
    /// Ranks of the distribution-free 95 % interval of a median: Campbell and Gardner (1988), "Calculating
    /// confidence intervals for some non-parametric analyses", BMJ 296:1454–1456, Table (n = 10: 2nd and 9th,
    /// n = 20: 6th and 15th, n = 50: 18th and 33rd observations).
    /// </summary>
    [Theory]
    [InlineData(10, 2, 9)]
    [InlineData(20, 6, 15)]
    [InlineData(50, 18, 33)]
    public void OrderStatisticRanks_CampbellGardner1988_MatchesPublishedRanks(int n, int lower, int upper)
    {
        var ranks = OrderStatistics.Ranks(n, 0.5, 0.95);

        Assert.Equal((lower, upper), ranks);
    }

    [Fact]
    public void OrderStatisticRanks_TooFewValues_IsNull()
    {
        Assert.Null(OrderStatistics.Ranks(5, 0.5, 0.95));
    }

    /// <summary>Holm (1979): p = 0.01, 0.04, 0.03, 0.005 → sorted 0.005·4, 0.01·3, 0.03·2, 0.04·1 with running maximum.</summary>
    [Fact]
    public void Holm_FourPValues_StepDownWithRunningMaximum()
    {
        var adjusted = Holm.Adjust([0.01, 0.04, 0.03, 0.005, null]);

        Assert.Equal(0.03, adjusted[0]!.Value, 12);
        Assert.Equal(0.06, adjusted[1]!.Value, 12);
        Assert.Equal(0.06, adjusted[2]!.Value, 12);
        Assert.Equal(0.02, adjusted[3]!.Value, 12);
        Assert.Null(adjusted[4]);
    }

    [Fact]
    public void SampleRatioTest_FiftyFiftyWith600And400_IsChiSquare40()
    {
        // (600 − 500)²/500 + (400 − 500)²/500 = 40; 1 df; p ≈ 2.5e-10.
        var test = SampleRatioTest.Test([600, 400], [0.5, 0.5])!.Value;

        Assert.Equal(40, test.ChiSquare, 10);
        Assert.True(test.PValue < 1e-9);
    }

    [Fact]
    public void RankedSample_BandsOfLargeSample_MatchFullSort()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble()).ToArray();
        var sorted = values.Order().ToArray();

        var sample = new RankedSample((double[])values.Clone(), [(49_000, 51_000), (89_500, 90_500)]);

        Assert.Equal(sorted[49_999], sample.AtRank(50_000));
        Assert.Equal(sorted[89_999], sample.AtRank(90_000));
        Assert.Equal(sorted[10], sample.AtRank(11));
    }

    [Fact]
    public void MedianBootstrap_SameSeed_SameInterval()
    {
        static RankedSample Sample(int seed)
        {
            var random = new Random(seed);
            return new RankedSample([.. Enumerable.Range(0, 301).Select(_ => random.NextDouble() * 100)], []);
        }

        var first = MedianBootstrap.Compare(Sample(1), Sample(2), 0.95, seed: 42);
        var second = MedianBootstrap.Compare(Sample(1), Sample(2), 0.95, seed: 42);

        Assert.Equal(first, second);
        Assert.True(first.Interval!.Value.Low < first.Difference && first.Difference < first.Interval.Value.High);
    }
}
