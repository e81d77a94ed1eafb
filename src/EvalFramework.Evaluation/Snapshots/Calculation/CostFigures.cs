using EvalFramework.Evaluation.Models;
using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// Cost and energy per case of a group. Cost = the variable cost of each closed case (staff time, AI tokens), whose
/// spread gives the interval, plus the arm's overhead per closed case (<see cref="ArmOverhead.PerCaseSek"/>) as a
/// known amount: it shifts the mean and the interval and adds no variance. Energy is variable only (workstation and
/// inference). Null where the snapshot cannot know them (no config, a role or model without a price).
/// </summary>
/// <param name="available">Whether cost per case is known.</param>
/// <param name="energyAvailable">Whether energy per case is known.</param>
/// <param name="overheads">Overhead by arm (empty when cost is not known).</param>
/// <param name="co2ePerWh">g CO2e per Wh (NaN without a config).</param>
internal sealed class CostFigures(
    bool available, bool energyAvailable, IReadOnlyDictionary<string, ArmOverhead> overheads, double co2ePerWh)
{
    public bool Available { get; } = available;

    public bool EnergyAvailable { get; } = energyAvailable;

    /// <summary>g CO2e per Wh.</summary>
    public double Co2ePerWh { get; } = co2ePerWh;

    /// <summary>The arm's overhead per closed case; null when cost is not known or the group closed no case.</summary>
    public double? OverheadPerCase(GroupAccumulator g) =>
        Available && g.Completed > 0 ? overheads.GetValueOrDefault(g.Arm)?.PerCaseSek ?? 0 : null;

    /// <summary>Cost per case: the variable cost per case (months combined in month order) shifted by the overhead per case.</summary>
    public Moments? CostMoments(GroupAccumulator g)
    {
        if (!Available)
        {
            return null;
        }

        var total = Combined(g.VariableCostByMonth);
        return total.Shifted(OverheadPerCase(g) ?? 0);
    }

    /// <summary>Energy per case, the months combined in month order.</summary>
    public Moments? EnergyMoments(GroupAccumulator g) => EnergyAvailable ? Combined(g.EnergyByMonth) : null;

    /// <summary>Mean cost per case by part: staff, AI, fixed (fixed monthly and one-off costs) and maintenance.</summary>
    public CostParts? CostParts(GroupAccumulator g)
    {
        if (CostMoments(g) is not { Count: > 0 } total)
        {
            return null;
        }

        var overhead = overheads.GetValueOrDefault(g.Arm);
        var n = (double)total.Count;
        return new CostParts(g.StaffSek / n, g.AiSek / n, overhead?.FixedPerCaseSek ?? 0, overhead?.MaintenancePerCaseSek ?? 0);
    }

    /// <summary>Mean energy and emissions per case by part (workstation, AI).</summary>
    public EnergyParts? EnergyParts(GroupAccumulator g)
    {
        if (EnergyMoments(g) is not { Count: > 0 } total)
        {
            return null;
        }

        var workstation = g.WorkstationWh / total.Count;
        var ai = g.AiWh / total.Count;
        return new EnergyParts(workstation, ai, workstation * Co2ePerWh, ai * Co2ePerWh);
    }

    private static Moments Combined(Dictionary<int, Moments> byMonth)
    {
        var total = default(Moments);
        foreach (var (_, moments) in byMonth.OrderBy(x => x.Key))
        {
            total = Moments.Combine(total, moments);
        }

        return total;
    }
}
