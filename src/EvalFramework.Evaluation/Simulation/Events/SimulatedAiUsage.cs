namespace EvalFramework.Evaluation.Simulation;

/// <summary><c>ai.usage</c>: one AI call on the case (<c>TrackedCase.RecordAiUsage</c>).</summary>
/// <param name="Time">When it is recorded.</param>
/// <param name="Case">The case.</param>
/// <param name="Model">The model name.</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="DurationMs">How long the call took, milliseconds.</param>
public sealed record SimulatedAiUsage(DateTimeOffset Time, SimulatedCase Case, string Model, long InputTokens, long OutputTokens, double DurationMs)
    : SimulatedCaseEvent(Time, Case);
