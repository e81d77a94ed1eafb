using EvalFramework.Evaluation.Forecasts;

namespace EvalFramework.Evaluation.Tests.Forecasts;

/// <summary>Period keys: ISO weeks (including W53 years and year boundaries) and months.</summary>
public sealed class PeriodKeyTests
{
    [Theory]
    [InlineData("2026-W05", 2026, 5, "2026-01-26")]
    [InlineData("2026-W01", 2026, 1, "2025-12-29")]
    [InlineData("2026-W53", 2026, 53, "2026-12-28")]
    [InlineData("2020-W53", 2020, 53, "2020-12-28")]
    [InlineData("2027-W01", 2027, 1, "2027-01-04")]
    public void ParseWeek_RoundTripsWithItsMonday(string text, int year, int week, string monday)
    {
        var key = PeriodKey.Parse(text);

        Assert.Equal(PeriodGranularity.Week, key.Granularity);
        Assert.Equal(year, key.Year);
        Assert.Equal(week, key.Number);
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), key.FirstDay);
        Assert.Equal(text, key.ToString());
    }

    [Theory]
    [InlineData("2025-W53")]
    [InlineData("2026-W00")]
    [InlineData("2026-W5")]
    [InlineData("2026-w05")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-5")]
    [InlineData("0000-01")]
    [InlineData("2026-05-01")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Invalid_False(string? text) => Assert.False(PeriodKey.TryParse(text, out _));

    [Fact]
    public void ParseMonth_FormatsAndOffsets()
    {
        var key = PeriodKey.Parse("2026-05");

        Assert.Equal(PeriodGranularity.Month, key.Granularity);
        Assert.Equal((2026 * 12) + 4, key.Index);
        Assert.Equal("2026-05", key.ToString());
        Assert.Equal("2026-04", key.Previous().ToString());
        Assert.Equal("2025-05", key.Offset(-12).ToString());
        Assert.Equal("2027-01", key.Offset(8).ToString());
        Assert.Equal(new DateOnly(2026, 5, 1), key.FirstDay);
    }

    [Fact]
    public void WeekArithmetic_CrossesYearsAndWeek53()
    {
        Assert.Equal("2026-W53", PeriodKey.Parse("2027-W01").Previous().ToString());
        Assert.Equal("2025-W52", PeriodKey.Parse("2026-W01").Previous().ToString());
        Assert.Equal("2026-W01", PeriodKey.Parse("2026-W53").Offset(-52).ToString());
        Assert.Equal("2026-W11", PeriodKey.Parse("2027-W10").Offset(-52).ToString());
        Assert.Equal(53, PeriodKey.Parse("2027-W01") - PeriodKey.Parse("2026-W01"));
        Assert.True(PeriodKey.Parse("2026-W52") < PeriodKey.Parse("2026-W53"));
    }

    [Fact]
    public void Containing_TakesTheUtcDate()
    {
        // Sunday 2027-01-03 23:30 UTC is still in 2026-W53; 01:00 +02:00 on Monday is Sunday in UTC.
        Assert.Equal("2026-W53", PeriodKey.Containing(PeriodGranularity.Week, new DateTimeOffset(2027, 1, 3, 23, 30, 0, TimeSpan.Zero)).ToString());
        Assert.Equal("2026-W53", PeriodKey.Containing(PeriodGranularity.Week, new DateTimeOffset(2027, 1, 4, 1, 0, 0, TimeSpan.FromHours(2))).ToString());
        Assert.Equal("2027-W01", PeriodKey.Containing(PeriodGranularity.Week, new DateTimeOffset(2027, 1, 4, 0, 0, 0, TimeSpan.Zero)).ToString());
        Assert.Equal("2026-12", PeriodKey.Containing(PeriodGranularity.Month, new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(1))).ToString());
    }

    [Fact]
    public void HorizonFrom_CountsPeriodsSinceTheIssuePeriod()
    {
        var w11 = PeriodKey.Parse("2026-W11");

        Assert.Equal(1, w11.HorizonFrom(new DateTimeOffset(2026, 3, 8, 23, 59, 0, TimeSpan.Zero)));
        Assert.Equal(0, w11.HorizonFrom(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(4, w11.HorizonFrom(new DateTimeOffset(2026, 2, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(2, PeriodKey.Parse("2027-W01").HorizonFrom(new DateTimeOffset(2026, 12, 27, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(3, PeriodKey.Parse("2026-05").HorizonFrom(new DateTimeOffset(2026, 2, 28, 23, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void TryParseWithGranularity_RefusesTheOtherKind()
    {
        Assert.True(PeriodKey.TryParse("2026-W05", PeriodGranularity.Week, out var week));
        Assert.Equal("2026-W05", week!.Value.ToString());
        Assert.False(PeriodKey.TryParse("2026-W05", PeriodGranularity.Month, out _));
        Assert.False(PeriodKey.TryParse("2026-05", PeriodGranularity.Week, out _));
    }

    [Fact]
    public void Subtract_DifferentGranularity_Throws() =>
        Assert.Throws<ArgumentException>(() => PeriodKey.Parse("2026-W05") - PeriodKey.Parse("2026-05"));
}
