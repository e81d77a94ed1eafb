namespace EvalFramework.Reports;

/// <summary>One row of the forest plot: a comparison as a share of the baseline, oriented so that positive is better.</summary>
/// <param name="CaseType">The case type slug (a data attribute).</param>
/// <param name="Metric">The metric key (a data attribute).</param>
/// <param name="Label">What the row is, in words.</param>
/// <param name="Estimate">The oriented relative difference, or null without a relative scale.</param>
/// <param name="Low">Its interval's low end, or null.</param>
/// <param name="High">Its interval's high end, or null.</param>
/// <param name="Verdict">The verdict key.</param>
/// <param name="VerdictLabel">The verdict in words.</param>
/// <param name="Sentence">The plain-language sentence (the row's tooltip).</param>
/// <param name="Role">The comparison's role (a data attribute), or null in a snapshot without roles.</param>
internal sealed record ForestRow(
    string CaseType, string Metric, string Label, double? Estimate, double? Low, double? High, string Verdict, string VerdictLabel, string Sentence,
    string? Role = null);
