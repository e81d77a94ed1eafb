namespace EvalFramework.Evaluation.Snapshots;

/// <summary>What a reader must know before trusting the numbers.</summary>
internal sealed record DataQualityReport(
    IReadOnlyList<string> Warnings,
    long CasesInPeriod,
    long CasesStartedNotCompleted,
    long CasesWithoutStart,
    long SurveysWithoutCase,
    long SuppressedStaffGroups,
    SampleRatioCheck? SampleRatio,
    IReadOnlyList<string> MetricsBelowMinimum);
