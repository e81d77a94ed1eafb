namespace EvalFramework.Evaluation.Snapshots;

/// <summary>What a reader must know before trusting the numbers.</summary>
/// <param name="Warnings">The engine's sentences, in English.</param>
/// <param name="CasesInPeriod">Cases started in the period.</param>
/// <param name="CasesStartedNotCompleted">Of those, not completed.</param>
/// <param name="CasesWithoutStart">Case rows of the pilot with events but no start.</param>
/// <param name="SurveysWithoutCase">Of those, rows with citizen surveys.</param>
/// <param name="SuppressedStaffGroups">Staff-survey groups (team × arm × week) under k answers, left out of every figure.</param>
/// <param name="SampleRatio">The sample-ratio check, or null without configured shares.</param>
/// <param name="MetricsBelowMinimum">The comparisons with too few cases, one line each.</param>
public sealed record DataQualityReport(
    IReadOnlyList<string> Warnings,
    long CasesInPeriod,
    long CasesStartedNotCompleted,
    long CasesWithoutStart,
    long SurveysWithoutCase,
    long SuppressedStaffGroups,
    SampleRatioCheck? SampleRatio,
    IReadOnlyList<string> MetricsBelowMinimum);
