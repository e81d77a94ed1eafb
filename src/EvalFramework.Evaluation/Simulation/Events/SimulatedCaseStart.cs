namespace EvalFramework.Evaluation.Simulation;

/// <summary><c>case.started</c>: the case is opened (<see cref="CaseTracker.StartCase"/>).</summary>
/// <param name="Time">When it happens (the case's <see cref="SimulatedCase.Started"/>).</param>
/// <param name="Case">The case.</param>
public sealed record SimulatedCaseStart(DateTimeOffset Time, SimulatedCase Case) : SimulatedCaseEvent(Time, Case);
