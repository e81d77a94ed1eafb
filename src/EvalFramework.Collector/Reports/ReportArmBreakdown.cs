namespace EvalFramework.Collector.Reports;

/// <summary>The breakdowns of one case type and arm; a part is null where the snapshot has none.</summary>
internal sealed record ReportArmBreakdown(
    string CaseType,
    string Arm,
    long N,
    ReportCostParts? Cost,
    ReportEnergyParts? Energy,
    ReportEnergyParts? Co2e,
    IReadOnlyList<long>? WeeklyCompleted,
    long CompletedAfterPeriod);
