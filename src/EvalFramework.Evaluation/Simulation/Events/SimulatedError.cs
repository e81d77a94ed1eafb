namespace EvalFramework.Evaluation.Simulation;

/// <summary><c>case.error</c>: an error found on the case (<c>TrackedCase.RecordError</c>).</summary>
/// <param name="Time">When it is found.</param>
/// <param name="Case">The case.</param>
/// <param name="Source">Where it was found: <c>quality_review</c>, <c>reopened</c> or <c>complaint</c>.</param>
/// <param name="Severity"><c>minor</c>, <c>major</c> or <c>critical</c>.</param>
public sealed record SimulatedError(DateTimeOffset Time, SimulatedCase Case, string Source, string Severity) : SimulatedCaseEvent(Time, Case);
