namespace EvalFramework.Collector.Reports;

/// <summary>What a report shows of one stored snapshot: its JSON read once into records.</summary>
internal sealed record ReportSnapshot(
    string Id,
    string Pilot,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset CreatedAt,
    string MethodologyVersion,
    string? ConfigSha256,
    string DataSha256,
    double ConfidenceLevel,
    int MinSamplePerArm,
    int KAnonymity,
    string BaselineArm,
    IReadOnlyList<ReportCaseType> CaseTypes,
    IReadOnlyList<ReportPilotMetric> PilotMetrics,
    ReportDataQuality DataQuality,
    ReportBreakdowns? Breakdowns)
{
    /// <summary>Every comparison of the snapshot, in stored order (case types, then their comparisons).</summary>
    public IEnumerable<ReportComparison> Comparisons => CaseTypes.SelectMany(c => c.Comparisons);

    /// <summary>The arms over all case types: the baseline first, then the others in the order the snapshot lists them.</summary>
    public IReadOnlyList<string> Arms { get; } =
        [.. CaseTypes.SelectMany(c => c.Arms.Select(a => a.Arm)).Prepend(BaselineArm).Distinct(StringComparer.Ordinal)
            .Where(a => a != BaselineArm || CaseTypes.Any(c => c.Arm(a) is not null))];
}
