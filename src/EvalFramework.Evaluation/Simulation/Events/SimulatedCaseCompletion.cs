namespace EvalFramework.Evaluation.Simulation;

/// <summary><c>case.completed</c>: the case is done (<c>TrackedCase.Complete</c>).</summary>
/// <param name="Time">When it is completed.</param>
/// <param name="Case">The case.</param>
/// <param name="Outcome"><c>resolved</c> or <c>abandoned</c>.</param>
public sealed record SimulatedCaseCompletion(DateTimeOffset Time, SimulatedCase Case, string Outcome) : SimulatedCaseEvent(Time, Case);
