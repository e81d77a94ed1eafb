using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>The per-arm metrics of one case type (<see cref="MetricKeys.PerArm"/>), with their intervals.</summary>
internal static class ArmMetrics
{
    private const double DaysPerWeek = 7;

    /// <summary>The metrics of a group, in <see cref="MetricKeys.PerArm"/> order.</summary>
    public static List<KeyValuePair<string, MetricValue>> Of(GroupAccumulator g, LeadTimeSample lead, double level,
        double periodDays, CostFigures costs, Dictionary<string, Moments> wellbeing)
    {
        var m = new List<KeyValuePair<string, MetricValue>>(MetricKeys.PerArm.Count);
        void Add(string key, MetricValue value) => m.Add(new(key, value));
        Add(MetricKeys.CasesCompleted, new MetricValue(g.Completed, null, null, g.Completed));
        Add(MetricKeys.ThroughputPerWeek, new MetricValue(g.Completed / (periodDays / DaysPerWeek), null, null, g.Completed));
        Add(MetricKeys.LeadTimeMedian, lead.Median);
        Add(MetricKeys.LeadTimeP90, lead.P90);
        Add(MetricKeys.LeadTimeMean, Mean(g.LeadTime, level));
        Add(MetricKeys.EffortMean, Mean(g.Effort, level));
        Add(MetricKeys.AiSecondsMean, Mean(g.AiSeconds, level));
        Add(MetricKeys.ErrorRate, Proportion(g.Erroneous, g.Reviewed, level));
        Add(MetricKeys.ConsistencyRate, Proportion(g.Consistent, g.ConsistencySet, level));
        Add(MetricKeys.AbandonmentRate, Proportion(g.Abandoned, g.Completed, level));
        Add(MetricKeys.RejectionRate, Proportion(g.Rejected, g.Completed, level));
        Add(MetricKeys.EscalationRate, Proportion(g.Escalated, g.Completed, level));
        Add(MetricKeys.IntegrationFailureRate, Proportion(g.IntegrationFailed, g.Completed, level));
        Add(MetricKeys.CsatMean, Mean(g.Csat, level));
        Add(MetricKeys.CsatSatisfiedShare, Proportion(g.Satisfied, g.Responded, level));
        Add(MetricKeys.Nps, NpsValue(g, level));
        Add(MetricKeys.SurveyResponseRate, Proportion(g.Responded, g.Completed, level));
        var cost = costs.CostMoments(g);
        Add(MetricKeys.CostPerCase, cost is { } c ? Mean(c, level) : MetricValue.Empty(g.Completed));
        Add(MetricKeys.OverheadPerCase, costs.OverheadPerCase(g) is { } o ? new MetricValue(o, null, null, g.Completed) : MetricValue.Empty(g.Completed));
        var energy = costs.EnergyMoments(g);
        Add(MetricKeys.EnergyPerCase, energy is { } e ? Mean(e, level) : MetricValue.Empty(g.Completed));
        Add(MetricKeys.Co2ePerCase, energy is { } e2 ? Mean(e2.Scaled(costs.Co2ePerWh), level) : MetricValue.Empty(g.Completed));
        Add(MetricKeys.StaffWellbeingMean, Mean(wellbeing.GetValueOrDefault(g.Arm), level));
        return m;
    }

    /// <summary>NPS in points with its adjusted Wald interval (<see cref="NetPromoterScore"/>); unit: answer.</summary>
    private static MetricValue NpsValue(GroupAccumulator g, double level)
    {
        if (g.NpsCount == 0)
        {
            return MetricValue.Empty(0);
        }

        var ci = NetPromoterScore.Of(g.NpsPromoters, g.NpsDetractors, g.NpsCount, level);
        return new MetricValue(NetPromoterScore.Value(g.NpsPromoters, g.NpsDetractors, g.NpsCount), ci?.Low, ci?.High, g.NpsCount);
    }

    private static MetricValue Mean(in Moments m, double level)
    {
        if (m.Count == 0)
        {
            return MetricValue.Empty(0);
        }

        var ci = MeanInterval.Of(m, level);
        return new MetricValue(m.Mean, ci?.Low, ci?.High, m.Count);
    }

    private static MetricValue Proportion(long x, long n, double level)
    {
        if (n == 0)
        {
            return MetricValue.Empty(0);
        }

        var ci = Proportions.Wilson(x, n, level);
        return new MetricValue((double)x / n, ci?.Low, ci?.High, n);
    }
}
