namespace EvalFramework.Evaluation.Simulation;

/// <summary>An event that belongs to a case (recorded on <c>CaseTracker.StartCase</c> or <c>CaseTracker.Case</c>).</summary>
/// <param name="Time">When it happens.</param>
/// <param name="Case">The case it belongs to.</param>
public abstract record SimulatedCaseEvent(DateTimeOffset Time, SimulatedCase Case) : SimulatedEvent(Time);
