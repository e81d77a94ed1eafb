using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// Cost and energy per case of a group: the variable cost and energy accumulated per completion month, plus each
/// month's share of the arm's fixed and maintenance cost. Null where the snapshot cannot know them (no config, a role
/// or model without a price).
/// </summary>
/// <param name="available">Whether cost per case is known.</param>
/// <param name="energyAvailable">Whether energy per case is known.</param>
/// <param name="shares">Overhead per completed case, by arm and month (empty when cost is not known).</param>
/// <param name="co2ePerWh">g CO2e per Wh (NaN without a config).</param>
internal sealed class CostFigures(
    bool available, bool energyAvailable, IReadOnlyDictionary<(string Arm, int Month), OverheadShare> shares, double co2ePerWh)
{
    public bool Available { get; } = available;

    public bool EnergyAvailable { get; } = energyAvailable;

    /// <summary>g CO2e per Wh.</summary>
    public double Co2ePerWh { get; } = co2ePerWh;

    /// <summary>Cost per case: each month's variable cost shifted by that month's overhead share, combined in month order.</summary>
    public Moments? CostMoments(GroupAccumulator g)
    {
        if (!Available)
        {
            return null;
        }

        var total = default(Moments);
        foreach (var (month, moments) in g.VariableCostByMonth.OrderBy(x => x.Key))
        {
            total = Moments.Combine(total, moments.Shifted(shares.GetValueOrDefault((g.Arm, month)).TotalSek));
        }

        return total;
    }

    /// <summary>Energy per case, the months combined in month order.</summary>
    public Moments? EnergyMoments(GroupAccumulator g)
    {
        if (!EnergyAvailable)
        {
            return null;
        }

        var total = default(Moments);
        foreach (var (_, moments) in g.EnergyByMonth.OrderBy(x => x.Key))
        {
            total = Moments.Combine(total, moments);
        }

        return total;
    }

    /// <summary>Mean cost per case by part (staff, AI, fixed, maintenance).</summary>
    public CostParts? CostParts(GroupAccumulator g)
    {
        if (CostMoments(g) is not { Count: > 0 } total)
        {
            return null;
        }

        double fixedSek = 0, maintenanceSek = 0;
        foreach (var (month, moments) in g.VariableCostByMonth.OrderBy(x => x.Key))
        {
            var share = shares.GetValueOrDefault((g.Arm, month));
            fixedSek += share.FixedPerCaseSek * moments.Count;
            maintenanceSek += share.MaintenancePerCaseSek * moments.Count;
        }

        var n = (double)total.Count;
        return new CostParts(g.StaffSek / n, g.AiSek / n, fixedSek / n, maintenanceSek / n);
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
}
