namespace EvalFramework.Evaluation.Models;

/// <summary>
/// An arm's overhead in a snapshot's period and its share per closed case: a known amount added to each case's
/// variable cost, not a source of case-to-case variation. With no closed case nothing is divided: the per-case
/// shares are 0 and the whole amount is <see cref="UnallocatedSek"/>, reported beside cost per case, never hidden.
/// </summary>
/// <param name="Arm">The arm.</param>
/// <param name="ClosedCases">The arm's closed cases in the snapshot, all case types together.</param>
/// <param name="FixedSek">The arm's fixed monthly costs pro-rated to the days of the period in each month.</param>
/// <param name="OneOffSek">The part of the arm's amortised one-off costs (<c>oneOffCosts</c>) inside the period.</param>
/// <param name="MaintenanceSek">
/// The arm's maintenance cost: hours in the period × the maintenance hourly cost, with one-off kinds amortised
/// (only the part of their amortisation inside the period).
/// </param>
public sealed record ArmOverhead(string Arm, long ClosedCases, double FixedSek, double OneOffSek, double MaintenanceSek)
{
    /// <summary>Fixed, one-off and maintenance cost of the period.</summary>
    public double TotalSek => FixedSek + OneOffSek + MaintenanceSek;

    /// <summary>Overhead per closed case (<c>overhead_per_case_sek</c>); 0 when there is none.</summary>
    public double PerCaseSek => ClosedCases > 0 ? TotalSek / ClosedCases : 0;

    /// <summary>Fixed and one-off cost per closed case (the "fixed" part of the cost breakdown); 0 when there is none.</summary>
    public double FixedPerCaseSek => ClosedCases > 0 ? (FixedSek + OneOffSek) / ClosedCases : 0;

    /// <summary>Maintenance cost per closed case; 0 when there is none.</summary>
    public double MaintenancePerCaseSek => ClosedCases > 0 ? MaintenanceSek / ClosedCases : 0;

    /// <summary>Cost not spread over any case because the arm closed none in the period.</summary>
    public double UnallocatedSek => ClosedCases > 0 ? 0 : TotalSek;
}
