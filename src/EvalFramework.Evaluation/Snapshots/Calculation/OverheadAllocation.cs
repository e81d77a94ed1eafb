using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Models;
using EvalFramework.Evaluation.Snapshots.Accumulation;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// Spreads each arm's fixed and maintenance cost of a calendar month (<see cref="CostModel.Overhead"/>) over the arm's
/// completed cases of that month; what falls in a month without one is reported as unallocated.
/// </summary>
internal static class OverheadAllocation
{
    /// <summary>The overhead per completed case by arm and month index, for every arm and every month of the period.</summary>
    public static Dictionary<(string Arm, int Month), OverheadShare> Shares(SnapshotAccumulator data, PilotConfig pilot,
        CostModel costModel, DataQualityWarnings warnings)
    {
        var completedByArmMonth = new Dictionary<(string Arm, int Month), int>();
        foreach (var g in data.Groups.Values)
        {
            foreach (var (month, moments) in g.VariableCostByMonth)
            {
                completedByArmMonth[(g.Arm, month)] = completedByArmMonth.GetValueOrDefault((g.Arm, month)) + (int)moments.Count;
            }
        }

        var hoursByArmMonth = new Dictionary<(string Arm, int Month), double>();
        foreach (var (time, hours, eventArm) in data.Maintenance)
        {
            if (costModel.MaintenanceArmOf(eventArm) is { } arm && pilot.HasArm(arm))
            {
                var key = (arm, SnapshotPeriod.MonthIndex(time));
                hoursByArmMonth[key] = hoursByArmMonth.GetValueOrDefault(key) + hours;
            }
        }

        var months = new SortedSet<int>(completedByArmMonth.Keys.Select(k => k.Month).Concat(hoursByArmMonth.Keys.Select(k => k.Month)));
        for (var m = SnapshotPeriod.MonthIndex(data.Period.FromMs); m <= SnapshotPeriod.MonthIndex(data.Period.ToMs - 1); m++)
        {
            months.Add(m);
        }

        var shares = new Dictionary<(string Arm, int Month), OverheadShare>();
        var unallocated = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var arm in pilot.Arms.Select(a => a.Name))
        {
            foreach (var month in months)
            {
                var overhead = costModel.Overhead(arm, MonthOf(month), new ArmMonthActivity(
                    completedByArmMonth.GetValueOrDefault((arm, month)), hoursByArmMonth.GetValueOrDefault((arm, month))));
                shares[(arm, month)] = new OverheadShare(overhead.FixedPerCaseSek, overhead.MaintenancePerCaseSek);
                if (overhead.UnallocatedSek > 0)
                {
                    unallocated[arm] = unallocated.GetValueOrDefault(arm) + overhead.UnallocatedSek;
                }
            }
        }

        foreach (var (arm, sek) in unallocated)
        {
            warnings.Unallocated(arm, sek);
        }

        warnings.OverheadSpread();
        return shares;
    }

    private static PilotMonth MonthOf(int index) => new(index / 12, (index % 12) + 1);
}
