using EvalFramework.Evaluation.Models;
using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>The pilot-level metrics: maintenance hours (in all and per arm) and staff hours freed per month per arm.</summary>
internal static class PilotMetrics
{
    private const double SecondsPerHour = 3600;
    private const double DaysPerMonth = 365.2425 / 12;

    public static List<PilotMetric> Of(List<GroupAccumulator> groups, IReadOnlyList<(long TimeMs, double Hours, string? Arm, string? Kind)> maintenance,
        CostModel? costModel, string baseline, List<string> armOrder, double level, double periodDays)
    {
        var metrics = new List<PilotMetric>
        {
            new(MetricKeys.MaintenanceHours, null, new MetricValue(maintenance.Sum(m => m.Hours), null, null, maintenance.Count)),
        };
        foreach (var arm in armOrder)
        {
            var events = maintenance.Where(m => (costModel?.MaintenanceArmOf(m.Arm) ?? m.Arm) == arm).ToList();
            if (events.Count > 0)
            {
                metrics.Add(new(MetricKeys.MaintenanceHours, arm, new MetricValue(events.Sum(m => m.Hours), null, null, events.Count)));
            }
        }

        var months = periodDays / DaysPerMonth;
        var z = Proportions.Z(level);
        foreach (var arm in armOrder.Where(a => a != baseline))
        {
            metrics.Add(new(MetricKeys.StaffHoursFreedPerMonth, arm, HoursFreed(groups, baseline, arm, months, z)));
        }

        return metrics;
    }

    /// <summary>
    /// Staff hours freed per month by an arm (<see cref="StaffTimeModel.HoursFreedPerMonth"/>) summed over the case types
    /// where both arms have at least two efforts, with a normal interval from the two means' variances.
    /// </summary>
    private static MetricValue HoursFreed(List<GroupAccumulator> groups, string baseline, string arm, double months, double z)
    {
        double value = 0, variance = 0;
        long n = 0;
        var any = false;
        foreach (var caseType in groups.GroupBy(g => g.CaseType))
        {
            var b = caseType.FirstOrDefault(g => g.Arm == baseline);
            var t = caseType.FirstOrDefault(g => g.Arm == arm);
            if (b is null || t is null || b.Effort.Count < 2 || t.Effort.Count < 2)
            {
                continue;
            }

            any = true;
            var volume = t.Completed / months / SecondsPerHour;
            value += StaffTimeModel.HoursFreedPerMonth(b.Effort.Mean, t.Effort.Mean, t.Completed / months);
            variance += volume * volume * ((b.Effort.Variance / b.Effort.Count) + (t.Effort.Variance / t.Effort.Count));
            n += t.Completed;
        }

        return any
            ? new MetricValue(value, value - (z * Math.Sqrt(variance)), value + (z * Math.Sqrt(variance)), n)
            : MetricValue.Empty(n);
    }
}
