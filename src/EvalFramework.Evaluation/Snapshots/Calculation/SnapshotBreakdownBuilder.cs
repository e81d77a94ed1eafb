using EvalFramework.Evaluation.Snapshots.Accumulation;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>The snapshot's breakdowns: 7-day bins of the period, maintenance per bin, cost and energy parts per arm.</summary>
internal static class SnapshotBreakdownBuilder
{
    public static SnapshotBreakdowns Build(SnapshotAccumulator data, List<CaseTypeResult> caseTypes, CostFigures costs)
    {
        var period = data.Period;
        var weeks = new List<(DateTimeOffset From, double Days)>(period.Weeks);
        for (var i = 0; i < period.Weeks; i++)
        {
            var start = period.FromMs + (i * SnapshotPeriod.WeekMs);
            weeks.Add((DateTimeOffset.FromUnixTimeMilliseconds(start),
                (Math.Min(start + SnapshotPeriod.WeekMs, period.ToMs) - start) / (SnapshotPeriod.WeekMs / 7.0)));
        }

        double[]? maintenance = null;
        if (period.Weeks > 0)
        {
            maintenance = new double[period.Weeks];
            foreach (var (time, hours, _, _) in data.Maintenance.OrderBy(m => m.TimeMs).ThenBy(m => m.Hours))
            {
                maintenance[period.WeekOf(time)] += hours;
            }
        }

        var result = new List<CaseTypeBreakdown>(caseTypes.Count);
        foreach (var caseType in caseTypes)
        {
            var arms = new List<ArmBreakdown>(caseType.Arms.Count);
            foreach (var arm in caseType.Arms)
            {
                // A before/after design without a concurrent control shows the before period as the baseline arm.
                var g = data.Groups.GetValueOrDefault((caseType.CaseType, arm.Arm)) ?? data.Before.Pooled[caseType.CaseType];
                arms.Add(new ArmBreakdown(arm.Arm, g.Completed, costs.CostParts(g), costs.EnergyParts(g),
                    period.Weeks > 0 ? g.WeeklyCompleted : null, g.CompletedAfterPeriod));
            }

            result.Add(new CaseTypeBreakdown(caseType.CaseType, arms));
        }

        return new SnapshotBreakdowns(weeks, maintenance, result);
    }
}
