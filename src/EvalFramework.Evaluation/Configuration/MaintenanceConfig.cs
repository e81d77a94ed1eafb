namespace EvalFramework.Evaluation.Configuration;

/// <summary>How maintenance hours (<c>pilot.maintenance</c> events) are costed (YAML section <c>maintenance</c>).</summary>
/// <param name="HourlyCostSek">Loaded hourly cost of maintenance work, SEK (<c>hourlyCostSek</c>, required, ≥ 0).</param>
/// <param name="DefaultArm">
/// The arm that bears maintenance hours sent without an <c>arm</c> (<c>defaultArm</c>, optional). When unset, such
/// hours still count in the pilot's maintenance hours but are not spread over any arm's cases (reported as unallocated).
/// </param>
public sealed record MaintenanceConfig(double HourlyCostSek, string? DefaultArm);
