namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// What the report's charts need of one case type and arm, frozen with the snapshot: cost and energy per case by
/// part, and completed cases per week of the period.
/// </summary>
/// <param name="Arm">The arm.</param>
/// <param name="Completed">Completed cases (the n of every part).</param>
/// <param name="Cost">Cost per case by part; null where <c>cost_per_case_sek</c> is null.</param>
/// <param name="Energy">Energy and CO2e per case by part; null where <c>energy_wh_per_case</c> is null.</param>
/// <param name="WeeklyCompleted">Completed cases per 7-day bin of <see cref="SnapshotBreakdowns.Weeks"/>; null without bins.</param>
/// <param name="CompletedAfterPeriod">Cases started in the period and completed at or after its end (in no bin).</param>
public sealed record ArmBreakdown(
    string Arm, long Completed, CostParts? Cost, EnergyParts? Energy, IReadOnlyList<long>? WeeklyCompleted, long CompletedAfterPeriod);
