using System.Security.Cryptography;
using System.Text;
using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>The comparisons of a treatment arm with the baseline arm in one case type, before the Holm adjustment.</summary>
internal static class ArmComparisons
{
    /// <summary>
    /// Every comparison of <paramref name="t"/> with <paramref name="b"/>, in the snapshot's metric order; descriptive
    /// metrics (<see cref="MetricKeys.Descriptive"/>) have none.
    /// </summary>
    public static IEnumerable<PendingComparison> Compare(GroupAccumulator b, GroupAccumulator t, LeadTimeSample bLead,
        LeadTimeSample tLead, double level, CostFigures costs, int seed)
    {
        PendingComparison Means(string metric, Moments mb, Moments mt) => PendingComparison.Welch(metric, b.Arm, t.Arm, mb, mt, level);

        PendingComparison Shares(string metric, long xb, long nb, long xt, long nt) =>
            PendingComparison.Share(metric, b.Arm, t.Arm, xb, nb, xt, nt, level);

        yield return new PendingComparison(MetricKeys.LeadTimeMedian, b.Arm, t.Arm, "percentile_bootstrap_median", bLead.Count,
            tLead.Count, bLead.Median.Value, l => bLead.Count > 0 && tLead.Count > 0
                ? MedianBootstrap.Compare(bLead.Sample, tLead.Sample, l, seed)
                : new TestResult(double.NaN, null, null, double.NaN), level);
        yield return Means(MetricKeys.LeadTimeMean, b.LeadTime, t.LeadTime);
        yield return Means(MetricKeys.EffortMean, b.Effort, t.Effort);
        yield return Shares(MetricKeys.ErrorRate, b.Erroneous, b.Reviewed, t.Erroneous, t.Reviewed);
        yield return Shares(MetricKeys.ConsistencyRate, b.Consistent, b.ConsistencySet, t.Consistent, t.ConsistencySet);
        yield return Shares(MetricKeys.AbandonmentRate, b.Abandoned, b.Completed, t.Abandoned, t.Completed);
        yield return Shares(MetricKeys.RejectionRate, b.Rejected, b.Completed, t.Rejected, t.Completed);
        yield return Shares(MetricKeys.EscalationRate, b.Escalated, b.Completed, t.Escalated, t.Completed);
        yield return Shares(MetricKeys.IntegrationFailureRate, b.IntegrationFailed, b.Completed, t.IntegrationFailed, t.Completed);
        yield return Means(MetricKeys.CsatMean, b.Csat, t.Csat);
        yield return Shares(MetricKeys.CsatSatisfiedShare, b.Satisfied, b.Responded, t.Satisfied, t.Responded);
        yield return new PendingComparison(MetricKeys.Nps, b.Arm, t.Arm, NetPromoterScore.Method, b.NpsCount, t.NpsCount,
            b.NpsCount > 0 ? NetPromoterScore.Value(b.NpsPromoters, b.NpsDetractors, b.NpsCount) : null,
            l => NetPromoterScore.Compare(b.NpsPromoters, b.NpsDetractors, b.NpsCount, t.NpsPromoters, t.NpsDetractors, t.NpsCount, l), level);
        yield return Shares(MetricKeys.SurveyResponseRate, b.Responded, b.Completed, t.Responded, t.Completed);
        if (costs.CostMoments(b) is { } cb && costs.CostMoments(t) is { } ct)
        {
            yield return Means(MetricKeys.CostPerCase, cb, ct);
        }

        if (costs.EnergyMoments(b) is { } eb && costs.EnergyMoments(t) is { } et)
        {
            // co2e is energy times the grid factor: the same test, scaled (it shares energy's role and adjusted p-value).
            var energy = Means(MetricKeys.EnergyPerCase, eb, et);
            yield return energy;
            yield return SameTest(energy, MetricKeys.Co2ePerCase, costs.Co2ePerWh);
        }
    }

    /// <summary>
    /// The comparison of a metric that is <paramref name="of"/>'s metric times <paramref name="factor"/>: the same test, its
    /// difference, interval, baseline value and standard error scaled, its p-value the same to the last digit.
    /// </summary>
    private static PendingComparison SameTest(PendingComparison of, string metric, double factor) =>
        new(metric, of.Baseline, of.Treatment, of.Method, of.BaselineN, of.TreatmentN, of.BaselineValue * factor,
            l => Scaled(of.TestAt(l), factor), of.Level);

    private static TestResult Scaled(TestResult t, double factor) => new(t.Difference * factor,
        t.Interval is { } ci ? new Interval(ci.Low * factor, ci.High * factor) : null, t.PValue, t.StandardError * factor);

    /// <summary>The median bootstrap's seed for a case type and arm: from the data hash, so the same data gives the same draws.</summary>
    public static int Seed(string dataSha256, string caseType, string arm)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(dataSha256 + "\n" + caseType + "\n" + arm));
        return BitConverter.ToInt32(bytes, 0);
    }
}
