namespace EvalFramework.Evaluation.Privacy;

/// <summary>
/// The weeks staff-survey figures are made of: ISO weeks in UTC, Monday 00:00 to the next Monday 00:00. A week counts
/// in a snapshot when it lies wholly inside the period and ended at least <see cref="CloseAfterMs"/> before the
/// snapshot is made (answers still on their way have arrived by then).
/// </summary>
internal static class StaffWeeks
{
    public const long DayMs = 24L * 3600 * 1000;

    public const long WeekMs = 7 * DayMs;

    /// <summary>How long after its end a week waits before a snapshot may publish it: two days.</summary>
    public const long CloseAfterMs = 2 * DayMs;

    /// <summary>Days from the Unix epoch (a Thursday) to the first Monday, 1970-01-05.</summary>
    private const long FirstMondayMs = 4 * DayMs;

    /// <summary>The start (Monday 00:00 UTC) of the week holding <paramref name="ms"/>.</summary>
    public static long StartOf(long ms)
    {
        var offset = ms - FirstMondayMs;
        var weeks = offset / WeekMs;
        if (offset % WeekMs < 0)
        {
            weeks--;
        }

        return (weeks * WeekMs) + FirstMondayMs;
    }

    /// <summary>The first week start at or after <paramref name="ms"/>.</summary>
    public static long StartAtOrAfter(long ms) => StartOf(ms) == ms ? ms : StartOf(ms) + WeekMs;
}
