using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Evaluation.Snapshots.Calculation;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// The level a planned comparison is tested at in the pilot's final analysis, as its analysis plan and design fix it
/// (docs/methods.md, "Planning a pilot"): the plan's alpha; for a primary or guardrail comparison of a pilot with a
/// planned end, what is left of it after the daily looks before the end (0.8 α, <see cref="SequentialSettings.FinalAlpha"/>);
/// a level given in its place (<c>--alpha</c>) overrides both. A primary comparison in a family of k &gt; 1 that Holm
/// adjusts together is tested at that level only when the others show differences first; in the worst case (none of
/// them does) it must pass Holm's first step, α/k (<see cref="HolmWorstCase"/>).
/// </summary>
public sealed record PowerTestLevel
{
    /// <summary>The level of the final analysis's test of the comparison.</summary>
    public required double Alpha { get; init; }

    /// <summary>The comparison's role in the plan: one of <see cref="ComparisonRoles"/>.</summary>
    public required string Role { get; init; }

    /// <summary>The comparisons in the plan's primary family (every primary metric × case type × treatment arm); 0 without one.</summary>
    public int FamilySize { get; init; }

    /// <summary>The analysis plan's alpha.</summary>
    public required double PlanAlpha { get; init; }

    /// <summary>The pilot's planned end when <see cref="Alpha"/> is the final analysis's share of the plan's alpha; else null.</summary>
    public DateTimeOffset? PlannedEnd { get; init; }

    /// <summary>Whether <see cref="Alpha"/> was given (<c>--alpha</c>) in place of the plan's.</summary>
    public bool IsGiven { get; init; }

    /// <summary>α/k for a primary comparison in a family of k &gt; 1 (Holm's first step); null otherwise.</summary>
    public double? HolmWorstCase => Role == ComparisonRoles.Primary && FamilySize > 1 ? Alpha / FamilySize : null;

    /// <summary>The level of <paramref name="metric"/> in <paramref name="caseType"/> (one treatment arm against the baseline) in <paramref name="pilot"/>'s final analysis.</summary>
    /// <param name="pilot">The pilot.</param>
    /// <param name="caseType">The case type, or null for a pilot-level comparison.</param>
    /// <param name="metric">The metric key.</param>
    /// <param name="given">A level given in place of the plan's (<c>--alpha</c>), or null.</param>
    /// <returns>The level, the comparison's role and the primary family's size.</returns>
    public static PowerTestLevel Of(PilotConfig pilot, string? caseType, string metric, double? given = null)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        var plan = pilot.AnalysisPlan;
        var role = plan.RoleOf(caseType, metric) ?? ComparisonRoles.Secondary;
        // As the snapshot decides verdicts: primary and guardrail comparisons at the final alpha when the pilot has a planned end.
        var final = role != ComparisonRoles.Secondary ? SequentialSettings.Of(pilot.Design, plan.Alpha) : null;
        return new PowerTestLevel
        {
            Alpha = given ?? final?.FinalAlpha ?? plan.Alpha,
            Role = role,
            FamilySize = PrimaryFamilySize(plan, pilot.CaseTypes, [.. pilot.Arms.Select(a => a.Name).Where(a => a != pilot.BaselineArm)]),
            PlanAlpha = plan.Alpha,
            PlannedEnd = given is null ? final?.PlannedEnd : null,
            IsGiven = given is not null,
        };
    }

    /// <summary>
    /// The comparisons Holm adjusts together, as a snapshot counts them (its <c>primaryFamilySize</c>): every primary
    /// metric × case type (one pilot-level comparison for a pilot-level metric) × treatment arm, with data or not.
    /// </summary>
    /// <param name="plan">The analysis plan.</param>
    /// <param name="caseTypes">The pilot's case types.</param>
    /// <param name="treatments">The pilot's arms other than the baseline.</param>
    public static int PrimaryFamilySize(AnalysisPlan plan, IReadOnlyList<string> caseTypes, IReadOnlyList<string> treatments)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return PlannedComparisons.PlannedFamily(plan, caseTypes, treatments).Count;
    }
}
