namespace EvalFramework.Evaluation.Configuration;

/// <summary>A metric in an analysis plan, for one case type or for all of them.</summary>
/// <param name="CaseType">The case type, or null for every case type (and for pilot-level metrics).</param>
/// <param name="Metric">The metric key.</param>
/// <param name="Margin">A guardrail's non-inferiority margin, in the metric's unit; null for a primary metric.</param>
public sealed record PlannedMetric(string? CaseType, string Metric, double? Margin = null)
{
    /// <summary>Whether the entry covers <paramref name="metric"/> in <paramref name="caseType"/>.</summary>
    /// <param name="caseType">A case type, or null for a pilot-level comparison.</param>
    /// <param name="metric">A metric key.</param>
    /// <returns>True when the metric matches and the entry is for that case type or for all.</returns>
    public bool Covers(string? caseType, string metric) => Metric == metric && (CaseType is null || CaseType == caseType);
}
