namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// The end of a snapshot's period when none is given: the start of the current UTC day (the end of the last complete
/// day) minus the config's follow-up window (<c>followUpDays</c>), so the period's cases have had that long to close
/// and to get their surveys and reviews.
/// </summary>
public static class DefaultPeriodEnd
{
    /// <summary>
    /// The default end for a snapshot made at <paramref name="now"/>; a period that ends after it ends inside the
    /// follow-up window (a data-quality warning says so).
    /// </summary>
    /// <param name="now">When the snapshot is made.</param>
    /// <param name="followUpDays">The config's follow-up window, days.</param>
    /// <returns>The start of <paramref name="now"/>'s UTC day minus <paramref name="followUpDays"/> days.</returns>
    public static DateTimeOffset At(DateTimeOffset now, int followUpDays) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-followUpDays);
}
