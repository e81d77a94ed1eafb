namespace EvalFramework.Evaluation.Simulation;

/// <summary>How a simulated case reached its arm: what its <c>case.started</c> <c>assignment</c> says.</summary>
/// <param name="Unit">What was assigned: <c>case</c>, <c>handler</c>, <c>team</c> or <c>period</c>.</param>
/// <param name="UnitKey">
/// The unit's own key: the case reference or the handler's reference (<c>team/h3</c>; the SDK sends only their
/// pseudonyms), the team slug, or the period key (<c>2025-W02</c> for weeks from a Monday, else the first day, <c>2025-01-06</c>).
/// </param>
/// <param name="AssignedArm">The arm the unit was assigned to; the case's <see cref="SimulatedCase.Arm"/> differs when it did not comply.</param>
public sealed record SimulatedAssignment(string Unit, string UnitKey, string AssignedArm);
