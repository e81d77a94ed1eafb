using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// The comparisons of a treatment arm with the baseline arm in one case type under a clustered design (handlers, teams
/// or periods assigned to the arms): every mean and share by <see cref="ClusterRobustTest"/> on the units' parts of the
/// two groups, in the same metric order as <see cref="ArmComparisons"/>. A comparison counts units (its
/// <c>baselineN</c> and <c>treatmentN</c> are the units with a value for the metric) and needs
/// <c>design.minUnitsPerArm</c> of them in each arm for a verdict.
/// </summary>
/// <remarks>
/// A share is the mean of 0/1 values per unit, NPS the mean of each answer's score (+100 promoter, 0 passive, −100
/// detractor), cost per case the variable cost plus the arm's overhead per case (a constant within the arm). The
/// median lead time is not compared: no method keeps its level with a few units per arm (a cluster bootstrap of 8
/// units per arm covers about 90 % for a mean), so it is shown with its plain difference and no interval or verdict;
/// the mean lead time is compared.
/// </remarks>
internal static class ClusteredComparisons
{
    /// <summary>The method a comparison without a cluster-robust test reports (the median lead time).</summary>
    public const string NotTested = ComparisonMethods.NotTestedClustered;

    /// <summary>Every comparison of <paramref name="t"/> with <paramref name="b"/>, in the snapshot's metric order.</summary>
    /// <param name="b">The baseline arm's group (with its units).</param>
    /// <param name="t">The treatment arm's group.</param>
    /// <param name="bLead">The baseline arm's lead times (for the median's plain difference).</param>
    /// <param name="tLead">The treatment arm's lead times.</param>
    /// <param name="level">The confidence level.</param>
    /// <param name="costs">Cost and energy per case.</param>
    /// <param name="unit">The assigned unit (<c>handler</c>, <c>team</c> or <c>period</c>): every comparison's unit.</param>
    /// <param name="minimumUnits">The fewest units per arm for a verdict.</param>
    public static IEnumerable<PendingComparison> Compare(GroupAccumulator b, GroupAccumulator t, LeadTimeSample bLead, LeadTimeSample tLead,
        double level, CostFigures costs, string unit, int minimumUnits)
    {
        PendingComparison Units(string metric, Func<GroupAccumulator, Moments> of)
        {
            var bu = b.Units.Values.Select(of).Where(m => m.Count > 0).ToList();
            var tu = t.Units.Values.Select(of).Where(m => m.Count > 0).ToList();
            var range = DifferenceRange(metric);
            return new PendingComparison(metric, b.Arm, t.Arm, ClusterRobustTest.Method, bu.Count, tu.Count, CaseWeightedMean(bu),
                l => Clipped(ClusterRobustTest.Compare(bu, tu, l), range), level) { Unit = unit, UnitMinimum = minimumUnits };
        }

        yield return new PendingComparison(MetricKeys.LeadTimeMedian, b.Arm, t.Arm, NotTested, UnitsWith(b, g => g.LeadTime.Count),
            UnitsWith(t, g => g.LeadTime.Count), bLead.Median.Value,
            _ => new TestResult((tLead.Median.Value - bLead.Median.Value) ?? double.NaN, null, null, double.NaN), level)
        { Unit = unit, UnitMinimum = minimumUnits };
        foreach (var (metric, of) in UnitValues(costs))
        {
            var comparison = Units(metric, of);
            yield return comparison;
            if (metric == MetricKeys.EnergyPerCase)
            {
                // co2e is energy times the grid factor: the same test, scaled.
                yield return Scaled(comparison, MetricKeys.Co2ePerCase, costs.Co2ePerWh);
            }
        }
    }

