namespace EvalFramework.Collector.Reports;

/// <summary>One comparison of a treatment arm with the baseline arm (difference = treatment − baseline).</summary>
internal sealed record ReportComparison(
    string CaseType,
    string Metric,
    string Baseline,
    string Treatment,
    double? Difference,
    double? CiLow,
    double? CiHigh,
    double? RelativeChange,
    string Verdict,
    long BaselineN,
    long TreatmentN,
    double? NonInferiorityMargin,
    double? MinimumDetectableEffect,
    double? MinimumDetectableRelativeChange);
