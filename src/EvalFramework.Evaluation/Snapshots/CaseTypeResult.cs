namespace EvalFramework.Evaluation.Snapshots;

/// <summary>The arms and comparisons of one case type.</summary>
/// <param name="CaseType">The case type.</param>
/// <param name="Arms">The arms, baseline first.</param>
/// <param name="Comparisons">Each treatment arm against the baseline, per compared metric.</param>
public sealed record CaseTypeResult(string CaseType, IReadOnlyList<ArmResult> Arms, IReadOnlyList<ComparisonResult> Comparisons);
