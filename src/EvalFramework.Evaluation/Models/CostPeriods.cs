namespace EvalFramework.Evaluation.Models;

/// <summary>
/// How much of a monthly or amortised cost falls in a period [from, to). Times are taken in UTC, so the same data
/// always gives the same months.
/// </summary>
public static class CostPeriods
{
    /// <summary>
    /// The calendar months' worth of a period: Σ over the UTC calendar months it touches of the time of the period in
    /// the month ÷ the month's length. A monthly cost bears this many months (31 days of May is 1, 15 days of June is 0.5).
    /// </summary>
    /// <param name="from">Start (inclusive).</param>
    /// <param name="to">End (exclusive); an end before the start gives 0.</param>
    /// <returns>Months, ≥ 0.</returns>
    public static double MonthsIn(DateTimeOffset from, DateTimeOffset to)
    {
        var start = from.UtcDateTime;
        var end = to.UtcDateTime;
        var months = 0.0;
        for (var month = new DateTime(start.Year, start.Month, 1, 0, 0, 0, DateTimeKind.Utc); month < end; month = month.AddMonths(1))
        {
            var next = month.AddMonths(1);
            months += Overlap(month, next, start, end) / (next - month).Ticks;
        }

        return months;
    }

    /// <summary>
    /// The share of an amortised cost that falls in a period: the cost is spread evenly over the time from
    /// <paramref name="start"/> to the same moment <paramref name="months"/> calendar months later, and the period
    /// bears the part of that window inside [from, to).
    /// </summary>
    /// <param name="start">When amortisation starts (the cost's date, the one-off work's time).</param>
    /// <param name="months">Months of amortisation, ≥ 1.</param>
    /// <param name="from">Period start (inclusive).</param>
    /// <param name="to">Period end (exclusive).</param>
    /// <returns>A share from 0 to 1.</returns>
    public static double AmortisedShare(DateTimeOffset start, int months, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var windowStart = start.UtcDateTime;
        var windowEnd = windowStart.AddMonths(months);
        return Overlap(windowStart, windowEnd, from.UtcDateTime, to.UtcDateTime) / (windowEnd - windowStart).Ticks;
    }

    /// <summary>The ticks [a, b) and [c, d) share.</summary>
    private static double Overlap(DateTime a, DateTime b, DateTime c, DateTime d)
    {
        var low = a > c ? a : c;
        var high = b < d ? b : d;
        return high > low ? (high - low).Ticks : 0;
    }
}
