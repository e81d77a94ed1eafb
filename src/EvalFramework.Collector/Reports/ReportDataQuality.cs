namespace EvalFramework.Collector.Reports;

/// <summary>The snapshot's data-quality section.</summary>
/// <param name="Warnings">The engine's sentences, in English, as stored.</param>
/// <param name="CasesInPeriod">Cases started in the period.</param>
/// <param name="CasesStartedNotCompleted">Of those, not completed.</param>
/// <param name="CasesWithoutStart">Case rows of the pilot with events but no start.</param>
/// <param name="SurveysWithoutCase">Of those, rows with citizen surveys.</param>
/// <param name="SuppressedStaffGroups">Staff-survey groups (team × arm × week) under k answers, left out of every figure.</param>
/// <param name="StartedByArm">Started cases per configured arm (the sample-ratio check's observed counts), or empty.</param>
/// <param name="SampleRatioMismatch">Whether the sample-ratio check found a mismatch.</param>
/// <param name="MetricsBelowMinimum">The comparisons with too few cases, one line each.</param>
internal sealed record ReportDataQuality(
    IReadOnlyList<string> Warnings,
    long CasesInPeriod,
    long CasesStartedNotCompleted,
    long CasesWithoutStart,
    long SurveysWithoutCase,
    long SuppressedStaffGroups,
    IReadOnlyList<KeyValuePair<string, long>> StartedByArm,
    bool SampleRatioMismatch,
    IReadOnlyList<string> MetricsBelowMinimum);
