namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// The intraclass correlation of one metric in one case type: the share of the variance of a case's value that lies
/// between units (one-way ANOVA estimate within arms, reported at 0 when the estimate is below 0).
/// </summary>
/// <param name="CaseType">The case type.</param>
/// <param name="Metric">The metric key.</param>
/// <param name="Value">The ICC, 0 to 1.</param>
public sealed record IccValue(string CaseType, string Metric, double Value);
