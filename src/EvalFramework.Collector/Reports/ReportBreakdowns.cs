namespace EvalFramework.Collector.Reports;

/// <summary>The snapshot's <c>breakdowns</c> section (absent in snapshots made before it existed).</summary>
/// <param name="Weeks">The 7-day bins: start and length in days (the last may be shorter).</param>
/// <param name="WeeklyMaintenanceHours">Maintenance hours per bin, or null.</param>
/// <param name="Arms">Per case type and arm.</param>
internal sealed record ReportBreakdowns(
    IReadOnlyList<(DateTimeOffset From, double Days)> Weeks,
    IReadOnlyList<double>? WeeklyMaintenanceHours,
    IReadOnlyList<ReportArmBreakdown> Arms);
