namespace EvalFramework.Evaluation.Snapshots;

/// <summary>The breakdowns of one case type, arms in the order of <see cref="CaseTypeResult.Arms"/>.</summary>
/// <param name="CaseType">The case type.</param>
/// <param name="Arms">Its arms.</param>
public sealed record CaseTypeBreakdown(string CaseType, IReadOnlyList<ArmBreakdown> Arms);
