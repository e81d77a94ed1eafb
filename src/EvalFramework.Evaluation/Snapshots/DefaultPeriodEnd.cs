namespace EvalFramework.Collector.Snapshots;

/// <summary>
/// The end of a snapshot's period when none is given: the start of the current UTC day (the end of the last complete
/// day) minus the config's follow-up window (<c>followUpDays</c>), so the period's cases have had that long to close
/// and to get their surveys and reviews.
/// </summary>
internal static class DefaultPeriodEnd
{
    /// <summary>The default end for a snapshot made at <paramref name="now"/>.</summary>
    public static DateTimeOffset At(DateTimeOffset now, int followUpDays) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-followUpDays);
}
