namespace EvalFramework.Evaluation.Models;

/// <summary>What one arm did in one month: the denominators over which its fixed and maintenance costs are spread.</summary>
/// <param name="CompletedCases">Cases of the arm completed in the month, over all case types of the pilot (≥ 0).</param>
/// <param name="MaintenanceHours">
/// Maintenance hours borne by the arm in the month: <c>pilot.maintenance</c> events with this arm, plus those
/// without an arm when the arm is the config's <c>maintenance.defaultArm</c> (see <see cref="CostModel.MaintenanceArmOf"/>).
/// </param>
public sealed record ArmMonthActivity(int CompletedCases, double MaintenanceHours);
