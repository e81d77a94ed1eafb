namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>An arm's fixed and maintenance cost of one month per completed case of that month (SEK).</summary>
/// <param name="FixedPerCaseSek">The arm's fixed monthly costs ÷ its completed cases of the month.</param>
/// <param name="MaintenancePerCaseSek">The arm's maintenance cost of the month ÷ its completed cases of the month.</param>
internal readonly record struct OverheadShare(double FixedPerCaseSek, double MaintenancePerCaseSek)
{
    /// <summary>What each completed case of the month bears in all.</summary>
    public double TotalSek => FixedPerCaseSek + MaintenancePerCaseSek;
}
