namespace EvalFramework.Evaluation.Simulation;

/// <summary><c>human.effort</c>: a session of staff work on the case (<c>TrackedCase.RecordEffort</c>).</summary>
/// <param name="Time">When it is recorded.</param>
/// <param name="Case">The case.</param>
/// <param name="Role">The staff role slug.</param>
/// <param name="Seconds">The time worked, more than zero and at most a day.</param>
public sealed record SimulatedEffort(DateTimeOffset Time, SimulatedCase Case, string Role, double Seconds) : SimulatedCaseEvent(Time, Case);
