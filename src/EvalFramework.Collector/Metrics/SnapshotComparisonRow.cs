namespace EvalFramework.Collector.Metrics;

/// <summary>
/// One comparison of a snapshot (treatment − baseline of a metric within a case type, or <c>_all</c> for a pilot-level
/// one) with its verdict, its role in the analysis plan (<c>primary</c>, <c>guardrail</c> or <c>secondary</c>) and how
/// the verdict was reached (<c>inference</c>): <c>sequential</c> (an always-valid confidence sequence before the pilot's
/// planned end: safe to check every day), <c>final</c> (the fixed-horizon analysis of a pilot with a planned end, at or
/// after it) or <c>fixed</c> (a fixed-horizon test of a pilot without a planned end, or an exploratory comparison).
/// </summary>
internal sealed record SnapshotComparisonRow(
    string CaseType, string Metric, string Baseline, string Treatment, double? Difference, double? CiLow, double? CiHigh, string Verdict,
    string Role, string Inference = "fixed")
{
    /// <summary>The <c>inference</c> label of a goal's or guardrail's verdict at or after the planned end.</summary>
    public const string Final = "final";
}
