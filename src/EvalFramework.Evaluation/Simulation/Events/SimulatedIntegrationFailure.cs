namespace EvalFramework.Evaluation.Simulation;

/// <summary><c>integration.failure</c>: a call to another system failed (<c>TrackedCase.RecordIntegrationFailure</c>).</summary>
/// <param name="Time">When it happens.</param>
/// <param name="Case">The case.</param>
/// <param name="System">The other system (slug).</param>
/// <param name="Kind">What failed (slug), e.g. <c>timeout</c>.</param>
public sealed record SimulatedIntegrationFailure(DateTimeOffset Time, SimulatedCase Case, string System, string Kind) : SimulatedCaseEvent(Time, Case);
