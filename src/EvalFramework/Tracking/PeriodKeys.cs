using System.Globalization;

namespace EvalFramework.Tracking;

/// <summary>The keys of assignment periods: an ISO week (<c>2026-W49</c>) or a period's first day (<c>2026-12-01</c>).</summary>
internal static class PeriodKeys
{
    /// <summary>The ISO week of <paramref name="time"/> in UTC, e.g. <c>2026-W49</c>.</summary>
    public static string IsoWeek(DateTimeOffset time)
    {
        var date = time.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):D4}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }

    /// <summary>Whether <paramref name="key"/> is an ISO week of its year or a date (yyyy-MM-dd).</summary>
    public static bool IsValid(string key) =>
        DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || (key.Length == 8 && key[4..6] == "-W"
            && int.TryParse(key[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1 and <= 9998
            && int.TryParse(key[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year));
}
