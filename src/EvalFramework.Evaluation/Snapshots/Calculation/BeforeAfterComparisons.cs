using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// The difference-in-differences comparisons of one case type under a before/after design with a concurrent control:
/// the treated group (cases whose unit was assigned the treatment arm) and the control group (assigned the baseline
/// arm), each before and after <c>design.aiStart</c>, every mean and share metric by
/// <see cref="DifferenceInDifferences"/>. A share is the mean of a 0/1 value. The median lead time, cost and energy
/// have no difference-in-differences here; their arms' figures are still shown. Under a handler or team design the
/// difference in differences is by unit (<see cref="CompareByUnit"/>).
/// </summary>
internal static class BeforeAfterComparisons
{
    /// <summary>The compared metrics, each as the moments of its per-case value in a group.</summary>
    private static readonly (string Metric, Func<GroupAccumulator, Moments> Of)[] Metrics =
    [
        (MetricKeys.LeadTimeMean, g => g.LeadTime),
        (MetricKeys.EffortMean, g => g.Effort),
        (MetricKeys.ErrorRate, Share(g => g.Erroneous, g => g.Reviewed)),
        (MetricKeys.ConsistencyRate, Share(g => g.Consistent, g => g.ConsistencySet)),
        (MetricKeys.AbandonmentRate, Share(g => g.Abandoned, g => g.Completed)),
        (MetricKeys.RejectionRate, Share(g => g.Rejected, g => g.Completed)),
        (MetricKeys.EscalationRate, Share(g => g.Escalated, g => g.Completed)),
        (MetricKeys.IntegrationFailureRate, Share(g => g.IntegrationFailed, g => g.Completed)),
        (MetricKeys.CsatMean, g => g.Csat),
        (MetricKeys.CsatSatisfiedShare, Share(g => g.Satisfied, g => g.Responded)),
        (MetricKeys.Nps, NpsScores),
        (MetricKeys.SurveyResponseRate, Share(g => g.Responded, g => g.Completed)),
    ];

    /// <summary>The method of a difference in differences by unit.</summary>
    public const string ByUnitMethod = "difference_in_differences_unit_welch";

    /// <summary>Every difference-in-differences comparison of <paramref name="ta"/>'s arm with <paramref name="ca"/>'s.</summary>
    /// <param name="cb">The control group before the start.</param>
    /// <param name="ca">The control group after the start (the baseline arm).</param>
    /// <param name="tb">The treated group before the start.</param>
    /// <param name="ta">The treated group after the start (the treatment arm).</param>
    /// <param name="level">The confidence level.</param>
    public static IEnumerable<PendingComparison> Compare(GroupAccumulator cb, GroupAccumulator ca, GroupAccumulator tb, GroupAccumulator ta, double level) =>
        Metrics.Select(m => Of(m.Metric, ca.Arm, ta.Arm, m.Of(cb), m.Of(ca), m.Of(tb), m.Of(ta), level));

    /// <summary>
    /// The difference in differences by unit (handler or team): each unit with cases on both sides of the start gives
    /// one change, its mean after − its mean before (its own effect cancels); the estimate is the treated units' mean
    /// change − the control units' (each unit weighing the same), with Welch's interval over the units' changes. Its
    /// sample sizes are the units with a change, needing <paramref name="minUnits"/> per group.
    /// </summary>
    public static IEnumerable<PendingComparison> CompareByUnit(GroupAccumulator cb, GroupAccumulator ca, GroupAccumulator tb, GroupAccumulator ta,
        double level, string unit, int minUnits) =>
        Metrics.Select(m =>
        {
            var control = Changes(cb, ca, m.Of);
            var treated = Changes(tb, ta, m.Of);
            var (mcb, mca, mtb) = (m.Of(cb), m.Of(ca), m.Of(tb));
            var counterfactual = mtb.Count > 0 && mca.Count > 0 && mcb.Count > 0 ? mtb.Mean + (mca.Mean - mcb.Mean) : (double?)null;
            return new PendingComparison(m.Metric, ca.Arm, ta.Arm, ByUnitMethod, control.Count, treated.Count, counterfactual,
                l => WelchTest.Compare(control, treated, l), level) { Unit = unit, UnitMinimum = minUnits };
        });

    /// <summary>Per unit with a value on both sides of the start, in unit order: its mean after − its mean before.</summary>
    private static Moments Changes(GroupAccumulator before, GroupAccumulator after, Func<GroupAccumulator, Moments> of)
    {
        var changes = default(Moments);
        foreach (var (id, a) in after.Units.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            if (before.Units.TryGetValue(id, out var b) && of(b) is { Count: > 0 } mb && of(a) is { Count: > 0 } ma)
            {
                changes.Add(ma.Mean - mb.Mean);
            }
        }

        return changes;
    }

    private static Func<GroupAccumulator, Moments> Share(Func<GroupAccumulator, long> x, Func<GroupAccumulator, long> n) =>
        g => Moments.FromIntegerSums(n(g), x(g), x(g));

    /// <summary>
    /// One difference-in-differences comparison. Its baseline value is the treated group's counterfactual after the
    /// start, treated before + (control after − control before), so a relative change is against what the treated group
    /// would have had without the AI; its sample sizes are each group's smaller period, so the minimum sample applies
    /// to every cell.
    /// </summary>
    public static PendingComparison Of(string metric, string baseline, string treatment, Moments cb, Moments ca, Moments tb, Moments ta, double level)
    {
        var counterfactual = tb.Count > 0 && ca.Count > 0 && cb.Count > 0 ? tb.Mean + (ca.Mean - cb.Mean) : (double?)null;
        return new PendingComparison(metric, baseline, treatment, DifferenceInDifferences.Method, Math.Min(cb.Count, ca.Count),
            Math.Min(tb.Count, ta.Count), counterfactual, l => DifferenceInDifferences.Compare(cb, ca, tb, ta, l), level);
    }

    /// <summary>The net promoter answers as scores of +100 (promoter), −100 (detractor) and 0, whose mean is the score.</summary>
    private static Moments NpsScores(GroupAccumulator g) =>
        Moments.FromIntegerSums(g.NpsCount, 100 * (g.NpsPromoters - g.NpsDetractors), 10_000 * (g.NpsPromoters + g.NpsDetractors));
}
