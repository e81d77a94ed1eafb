using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// The difference-in-differences comparisons of one case type under a before/after design with a concurrent control:
/// the treated group (cases whose unit was assigned the treatment arm) and the control group (assigned the baseline
/// arm), each before and after <c>design.aiStart</c>, every mean and share metric by
/// <see cref="DifferenceInDifferences"/>. A share is the mean of a 0/1 value. The median lead time, cost and energy
/// have no difference-in-differences here; their arms' figures are still shown.
/// </summary>
internal static class BeforeAfterComparisons
{
    /// <summary>Every difference-in-differences comparison of <paramref name="ta"/>'s arm with <paramref name="ca"/>'s.</summary>
    /// <param name="cb">The control group before the start.</param>
    /// <param name="ca">The control group after the start (the baseline arm).</param>
    /// <param name="tb">The treated group before the start.</param>
    /// <param name="ta">The treated group after the start (the treatment arm).</param>
    /// <param name="level">The confidence level.</param>
    public static IEnumerable<PendingComparison> Compare(GroupAccumulator cb, GroupAccumulator ca, GroupAccumulator tb, GroupAccumulator ta, double level)
    {
        PendingComparison Did(string metric, Func<GroupAccumulator, Moments> of) => Of(metric, ca.Arm, ta.Arm, of(cb), of(ca), of(tb), of(ta), level);

        Func<GroupAccumulator, Moments> Share(Func<GroupAccumulator, long> x, Func<GroupAccumulator, long> n) =>
            g => Moments.FromIntegerSums(n(g), x(g), x(g));

        yield return Did(MetricKeys.LeadTimeMean, g => g.LeadTime);
        yield return Did(MetricKeys.EffortMean, g => g.Effort);
        yield return Did(MetricKeys.ErrorRate, Share(g => g.Erroneous, g => g.Reviewed));
        yield return Did(MetricKeys.ConsistencyRate, Share(g => g.Consistent, g => g.ConsistencySet));
        yield return Did(MetricKeys.AbandonmentRate, Share(g => g.Abandoned, g => g.Completed));
        yield return Did(MetricKeys.RejectionRate, Share(g => g.Rejected, g => g.Completed));
        yield return Did(MetricKeys.EscalationRate, Share(g => g.Escalated, g => g.Completed));
        yield return Did(MetricKeys.IntegrationFailureRate, Share(g => g.IntegrationFailed, g => g.Completed));
        yield return Did(MetricKeys.CsatMean, g => g.Csat);
        yield return Did(MetricKeys.CsatSatisfiedShare, Share(g => g.Satisfied, g => g.Responded));
        yield return Did(MetricKeys.Nps, NpsScores);
        yield return Did(MetricKeys.SurveyResponseRate, Share(g => g.Responded, g => g.Completed));
    }

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
