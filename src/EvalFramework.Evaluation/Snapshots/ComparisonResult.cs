namespace EvalFramework.Evaluation.Snapshots;

/// <summary>One metric of a treatment arm against the baseline arm (difference = treatment − baseline).</summary>
internal sealed record ComparisonResult(
    string Metric,
    string Baseline,
    string Treatment,
    string Method,
    long BaselineN,
    long TreatmentN,
    double? Difference,
    double? CiLow,
    double? CiHigh,
    double? RelativeChange,
    double? PValue,
    double? AdjustedPValue,
    string Verdict,
    double? NonInferiorityMargin,
    double? MinimumDetectableEffect,
    double? MinimumDetectableRelativeChange);
