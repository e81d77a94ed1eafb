namespace EvalFramework.Evaluation.Models;

/// <summary>
/// An arm's fixed and maintenance cost for one month and how it is spread over the arm's completed cases.
/// In a month where the arm completed no case nothing is divided: the per-case shares are 0 and the whole amount
/// is <see cref="UnallocatedSek"/>, to be reported beside cost per case, never hidden and never divided by zero.
/// </summary>
/// <param name="Arm">The arm.</param>
/// <param name="Month">The month.</param>
/// <param name="CompletedCases">Cases of the arm completed in the month.</param>
/// <param name="FixedSek">The arm's fixed monthly costs.</param>
/// <param name="MaintenanceHours">Maintenance hours borne by the arm in the month.</param>
/// <param name="MaintenanceSek">Those hours × the maintenance hourly cost.</param>
public sealed record ArmMonthOverhead(
    string Arm,
    PilotMonth Month,
    int CompletedCases,
    double FixedSek,
    double MaintenanceHours,
    double MaintenanceSek)
{
    /// <summary>Fixed cost per completed case; 0 when there were none.</summary>
    public double FixedPerCaseSek => CompletedCases > 0 ? FixedSek / CompletedCases : 0;

    /// <summary>Maintenance cost per completed case; 0 when there were none.</summary>
    public double MaintenancePerCaseSek => CompletedCases > 0 ? MaintenanceSek / CompletedCases : 0;

    /// <summary>Cost not spread over any case because the arm completed none in the month.</summary>
    public double UnallocatedSek => CompletedCases > 0 ? 0 : FixedSek + MaintenanceSek;

    /// <summary>Fixed plus maintenance cost of the month.</summary>
    public double TotalSek => FixedSek + MaintenanceSek;
}
