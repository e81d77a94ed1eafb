using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Models;
using EvalFramework.Evaluation.Snapshots.Accumulation;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// Each arm's overhead in the snapshot's period (<see cref="CostModel.Overhead"/>) spread over the arm's closed cases
/// of all case types; what cannot be spread (an arm with no closed case, maintenance with no arm) is reported as
/// unallocated.
/// </summary>
internal static class OverheadAllocation
{
    /// <summary>The overhead of every arm of the pilot, by arm.</summary>
    public static Dictionary<string, ArmOverhead> Overheads(SnapshotAccumulator data, PilotConfig pilot, CostModel costModel,
        DataQualityWarnings warnings)
    {
        var period = data.Period;
        var maintenance = data.EarlierOneOffMaintenance.Concat(data.Maintenance)
            .Select(m => new MaintenanceWork(DateTimeOffset.FromUnixTimeMilliseconds(m.TimeMs), m.Hours, m.Arm, m.Kind))
            .ToList();
        var overheads = new Dictionary<string, ArmOverhead>(StringComparer.Ordinal);
        foreach (var arm in pilot.Arms.Select(a => a.Name))
        {
            var closed = data.Groups.Values.Where(g => g.Arm == arm).Sum(g => g.Completed);
            var overhead = costModel.Overhead(arm, period.From, period.To, closed, maintenance);
            overheads[arm] = overhead;
            if (overhead.UnallocatedSek > 0)
            {
                warnings.Unallocated(arm, overhead.UnallocatedSek);
            }
        }

        // Work with no arm and no maintenance.defaultArm is borne by no arm: costed here so it is not lost silently.
        var unassigned = maintenance.Where(m => costModel.MaintenanceArmOf(m.Arm) is null)
            .Select(m => pilot.Maintenance.IsOneOff(m.Kind)
                ? m.Hours * CostPeriods.AmortisedShare(m.Time, pilot.Maintenance.AmortisationMonths, period.From, period.To)
                : m.Hours)
            .Sum() * pilot.Maintenance.HourlyCostSek;
        if (unassigned > 0)
        {
            warnings.UnassignedMaintenance(unassigned);
        }

        warnings.OverheadAdded();
        return overheads;
    }
}
