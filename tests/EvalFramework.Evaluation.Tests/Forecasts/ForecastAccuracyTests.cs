using EvalFramework.Evaluation.Forecasts;
using static EvalFramework.Evaluation.Tests.Forecasts.ForecastVectors;

namespace EvalFramework.Evaluation.Tests.Forecasts;

/// <summary>MAE, bias, MAPE, MASE, coverage and Winkler score against vectors A and C of the research memo (R <c>accuracy()</c>).</summary>
public sealed class ForecastAccuracyTests
{
    [Fact]
    public void VectorA_PointAccuracy_MatchesReference()
    {
        var ai = ForecastAccuracy.Score(AActual, AAi);
        var planner = ForecastAccuracy.Score(AActual, APlanner);

        Assert.Equal(20, ai.Count);
        Near(1.55, ai.MeanAbsoluteError);
        Near(2.4, planner.MeanAbsoluteError);
        Near(-0.05, ai.Bias);
        Near(-0.8, planner.Bias);
        Near(7.11276092316273, ai.MeanAbsolutePercentageError);
        Near(11.2800754936473, planner.MeanAbsolutePercentageError);
        Assert.Null(ai.MapeNullReason);
    }

    [Fact]
    public void VectorA_ShortHistory_MaseFallsBackToLagOne()
    {
        var scale = ForecastAccuracy.Scale(Nullable(AHistory), 52);

        Assert.Equal(1, scale.SeasonalPeriod);
        Assert.Equal(11, scale.Pairs);
        Near(2.54545454545455, scale.Scale);
        Near(0.608928571428571, scale.Mase(1.55));
        Near(0.942857142857143, scale.Mase(2.4));
    }

    [Fact]
    public void VectorA_EightyPercentIntervals_CoverageAndWinkler()
    {
        var result = ForecastAccuracy.ScoreIntervals(AActual, Plus(AAi, -1), Plus(AAi, 2), 0.80);

        Assert.Equal(15, result.Inside);
        Assert.Equal(20, result.Count);
        Near(0.75, result.Coverage);
        Near(5.5, result.MeanWinklerScore);
    }

    [Fact]
    public void VectorC_MonthlyWithThirtyMonths_MatchesRAccuracy()
    {
        var ai = ForecastAccuracy.Score(CActual, CAi);
        var baseline = ForecastAccuracy.Score(CActual, CBaseline);
        var scale = ForecastAccuracy.Scale(Nullable(CHistory), 12);

        Near(1.25, ai.MeanAbsoluteError);
        Near(2.16666666666667, baseline.MeanAbsoluteError);
        Near(0.25, ai.Bias);
        Near(2.16666666666667, baseline.Bias);
        Near(2.06946382467192, ai.MeanAbsolutePercentageError);
        Near(3.64088997040828, baseline.MeanAbsolutePercentageError);
        Assert.Equal(12, scale.SeasonalPeriod);
        Assert.Equal(18, scale.Pairs);
        Near(2.38888888888889, scale.Scale);
        Near(0.523255813953488, scale.Mase(ai.MeanAbsoluteError));
        Near(0.906976744186046, scale.Mase(baseline.MeanAbsoluteError));
    }

    [Fact]
    public void VectorC_NinetyFivePercentIntervals_CoverageAndWinkler()
    {
        // α = 1 − 0.95 is 0.050000000000000044 in doubles: compare with a relative tolerance.
        var result = ForecastAccuracy.ScoreIntervals(CActual, Plus(CAi, -1), Plus(CAi, 1.5), 0.95);

        Assert.Equal(9, result.Inside);
        Near(0.75, result.Coverage);
        Near(9.16666666666666, result.MeanWinklerScore);
    }

    [Fact]
    public void Score_ZeroActual_MapeNullWithReason()
    {
        var result = ForecastAccuracy.Score([3, 0, 2], [2, 1, 2]);

        Assert.Null(result.MeanAbsolutePercentageError);
        Assert.Equal(ForecastAccuracy.ActualZero, result.MapeNullReason);
        Near(2.0 / 3, result.MeanAbsoluteError);
    }

    [Fact]
    public void Scale_ConstantHistory_NullZeroScale()
    {
        var scale = ForecastAccuracy.Scale([5, 5, 5, 5], 12);

        Assert.Null(scale.Scale);
        Assert.Equal(ForecastAccuracy.ZeroScale, scale.NullReason);
        Assert.Null(scale.Mase(1));
    }

    [Fact]
    public void Scale_OneValue_NullInsufficientHistory()
    {
        var scale = ForecastAccuracy.Scale([5, null], 52);

        Assert.Null(scale.Scale);
        Assert.Equal(ForecastAccuracy.InsufficientHistory, scale.NullReason);
    }

    [Fact]
    public void Scale_MissingActual_DropsItsPairs()
    {
        // Lag 1 (three values < 13): pairs (1,3) and (3,?) and (?,7) lose the missing one; only |3 − 1| = 2 and none else.
        var scale = ForecastAccuracy.Scale([1, 3, null, 7], 12);

        Assert.Equal(1, scale.SeasonalPeriod);
        Assert.Equal(1, scale.Pairs);
        Near(2, scale.Scale);
    }

    [Fact]
    public void ScoreIntervals_BoundsAreInside()
    {
        var result = ForecastAccuracy.ScoreIntervals([1, 3, 0, 4], [1, 1, 1, 1], [3, 3, 3, 3], 0.5);

        Assert.Equal(2, result.Inside);
        // Widths 2 each; penalties (2/0.5)·1 below and (2/0.5)·1 above.
        Near((8 + 4 + 4) / 4.0, result.MeanWinklerScore);
    }
}
