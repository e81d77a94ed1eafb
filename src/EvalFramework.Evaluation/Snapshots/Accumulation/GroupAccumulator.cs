using System.Runtime.InteropServices;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Accumulation;

/// <summary>Running totals of one case type and arm; only lead times are kept per case (for medians).</summary>
/// <param name="caseType">The case type.</param>
/// <param name="arm">The arm.</param>
/// <param name="weeks">7-day bins of the period for <see cref="WeeklyCompleted"/> (0: no weekly series).</param>
internal sealed class GroupAccumulator(string caseType, string arm, int weeks)
{
    public string CaseType { get; } = caseType;

    public string Arm { get; } = arm;

    public long Started;
    public long Completed;
    public long Abandoned;
    public long Rejected;
    public long NegativeLeadTimes;
    public DoubleBuffer LeadTimes { get; private set; } = new();
    public Moments LeadTime;
    public Moments Effort;
    public Moments AiSeconds;
    public long Reviewed;
    public long Erroneous;
    public long ConsistencySet;
    public long Consistent;
    public long Escalated;
    public long IntegrationFailed;
    public long Responded;
    public long Satisfied;
    public Moments Csat;
    public long NpsCount;
    public long NpsPromoters;
    public long NpsDetractors;

    /// <summary>Variable cost (staff + AI) by completion month (year × 12 + month − 1).</summary>
    public Dictionary<int, Moments> VariableCostByMonth { get; private set; } = [];

    /// <summary>Energy, Wh, by completion month.</summary>
    public Dictionary<int, Moments> EnergyByMonth { get; private set; } = [];

    /// <summary>Summed staff cost (SEK) of the completed cases in <see cref="VariableCostByMonth"/>.</summary>
    public double StaffSek;

    /// <summary>Summed AI cost (SEK) of those cases.</summary>
    public double AiSek;

    /// <summary>Summed workstation energy (Wh) of the completed cases in <see cref="EnergyByMonth"/>.</summary>
    public double WorkstationWh;

    /// <summary>Summed AI energy (Wh) of those cases.</summary>
    public double AiWh;

    /// <summary>Completed cases per 7-day bin from the period's start (by completion time).</summary>
    public long[] WeeklyCompleted { get; private set; } = new long[weeks];

    /// <summary>Completed at or after the period's end: in no bin.</summary>
    public long CompletedAfterPeriod;

    /// <summary>
    /// A deep copy: the as-treated groups start as copies of the by-assignment ones at the first non-compliant case,
    /// when every case so far is in the same arm in both. A new field must be copied here (a test checks every field).
    /// </summary>
    public GroupAccumulator Copy()
    {
        var copy = (GroupAccumulator)MemberwiseClone();
        copy.CopyCollectionsFrom(this);
        return copy;
    }

    /// <summary>
    /// Whether this is one unit's part of its arm's group (a handler, team or period under a clustered design): it keeps
    /// no lead-time sample, no weekly series and no units of its own.
    /// </summary>
    public bool IsUnit { get; init; }

    /// <summary>The group's parts per assigned unit, by unit id (clustered designs only; empty otherwise).</summary>
    public Dictionary<string, GroupAccumulator> Units { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>The part of the unit <paramref name="id"/>, added when it is the unit's first case in the group.</summary>
    public GroupAccumulator Unit(string id)
    {
        if (!Units.TryGetValue(id, out var unit))
        {
            unit = new GroupAccumulator(CaseType, Arm, 0) { IsUnit = true };
            Units.Add(id, unit);
        }

        return unit;
    }

    public void AddCost(int month, double sek) => CollectionsMarshal.GetValueRefOrAddDefault(VariableCostByMonth, month, out _).Add(sek);

    public void AddEnergy(int month, double wh) => CollectionsMarshal.GetValueRefOrAddDefault(EnergyByMonth, month, out _).Add(wh);

    /// <summary>Replaces the collections the member-wise clone shares with <paramref name="source"/> by copies of them.</summary>
    private void CopyCollectionsFrom(GroupAccumulator source)
    {
        LeadTimes = source.LeadTimes.Copy();
        VariableCostByMonth = new Dictionary<int, Moments>(source.VariableCostByMonth);
        EnergyByMonth = new Dictionary<int, Moments>(source.EnergyByMonth);
        WeeklyCompleted = (long[])source.WeeklyCompleted.Clone();
        Units = source.Units.ToDictionary(u => u.Key, u => u.Value.Copy(), StringComparer.Ordinal);
    }
}
