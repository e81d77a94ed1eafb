namespace EvalFramework.Evaluation.Configuration;

/// <summary>A staff role (an entry of <c>staffRoles</c>, keyed by the role slug sent in <c>human.effort</c> events).</summary>
/// <param name="Role">The role slug.</param>
/// <param name="HourlyCostSek">Loaded hourly cost in SEK: salary, employer contributions, pension and overhead (<c>hourlyCostSek</c>, required, ≥ 0).</param>
public sealed record StaffRoleConfig(string Role, double HourlyCostSek);
