using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// Gives each comparison its role from the pilot's analysis plan and its verdict by that role's rule: Holm over the
/// primary family only, one-sided non-inferiority for guardrails, unadjusted and exploratory for the rest.
/// </summary>
/// <remarks>
/// The primary family is fixed by the plan, not by the data: every primary metric × case type × treatment arm of the
/// config is in it, and one without enough data (or without any case) counts with p = 1, so the family does not
/// change when a metric crosses the minimum sample. A metric that is another times a constant (co2e) is not counted
/// again: it takes the adjusted p-value of the metric whose test it shares.
/// </remarks>
internal static class PlannedComparisons
{
    /// <summary>The finished comparisons, in input order.</summary>
    /// <param name="pending">The comparisons with their case type (null for pilot-level ones).</param>
    /// <param name="plan">The pilot's analysis plan.</param>
    /// <param name="caseTypes">The pilot's case types.</param>
    /// <param name="treatments">The pilot's arms other than the baseline.</param>
    /// <param name="minimum">The fewest units per arm for a verdict.</param>
    /// <param name="familySize">The number of comparisons in the primary family (those without data included).</param>
    /// <param name="sequential">The pilot's always-valid analysis, or null when it has no planned end.</param>
    /// <param name="inference">
    /// <see cref="Inference.Sequential"/> for a look before the planned end: the primary family is Holm over always-valid
    /// p-values and primary and guardrail verdicts are at the sequential alpha; <see cref="Inference.Fixed"/> otherwise, at
    /// the final alpha when the pilot has a planned end (the rest of the plan's alpha), else at the plan's alpha.
    /// </param>
    public static List<(string? CaseType, ComparisonResult Result)> Finish(List<(string? CaseType, PendingComparison Comparison)> pending,
        AnalysisPlan plan, IReadOnlyList<string> caseTypes, IReadOnlyList<string> treatments, int minimum, out int familySize,
        SequentialSettings? sequential = null, string inference = Inference.Fixed)
    {
        var looking = inference == Inference.Sequential ? sequential : null;
        var roles = pending.Select(p => plan.RoleOf(p.CaseType, p.Comparison.Metric) ?? ComparisonRoles.Secondary).ToList();
        var family = new List<double?>();
        var familyIndex = new int[pending.Count];
        for (var i = 0; i < pending.Count; i++)
        {
            var (_, c) = pending[i];
            familyIndex[i] = -1;
            if (roles[i] == ComparisonRoles.Primary && MetricKeys.TestedAs(c.Metric) == c.Metric)
            {
                familyIndex[i] = family.Count;
                family.Add(looking is not null ? c.AlwaysValidPValue(looking, minimum) : c.Sufficient(minimum) ? c.Test.PValue : 1);
            }
        }

        var present = pending.Where((p, i) => familyIndex[i] >= 0)
            .Select(p => (p.CaseType, p.Comparison.Metric, p.Comparison.Treatment)).ToHashSet();
        var missing = PlannedFamily(plan, caseTypes, treatments).Count(k => !present.Contains(k));
        family.AddRange(Enumerable.Repeat<double?>(1, missing));
        var adjusted = Holm.Adjust(family);
        familySize = family.Count;

        var results = new List<(string?, ComparisonResult)>(pending.Count);
        for (var i = 0; i < pending.Count; i++)
        {
            var (caseType, c) = pending[i];
            var own = familyIndex[i] >= 0 ? adjusted[familyIndex[i]] : SharedAdjusted(pending, familyIndex, adjusted, caseType, c);
            var alpha = roles[i] != ComparisonRoles.Secondary && sequential is not null ? sequential.FinalAlpha : plan.Alpha;
            results.Add((caseType, c.Finish(roles[i], own, minimum, alpha, plan.MarginOf(caseType, c.Metric), looking)));
        }

        return results;
    }

    /// <summary>Every (case type, metric, treatment) the plan makes primary for the config's case types and arms.</summary>
    internal static IReadOnlyCollection<(string? CaseType, string Metric, string Treatment)> PlannedFamily(AnalysisPlan plan,
        IReadOnlyList<string> caseTypes, IReadOnlyList<string> treatments)
    {
        var keys = new HashSet<(string?, string, string)>();
        foreach (var entry in plan.Primary)
        {
            List<string?> types = MetricKeys.PlannablePilotLevel.Contains(entry.Metric) ? [null]
                : entry.CaseType is { } one ? [one] : [.. caseTypes];
            foreach (var caseType in types)
            {
                foreach (var treatment in treatments)
                {
                    keys.Add((caseType, entry.Metric, treatment));
                }
            }
        }

        return keys;
    }

    /// <summary>The adjusted p-value of the comparison whose test <paramref name="c"/> shares, when that one is primary.</summary>
    private static double? SharedAdjusted(List<(string? CaseType, PendingComparison Comparison)> pending, int[] familyIndex,
        double?[] adjusted, string? caseType, PendingComparison c)
    {
        var tested = MetricKeys.TestedAs(c.Metric);
        if (tested == c.Metric)
        {
            return null;
        }

        var j = pending.FindIndex(p => p.CaseType == caseType && p.Comparison.Treatment == c.Treatment && p.Comparison.Metric == tested);
        return j >= 0 && familyIndex[j] >= 0 ? adjusted[familyIndex[j]] : null;
    }
}
