namespace EvalFramework.Evaluation.Simulation;

/// <summary><c>case.escalated</c>: the AI handed the case to a person (<c>TrackedCase.RecordEscalation</c>).</summary>
/// <param name="Time">When it happens.</param>
/// <param name="Case">The case.</param>
/// <param name="Reason">Why (slug); null when the pilot's config lists no escalation reasons.</param>
public sealed record SimulatedEscalation(DateTimeOffset Time, SimulatedCase Case, string? Reason) : SimulatedCaseEvent(Time, Case);
