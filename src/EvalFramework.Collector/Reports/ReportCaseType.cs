namespace EvalFramework.Collector.Reports;

/// <summary>The arms (baseline first) and comparisons of one case type.</summary>
internal sealed record ReportCaseType(string CaseType, IReadOnlyList<ReportArm> Arms, IReadOnlyList<ReportComparison> Comparisons)
{
    /// <summary>The arm, or null.</summary>
    public ReportArm? Arm(string arm) => Arms.FirstOrDefault(a => a.Arm == arm);
}
