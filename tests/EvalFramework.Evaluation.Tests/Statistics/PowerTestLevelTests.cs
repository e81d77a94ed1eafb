using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Tests.Statistics;

/// <summary>
/// <see cref="PowerTestLevel"/>: the level <c>evalctl plan</c> plans a comparison at is the one the pilot's final analysis
/// tests it at, with the primary family the snapshot counts.
/// </summary>
public sealed class PowerTestLevelTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static PilotConfig Shipped()
    {
        var result = ConfigFiles.Load(RepoRoot.ShippedConfig);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Config!.Pilots[0];
    }

    private static EvaluationConfig WithPlan(string plan, string design = "") =>
        TestConfig.Load(TestConfig.Valid + design + "\n    analysisPlan:\n" + plan);

    /// <summary>
    /// The shipped plan: consistency for building permits (1), effort and cost for each of the 3 case types (3 + 3),
    /// one treatment arm: 7 comparisons, so Holm's first step tests at 0.05 / 7.
    /// </summary>
    [Fact]
    public void Of_ShippedDemoConsistency_PrimaryInAFamilyOfSevenAtThePlansAlpha()
    {
        var level = PowerTestLevel.Of(Shipped(), "building-permit-question", MetricKeys.ConsistencyRate);

        Assert.Equal(ComparisonRoles.Primary, level.Role);
        Assert.Equal(7, level.FamilySize);
        Assert.Equal(0.05, level.Alpha);
        Assert.Null(level.PlannedEnd);
        Assert.False(level.IsGiven);
        Assert.Equal(0.05 / 7, level.HolmWorstCase!.Value, 15);
    }

    [Fact]
    public void Of_ShippedDemoGuardrailAndSecondary_NoHolmWorstCase()
    {
        var pilot = Shipped();

        var guardrail = PowerTestLevel.Of(pilot, "building-permit-question", MetricKeys.ErrorRate);
        var secondary = PowerTestLevel.Of(pilot, "building-permit-question", MetricKeys.LeadTimeMean);
        var consistencyElsewhere = PowerTestLevel.Of(pilot, "direct-procurement-advice", MetricKeys.ConsistencyRate);

        Assert.Equal(ComparisonRoles.Guardrail, guardrail.Role);
        Assert.Null(guardrail.HolmWorstCase);
        Assert.Equal(ComparisonRoles.Secondary, secondary.Role);
        Assert.Null(secondary.HolmWorstCase);
        Assert.Equal(ComparisonRoles.Secondary, consistencyElsewhere.Role);
    }

    /// <summary>
    /// A planned end: the final analysis tests primary and guardrail comparisons at the plan's alpha less the fifth spent
    /// on the daily looks (0.04 of 0.05); secondary ones stay at the plan's alpha, as the snapshot decides them.
    /// </summary>
    [Fact]
    public void Of_PilotWithAPlannedEnd_PrimaryAndGuardrailAtTheFinalAlphaSecondaryAtThePlans()
    {
        var pilot = WithPlan("      primary: [{metric: effort_seconds_mean}]\n      guardrails: [{metric: csat_mean, margin: 0.2}]\n",
            "\n    design:\n      plannedEnd: 2025-06-30").Pilots[0];

        var primary = PowerTestLevel.Of(pilot, "a-question", MetricKeys.EffortMean);
        var guardrail = PowerTestLevel.Of(pilot, "a-question", MetricKeys.CsatMean);
        var secondary = PowerTestLevel.Of(pilot, "a-question", MetricKeys.LeadTimeMean);

        Assert.Equal(0.04, primary.Alpha, 15);
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 0, 0, 0, TimeSpan.Zero), primary.PlannedEnd);
        Assert.Equal(2, primary.FamilySize);
        Assert.Equal(0.02, primary.HolmWorstCase!.Value, 15);
        Assert.Equal(0.04, guardrail.Alpha, 15);
        Assert.Equal(0.05, secondary.Alpha, 15);
        Assert.Null(secondary.PlannedEnd);
    }

    [Fact]
    public void Of_AlphaGiven_OverridesThePlansAndTheFinalAlphaButKeepsTheFamily()
    {
        var pilot = WithPlan("      primary: [{metric: effort_seconds_mean}]\n", "\n    design:\n      plannedEnd: 2025-06-30").Pilots[0];

        var level = PowerTestLevel.Of(pilot, "a-question", MetricKeys.EffortMean, given: 0.01);

        Assert.Equal(0.01, level.Alpha);
        Assert.True(level.IsGiven);
        Assert.Null(level.PlannedEnd);
        Assert.Equal(0.005, level.HolmWorstCase!.Value, 15);
    }

    [Fact]
    public void Of_OnlyPrimaryComparison_NoHolmWorstCase()
    {
        var pilot = WithPlan("      primary: [{metric: effort_seconds_mean, caseType: a-question}]\n").Pilots[0];

        var level = PowerTestLevel.Of(pilot, "a-question", MetricKeys.EffortMean);

        Assert.Equal(ComparisonRoles.Primary, level.Role);
        Assert.Equal(1, level.FamilySize);
        Assert.Null(level.HolmWorstCase);
    }

    /// <summary>The family size is the one a snapshot of the same config adjusts over (its <c>primaryFamilySize</c>), for plans of several shapes.</summary>
    [Theory]
    [InlineData("      primary: [{metric: effort_seconds_mean}]\n")]
    [InlineData("      primary: [{metric: effort_seconds_mean, caseType: b-advice}, {metric: consistency_rate}]\n")]
    [InlineData("      primary: [{metric: effort_seconds_mean}, {metric: staff_wellbeing_mean}, {metric: cost_per_case_sek, caseType: a-question}]\n")]
    [InlineData("      guardrails: [{metric: csat_mean, margin: 0.2}]\n")]
    public void PrimaryFamilySize_SameAsTheSnapshots(string plan)
    {
        var config = WithPlan(plan);
        var pilot = config.Pilots[0];
        using var engine = new SnapshotEngine(new SnapshotRequest("snap-family", "demo", From, From.AddDays(14), From.AddDays(40), config));

        var snapshot = engine.Compute();

        Assert.Equal(snapshot.Plan.PrimaryFamilySize,
            PowerTestLevel.PrimaryFamilySize(pilot.AnalysisPlan, pilot.CaseTypes, [.. pilot.Arms.Select(a => a.Name).Where(a => a != pilot.BaselineArm)]));
    }
}
