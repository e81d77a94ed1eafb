namespace EvalFramework.Evaluation.Models;

/// <summary>One <c>pilot.maintenance</c> event, as the overhead of an arm needs it.</summary>
/// <param name="Time">When the work was done.</param>
/// <param name="Hours">Hours of work.</param>
/// <param name="Arm">The event's arm, if any (see <see cref="CostModel.MaintenanceArmOf"/>).</param>
/// <param name="Kind">The event's kind, if any; a one-off kind (<c>maintenance.oneOffKinds</c>) is amortised.</param>
public sealed record MaintenanceWork(DateTimeOffset Time, double Hours, string? Arm, string? Kind);
