namespace EvalFramework.Evaluation.Snapshots.Accumulation;

/// <summary>A snapshot's period in Unix milliseconds, its 7-day bins and calendar months.</summary>
internal sealed class SnapshotPeriod
{
    /// <summary>Milliseconds in a 7-day bin.</summary>
    public const long WeekMs = 7L * 24 * 3600 * 1000;

    /// <summary>Creates the period.</summary>
    /// <param name="from">Start (inclusive).</param>
    /// <param name="to">End (exclusive); after <paramref name="from"/>.</param>
    /// <param name="maxWeeks">The most 7-day bins kept; a longer period has none.</param>
    public SnapshotPeriod(DateTimeOffset from, DateTimeOffset to, int maxWeeks)
    {
        From = from;
        To = to;
        FromMs = from.ToUnixTimeMilliseconds();
        ToMs = to.ToUnixTimeMilliseconds();
        var weeks = Math.Ceiling((ToMs - FromMs) / (double)WeekMs);
        Weeks = weeks <= maxWeeks ? (int)weeks : 0;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public long FromMs { get; }

    public long ToMs { get; }

    /// <summary>7-day bins from the start (the last may be cut by the end); 0: no weekly series.</summary>
    public int Weeks { get; }

    /// <summary>The period's length in days.</summary>
    public double Days => (To - From).TotalDays;

    /// <summary>The 7-day bin of a time, clamped to the bins (only meaningful when <see cref="Weeks"/> &gt; 0).</summary>
    public long WeekOf(long ms) => Math.Clamp((ms - FromMs) / WeekMs, 0, Weeks - 1);

    /// <summary>The calendar month (UTC) of a time as year × 12 + month − 1.</summary>
    public static int MonthIndex(long ms)
    {
        var utc = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        return (utc.Year * 12) + utc.Month - 1;
    }
}
