namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// Swedish local time without the operating system's time-zone database (so the simulator gives the same pilot
/// everywhere): UTC+1, and UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC
/// (the EU summer-time rule in force since 1996).
/// </summary>
internal static class SwedishTime
{
    /// <summary>The local wall-clock time of a UTC instant.</summary>
    public static DateTime ToLocal(DateTime utc) => utc.AddHours(IsSummerTime(utc) ? 2 : 1);

    /// <summary>The UTC instant of a local wall-clock time (in the repeated autumn hour, the earlier one).</summary>
    public static DateTime ToUtc(DateTime local)
    {
        var summer = local.AddHours(-2);
        return IsSummerTime(summer) ? summer : local.AddHours(-1);
    }

    private static bool IsSummerTime(DateTime utc) =>
        utc >= LastSunday(utc.Year, 3).AddHours(1) && utc < LastSunday(utc.Year, 10).AddHours(1);

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Unspecified);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
