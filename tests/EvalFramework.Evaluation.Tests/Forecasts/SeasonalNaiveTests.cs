using EvalFramework.Evaluation.Forecasts;

namespace EvalFramework.Evaluation.Tests.Forecasts;

/// <summary>The seasonal-naive baseline: 52 weeks or 12 months back with a year of history, else the naive y(p − h).</summary>
public sealed class SeasonalNaiveTests
{
    private static Dictionary<PeriodKey, double> Weekly(string first, int count)
    {
        var start = PeriodKey.Parse(first);
        return Enumerable.Range(0, count).ToDictionary(i => start.Offset(i), i => (double)i);
    }

    [Fact]
    public void Week53_RepeatsWeekOneOfTheSameIsoYear()
    {
        var actuals = Weekly("2025-W40", 70);
        var source = SeasonalNaive.SourceOf(PeriodKey.Parse("2026-W53"), 1, seasonal: true);

        Assert.Equal("2026-W01", source.ToString());
        var forecast = SeasonalNaive.Forecast(actuals, PeriodKey.Parse("2026-W53"), 1, seasonal: true)!;
        Assert.Equal(actuals[PeriodKey.Parse("2026-W01")], forecast.Value);
    }

    [Fact]
    public void YearAfterWeek53Year_WeekNumbersShiftByOne() =>
        Assert.Equal("2026-W11", SeasonalNaive.SourceOf(PeriodKey.Parse("2027-W10"), 1, seasonal: true).ToString());

    [Fact]
    public void Monthly_TwelveMonthsEarlier_MatchesVectorCBaseline()
    {
        var start = PeriodKey.Parse("2023-07");
        var history = ForecastVectors.CHistory.Concat(ForecastVectors.CActual).ToArray();
        var actuals = Enumerable.Range(0, history.Length).ToDictionary(i => start.Offset(i), i => history[i]);
        var firstScored = start.Offset(ForecastVectors.CHistory.Length);

        Assert.Equal(SeasonalNaive.SeasonalMethod, SeasonalNaive.MethodFor(actuals, firstScored));
        var baseline = Enumerable.Range(0, 12).Select(i => SeasonalNaive.Forecast(actuals, firstScored.Offset(i), 1, seasonal: true)!.Value);
        Assert.Equal(ForecastVectors.CBaseline, baseline);
        Assert.Equal("2025-01", SeasonalNaive.SourceOf(PeriodKey.Parse("2026-01"), 3, seasonal: true).ToString());
    }

    [Fact]
    public void WithoutAYearOfHistory_NaiveLastKnownPeriod()
    {
        var actuals = Weekly("2026-W01", 30);
        var firstScored = PeriodKey.Parse("2026-W20");

        Assert.False(SeasonalNaive.HasYearOfHistory(actuals, firstScored));
        Assert.Equal(SeasonalNaive.NaiveMethod, SeasonalNaive.MethodFor(actuals, firstScored));
        Assert.Equal("2026-W24", SeasonalNaive.SourceOf(PeriodKey.Parse("2026-W25"), 1, seasonal: false).ToString());
        Assert.Equal("2026-W21", SeasonalNaive.SourceOf(PeriodKey.Parse("2026-W25"), 4, seasonal: false).ToString());
    }

    [Fact]
    public void YearOfHistory_NeedsFiftyThreeWeeks()
    {
        var firstScored = PeriodKey.Parse("2026-W10");

        Assert.False(SeasonalNaive.HasYearOfHistory(Weekly("2025-W10", 52), firstScored));
        Assert.True(SeasonalNaive.HasYearOfHistory(Weekly("2025-W09", 53), firstScored));
    }

    [Fact]
    public void HorizonBeyondASeason_FallsBackToNaive() =>
        Assert.Equal("2025-01", SeasonalNaive.SourceOf(PeriodKey.Parse("2026-02"), 13, seasonal: true).ToString());

    [Fact]
    public void MissingSourceActual_NoForecast() =>
        Assert.Null(SeasonalNaive.Forecast(new Dictionary<PeriodKey, double>(), PeriodKey.Parse("2026-W10"), 1, seasonal: true));
}
