namespace EvalFramework.Evaluation.Models;

/// <summary>The cost of one case, SEK, by part.</summary>
/// <param name="StaffSek">Staff effort hours × each role's loaded hourly cost.</param>
/// <param name="AiSek">AI token cost: the price table, or the events' <c>costSek</c> when given.</param>
/// <param name="FixedSek">
/// The case's share of its arm's fixed costs (pro-rated to the period) and amortised one-off costs
/// (<see cref="ArmOverhead.FixedPerCaseSek"/>).
/// </param>
/// <param name="MaintenanceSek">The case's share of its arm's maintenance cost of the period (<see cref="ArmOverhead.MaintenancePerCaseSek"/>).</param>
public sealed record CaseCost(double StaffSek, double AiSek, double FixedSek, double MaintenanceSek)
{
    /// <summary>The sum of the parts.</summary>
    public double TotalSek => StaffSek + AiSek + FixedSek + MaintenanceSek;
}
