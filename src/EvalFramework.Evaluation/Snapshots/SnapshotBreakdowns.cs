namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// The snapshot's <c>breakdowns</c> section: the parts and the weekly series behind the report's charts, so a report
/// made from the stored bytes is as frozen as the numbers.
/// </summary>
/// <param name="Weeks">7-day bins from the period's start, the last one cut at its end; empty when the period has more than <see cref="MaxWeeks"/>.</param>
/// <param name="WeeklyMaintenanceHours">Maintenance hours of the period per bin (all arms); null without bins.</param>
/// <param name="CaseTypes">Per case type and arm.</param>
public sealed record SnapshotBreakdowns(
    IReadOnlyList<(DateTimeOffset From, double Days)> Weeks,
    IReadOnlyList<double>? WeeklyMaintenanceHours,
    IReadOnlyList<CaseTypeBreakdown> CaseTypes)
{
    /// <summary>The most bins a snapshot holds (about ten years); a longer period has no weekly series.</summary>
    public const int MaxWeeks = 530;
}
