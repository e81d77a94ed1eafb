namespace EvalFramework.Evaluation.Snapshots;

/// <summary>A case's summed <c>human.effort</c> seconds for one role.</summary>
/// <param name="Role">The role slug.</param>
/// <param name="Seconds">Summed seconds.</param>
public readonly record struct RoleEffort(string Role, double Seconds);
