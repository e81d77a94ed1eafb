using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>How the report looks things up in a snapshot document, where a snapshot may lack what another has.</summary>
internal static class SnapshotLookups
{
    /// <summary>The case type the page gives pilot-level comparisons (as the CSV does).</summary>
    public const string PilotLevel = SnapshotCsv.PilotLevel;

    /// <summary>The metric, or null when the snapshot does not have it.</summary>
    public static MetricValue? Find(this ArmResult arm, string metric)
    {
        foreach (var (key, value) in arm.Metrics)
        {
            if (key == metric)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The arm of the case type, or null.</summary>
    public static ArmResult? Arm(this CaseTypeResult caseType, string arm) => caseType.Arms.FirstOrDefault(a => a.Arm == arm);

    /// <summary>Every comparison of the snapshot with its case type, in stored order (case types, then their comparisons).</summary>
    public static IEnumerable<(CaseTypeResult CaseType, ComparisonResult Comparison)> Comparisons(this SnapshotDocument snapshot) =>
        snapshot.CaseTypes.SelectMany(t => t.Comparisons.Select(c => (t, c)));

    /// <summary>
    /// Every comparison with its case type: the case types' in stored order, then the pilot-level ones (staff well-being
    /// per person) with <see cref="PilotLevel"/>.
    /// </summary>
    public static IEnumerable<(string CaseType, ComparisonResult Comparison)> AllComparisons(this SnapshotDocument snapshot) =>
        snapshot.Comparisons().Select(c => (c.CaseType.CaseType, c.Comparison))
            .Concat((snapshot.PilotComparisons ?? []).Select(c => (PilotLevel, c)));

    /// <summary>The size of the Holm family (every planned primary comparison, with enough data or not); zero without a plan.</summary>
    public static int PrimaryFamilySize(this SnapshotDocument snapshot) => snapshot.Plan?.PrimaryFamilySize ?? 0;

    /// <summary>The arms over all case types: the baseline first, then the others in the order the snapshot lists them.</summary>
    public static IReadOnlyList<string> Arms(this SnapshotDocument snapshot) =>
        [.. snapshot.CaseTypes.SelectMany(c => c.Arms.Select(a => a.Arm)).Prepend(snapshot.Settings.BaselineArm).Distinct(StringComparer.Ordinal)
            .Where(a => a != snapshot.Settings.BaselineArm || snapshot.CaseTypes.Any(c => c.Arm(a) is not null))];

    /// <summary>The breakdowns of every case type and arm, in stored order.</summary>
    public static IEnumerable<(string CaseType, ArmBreakdown Arm)> Arms(this SnapshotBreakdowns breakdowns) =>
        breakdowns.CaseTypes.SelectMany(t => t.Arms.Select(a => (t.CaseType, a)));

    /// <summary>A part of a breakdown as the chart draws it: a part the document has no number for counts as zero.</summary>
    public static double Part(double value) => double.IsFinite(value) ? value : 0;
}
