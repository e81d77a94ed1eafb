using EvalFramework.Evaluation.Simulation;

namespace EvalFramework.Evaluation.Tests.Simulation;

public sealed class SwedishTimeTests
{
    [Fact]
    public void ToLocal_EveryHourOfTwoYears_MatchesTheTimeZoneDatabase()
    {
        var stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        for (var hour = 0; hour < 2 * 366 * 24; hour++)
        {
            var utc = start.AddHours(hour).AddMinutes(30);
            Assert.Equal(TimeZoneInfo.ConvertTimeFromUtc(utc, stockholm), SwedishTime.ToLocal(utc));
        }
    }

    [Fact]
    public void ToUtc_LocalWorkingHours_RoundTrips()
    {
        var local = new DateTime(2025, 3, 28, 14, 0, 0, DateTimeKind.Unspecified);

        for (var day = 0; day < 400; day++)
        {
            Assert.Equal(local.AddDays(day), SwedishTime.ToLocal(SwedishTime.ToUtc(local.AddDays(day))));
        }
    }
}
