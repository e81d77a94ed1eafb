namespace EvalFramework.Evaluation.Simulation;

/// <summary><c>case.started</c>: the case is opened (<c>CaseTracker.StartCase</c>).</summary>
/// <param name="Time">When it happens (the case's <see cref="SimulatedCase.Started"/>).</param>
/// <param name="Case">The case.</param>
public sealed record SimulatedCaseStart(DateTimeOffset Time, SimulatedCase Case) : SimulatedCaseEvent(Time, Case);
