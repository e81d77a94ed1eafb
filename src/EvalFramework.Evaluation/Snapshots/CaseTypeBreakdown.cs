namespace EvalFramework.Evaluation.Snapshots;

/// <summary>The breakdowns of one case type, arms in the order of <see cref="CaseTypeResult.Arms"/>.</summary>
internal sealed record CaseTypeBreakdown(string CaseType, IReadOnlyList<ArmBreakdown> Arms);
