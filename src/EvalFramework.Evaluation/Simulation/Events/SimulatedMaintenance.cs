namespace EvalFramework.Evaluation.Simulation;

/// <summary><c>pilot.maintenance</c>: maintenance work on an arm (<c>CaseTracker.RecordMaintenance</c>).</summary>
/// <param name="Time">When it is reported.</param>
/// <param name="Hours">Hours spent.</param>
/// <param name="Kind">What kind of work (slug), e.g. <c>prompt-update</c>.</param>
/// <param name="Arm">The arm it was for.</param>
public sealed record SimulatedMaintenance(DateTimeOffset Time, double Hours, string Kind, string Arm) : SimulatedEvent(Time);