    /// <summary>
    /// The metrics with a cluster-robust test, in the snapshot's order, each with a unit's values (count, mean and sum
    /// of squared deviations): cost and energy only where they are known.
    /// </summary>
    public static IEnumerable<(string Metric, Func<GroupAccumulator, Moments> Of)> UnitValues(CostFigures costs)
    {
        yield return (MetricKeys.LeadTimeMean, g => g.LeadTime);
        yield return (MetricKeys.EffortMean, g => g.Effort);
        yield return (MetricKeys.ErrorRate, g => Share(g.Erroneous, g.Reviewed));
        yield return (MetricKeys.ConsistencyRate, g => Share(g.Consistent, g.ConsistencySet));
        yield return (MetricKeys.AbandonmentRate, g => Share(g.Abandoned, g.Completed));
        yield return (MetricKeys.RejectionRate, g => Share(g.Rejected, g.Completed));
        yield return (MetricKeys.EscalationRate, g => Share(g.Escalated, g.Completed));
        yield return (MetricKeys.IntegrationFailureRate, g => Share(g.IntegrationFailed, g.Completed));
        yield return (MetricKeys.CsatMean, g => g.Csat);
        yield return (MetricKeys.CsatSatisfiedShare, g => Share(g.Satisfied, g.Responded));
        yield return (MetricKeys.Nps, NpsScores);
        yield return (MetricKeys.SurveyResponseRate, g => Share(g.Responded, g.Completed));
        if (costs.Available)
        {
            yield return (MetricKeys.CostPerCase, g => costs.CostMoments(g) ?? default);
        }

        if (costs.EnergyAvailable)
        {
            yield return (MetricKeys.EnergyPerCase, g => costs.EnergyMoments(g) ?? default);
        }
    }

    /// <summary>
    /// The largest possible difference of a metric: 1 for a share, 200 points for NPS; infinite for the others. A Wald-t
    /// interval may reach past it (few units, a share near 0 or 1); it is cut there, as an interval of shares is.
    /// </summary>
    private static double DifferenceRange(string metric) => metric == MetricKeys.Nps ? 200 : IsShare(metric) ? 1 : double.PositiveInfinity;

    private static bool IsShare(string metric) => metric is MetricKeys.ErrorRate or MetricKeys.ConsistencyRate or MetricKeys.AbandonmentRate
        or MetricKeys.RejectionRate or MetricKeys.EscalationRate or MetricKeys.IntegrationFailureRate or MetricKeys.CsatSatisfiedShare
        or MetricKeys.SurveyResponseRate;

    private static TestResult Clipped(TestResult r, double range) => r.Interval is { } ci && (ci.Low < -range || ci.High > range)
        ? r with { Interval = new Interval(Math.Max(ci.Low, -range), Math.Min(ci.High, range)) }
        : r;

    /// <summary>A share as the moments of its 0/1 values.</summary>
    private static Moments Share(long x, long n) => Moments.FromIntegerSums(n, x, x);

    /// <summary>The moments of a group's NPS answers as scores: +100 a promoter, 0 a passive, −100 a detractor.</summary>
    public static Moments NpsScores(GroupAccumulator g) =>
        Moments.FromIntegerSums(g.NpsCount, 100 * (g.NpsPromoters - g.NpsDetractors), 10_000 * (g.NpsPromoters + g.NpsDetractors));

    /// <summary>The same test as <paramref name="of"/> for its metric times <paramref name="factor"/> (co2e from energy).</summary>
    private static PendingComparison Scaled(PendingComparison of, string metric, double factor) =>
        new(metric, of.Baseline, of.Treatment, of.Method, of.BaselineN, of.TreatmentN, of.BaselineValue * factor, l => Scaled(of.TestAt(l), factor),
            of.Level) { Unit = of.Unit, UnitMinimum = of.UnitMinimum };

    private static TestResult Scaled(TestResult r, double factor) => r with
    {
        Difference = r.Difference * factor,
        Interval = r.Interval is { } ci ? new Interval(ci.Low * factor, ci.High * factor) : null,
        StandardError = r.StandardError * factor,
    };

    private static long UnitsWith(GroupAccumulator g, Func<GroupAccumulator, long> count) => g.Units.Values.Count(u => count(u) > 0);

    private static double? CaseWeightedMean(List<Moments> units)
    {
        var total = default(Moments);
        foreach (var unit in units)
        {
            total = Moments.Combine(total, unit);
        }

        return total.Count > 0 ? total.Mean : null;
    }
}
