namespace EvalFramework.Evaluation.Models;

/// <summary>Staff time freed by the AI arm and the maintenance time it costs (effect goal "human handlers more available").</summary>
public static class StaffTimeModel
{
    private const double SecondsPerHour = 3600;

    /// <summary>
    /// Staff hours freed per month = (manual effort per case − AI-arm effort per case) ÷ 3600 × AI-arm cases per
    /// month. Negative when the AI arm takes more staff time.
    /// </summary>
    /// <param name="baselineEffortSecondsPerCase">Mean staff effort per case in the baseline (manual) arm, seconds.</param>
    /// <param name="aiEffortSecondsPerCase">Mean staff effort per case in the AI arm, seconds.</param>
    /// <param name="aiArmCasesPerMonth">AI-arm completed cases per month (e.g. the period's cases ÷ its months).</param>
    /// <returns>Hours per month.</returns>
    public static double HoursFreedPerMonth(double baselineEffortSecondsPerCase, double aiEffortSecondsPerCase, double aiArmCasesPerMonth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(aiArmCasesPerMonth);
        return (baselineEffortSecondsPerCase - aiEffortSecondsPerCase) / SecondsPerHour * aiArmCasesPerMonth;
    }

    /// <summary>Maintenance hours per month, pilot level (all arms and untagged), in month order.</summary>
    /// <param name="maintenance">The <c>pilot.maintenance</c> events as (month, hours).</param>
    /// <returns>Hours by month; months without maintenance are absent.</returns>
    public static IReadOnlyDictionary<PilotMonth, double> MaintenanceHoursByMonth(IEnumerable<(PilotMonth Month, double Hours)> maintenance)
    {
        ArgumentNullException.ThrowIfNull(maintenance);
        var byMonth = new SortedDictionary<PilotMonth, double>(Comparer<PilotMonth>.Create(
            (a, b) => a.Year != b.Year ? a.Year.CompareTo(b.Year) : a.Month.CompareTo(b.Month)));
        foreach (var (month, hours) in maintenance)
        {
            byMonth[month] = byMonth.GetValueOrDefault(month) + hours;
        }

        return byMonth;
    }

    /// <summary>Net staff hours freed per month: hours freed − maintenance hours.</summary>
    /// <param name="hoursFreedPerMonth">From <see cref="HoursFreedPerMonth"/>.</param>
    /// <param name="maintenanceHoursPerMonth">Mean maintenance hours per month.</param>
    /// <returns>Hours per month.</returns>
    public static double NetHoursFreedPerMonth(double hoursFreedPerMonth, double maintenanceHoursPerMonth) =>
        hoursFreedPerMonth - maintenanceHoursPerMonth;
}
