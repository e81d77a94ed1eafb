using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// The comparisons by the arm each case was handled in (as treated), put beside the ones by assigned arm: in every case
/// type where some case did not comply, each comparison gets the same test on the as-treated groups at the snapshot's
/// level (<see cref="ComparisonResult.AsTreated"/>), by the same method: cluster-robust under a clustered design (the
/// units are still the assigned ones, so a unit whose cases switched is in both arms). Elsewhere the two are the same,
/// so none is added.
/// </summary>
internal static class AsTreatedComparisons
{
    /// <summary>The comparisons, those of case types with non-compliance given their as-treated difference and interval.</summary>
    /// <param name="comparisons">The finished comparisons by assigned arm (pilot-level ones have no case type and get none).</param>
    /// <param name="data">The accumulated data.</param>
    /// <param name="baseline">The baseline arm.</param>
    /// <param name="level">The snapshot's confidence level.</param>
    /// <param name="costs">Cost and energy availability and overheads.</param>
    /// <param name="dataSha256">The data hash (seeds the median bootstrap, as for the comparisons by assigned arm).</param>
    /// <param name="design">The pilot's design: clustered or case by case.</param>
    public static List<(string? CaseType, ComparisonResult Result)> Attach(List<(string? CaseType, ComparisonResult Result)> comparisons,
        SnapshotAccumulator data, string baseline, double level, CostFigures costs, string dataSha256, DesignConfig design)
    {
        if (data.AsTreatedGroups is not { } groups)
        {
            return comparisons;
        }

        var tests = new Dictionary<(string CaseType, string Treatment, string Metric), TestResult>();
        foreach (var caseType in data.Compliance.NonCompliantCaseTypes)
        {
            if (!groups.TryGetValue((caseType, baseline), out var b))
            {
                continue;
            }

            var bLead = LeadTimeSample.Prepare(b.LeadTimes.ToArray(), level);
            foreach (var t in groups.Values.Where(g => g.CaseType == caseType && g.Arm != baseline))
            {
                var tLead = LeadTimeSample.Prepare(t.LeadTimes.ToArray(), level);
                var pending = design.IsClustered
                    ? ClusteredComparisons.Compare(b, t, bLead, tLead, level, costs, design.Unit, design.MinUnitsPerArm)
                    : ArmComparisons.Compare(b, t, bLead, tLead, level, costs, ArmComparisons.Seed(dataSha256, caseType, t.Arm));
                foreach (var c in pending)
                {
                    tests[(caseType, t.Arm, c.Metric)] = c.Test;
                }
            }
        }

        return [.. comparisons.Select(c => c.CaseType is { } caseType
            && tests.TryGetValue((caseType, c.Result.Treatment, c.Result.Metric), out var test)
            ? (c.CaseType, c.Result with { AsTreated = Of(test) })
            : c)];
    }

    private static AsTreatedResult Of(TestResult test) =>
        new(double.IsNaN(test.Difference) ? null : test.Difference, test.Interval?.Low, test.Interval?.High);
}
