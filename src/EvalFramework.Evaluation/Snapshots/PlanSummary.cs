using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>The analysis plan a snapshot's verdicts were made with, and how it relates to the registered plan.</summary>
/// <param name="Sha256">The plan's hash (<see cref="AnalysisPlan.Sha256"/>).</param>
/// <param name="Alpha">The significance level.</param>
/// <param name="Primary">The primary metrics.</param>
/// <param name="Guardrails">The guardrails with their margins.</param>
/// <param name="Configured">Whether the pilot's config has a plan (else the default plan was used).</param>
/// <param name="Registered">The registered plan, or null when none was registered before the snapshot.</param>
/// <param name="RegisteredAfterData">
/// Whether the plan was registered after the period's first case started (null when none is registered): then it may
/// have been chosen after seeing data.
/// </param>
/// <param name="PrimaryFamilySize">
/// The comparisons in the Holm family: every primary metric × case type × treatment arm of the config, with enough data or not.
/// </param>
public sealed record PlanSummary(string Sha256, double Alpha, IReadOnlyList<PlannedMetric> Primary, IReadOnlyList<PlannedMetric> Guardrails,
    bool Configured, RegisteredPlan? Registered, bool? RegisteredAfterData, int PrimaryFamilySize)
{
    /// <summary>Whether the plan differs from the registered one; null when none is registered.</summary>
    public bool? ChangedAfterRegistration => Registered is null ? null : Registered.Sha256 != Sha256;

    /// <summary>The summary of <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan used.</param>
    /// <param name="registered">The registered plan, if any.</param>
    /// <param name="firstStartedMs">The earliest case start used (<see cref="long.MaxValue"/> when none).</param>
    /// <param name="primaryFamilySize">The comparisons in the Holm family.</param>
    internal static PlanSummary Of(AnalysisPlan plan, RegisteredPlan? registered, long firstStartedMs, int primaryFamilySize) =>
        new(plan.Sha256, plan.Alpha, plan.Primary, plan.Guardrails, plan.IsConfigured, registered,
            registered is null ? null : registered.RegisteredAt.ToUnixTimeMilliseconds() > firstStartedMs, primaryFamilySize);
}
