namespace EvalFramework.Evaluation.Snapshots;

/// <summary>A pilot's registered analysis plan: the plan's hash as it was frozen, and when.</summary>
/// <param name="Sha256">The registered plan's <see cref="Configuration.AnalysisPlan.Sha256"/>.</param>
/// <param name="RegisteredAt">When it was registered.</param>
public sealed record RegisteredPlan(string Sha256, DateTimeOffset RegisteredAt);
