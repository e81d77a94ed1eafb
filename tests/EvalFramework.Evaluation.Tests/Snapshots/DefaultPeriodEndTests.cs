using System.Globalization;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>The default end of a snapshot's period: the start of the current UTC day minus the follow-up days.</summary>
public sealed class DefaultPeriodEndTests
{
    // Expected ends counted on a calendar: 2026-03-20 minus 14 days is 2026-03-06; 2026-03-01 minus 1 day is 2026-02-28.
    [Theory]
    [InlineData("2026-03-20T15:00:00Z", 14, "2026-03-06T00:00:00Z")]
    [InlineData("2026-03-20T00:00:00Z", 14, "2026-03-06T00:00:00Z")]
    [InlineData("2026-03-20T23:59:59.999Z", 0, "2026-03-20T00:00:00Z")]
    [InlineData("2026-03-01T08:00:00Z", 1, "2026-02-28T00:00:00Z")]
    [InlineData("2026-03-20T00:30:00+01:00", 14, "2026-03-05T00:00:00Z")] // 2026-03-19T23:30Z: the UTC day counts
    public void At_TimeAndFollowUpDays_StartOfTheUtcDayMinusTheDays(string now, int followUpDays, string expected)
    {
        var end = DefaultPeriodEnd.At(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), followUpDays);

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), end);
        Assert.Equal(TimeSpan.Zero, end.Offset);
    }
}
