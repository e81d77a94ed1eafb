namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// One event of a simulated pilot: what a pilot's service would record through one SDK call, and when. The
/// generator (<see cref="PilotSimulator"/>) yields them in time order; a player in the apps records each through the
/// SDK's <c>CaseTracker</c> with the tracker's clock set to <see cref="Time"/>.
/// </summary>
/// <param name="Time">When it happens, UTC, in whole milliseconds.</param>
public abstract record SimulatedEvent(DateTimeOffset Time);
