namespace EvalFramework.Evaluation.Simulation;

/// <summary>Where a case went under the simulation's design.</summary>
/// <param name="UsedArm">The index of the arm it was handled in.</param>
/// <param name="Assignment">What its <c>case.started</c> records of its assignment; null when nothing is recorded.</param>
/// <param name="Team">Its team's name; null when the design has no teams.</param>
/// <param name="EffectUnit">The index of the unit whose effect it takes (team, handler or period); −1 for none.</param>
internal readonly record struct CasePlacement(int UsedArm, SimulatedAssignment? Assignment, string? Team, int EffectUnit);
