namespace EvalFramework.Evaluation.Snapshots;

/// <summary>The arms and comparisons of one case type.</summary>
internal sealed record CaseTypeResult(string CaseType, IReadOnlyList<ArmResult> Arms, IReadOnlyList<ComparisonResult> Comparisons);
