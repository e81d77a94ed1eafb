using EvalFramework.Contract;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Tests.Statistics;

/// <summary>
/// <see cref="PowerPlanner"/> against values computed independently in Python with scipy 1.10 (scipy.stats.norm and t):
/// case-level shares by the pooled-z power formula Φ((|δ| − z·SE₀)/SE₁) + Φ((−|δ| − z·SE₀)/SE₁); case-level means by
/// the shifted t with Welch–Satterthwaite df; clustered designs with DE = 1 + ((1 + CV²) n̄ − 1) ICC per arm and
/// ν = (1/N₀ + 1/N₁)² / (N₀⁻²/(m₀ − 1) + N₁⁻²/(m₁ − 1)), power t.cdf(λ − c, ν) + t.cdf(−λ − c, ν).
/// </summary>
public sealed class PowerPlannerTests
{
    /// <summary>The demo's building-permit questions: 10,000 a year, 30 % reviewed; consistency 0.82 → 0.902 (+10 %).</summary>
    private static readonly double PermitsPerWeek = 10_000 / (365.2425 / 7);

    private static PowerAssumptions Consistency(PowerDesign? design = null, double reviewsPerWeek = double.NaN) => new()
    {
        Kind = PowerMetricKind.Share,
        Baseline = 0.82,
        Change = 0.082,
        ObservationsPerWeek = double.IsNaN(reviewsPerWeek) ? PermitsPerWeek * 0.3 : reviewsPerWeek,
        Design = design ?? PowerDesign.CaseLevel,
    };

    private static PowerDesign Teams(int teams, double icc, double cv) => new() { Unit = AssignmentUnits.Team, Units = teams, Icc = icc, SizeCv = cv };

    [Theory]
    [InlineData(8, 0.7210486766715664)]
    [InlineData(10, 0.8127565165272659)]
    [InlineData(12, 0.8772318409411217)]
    public void At_CaseLevelShare_MatchesScipy(int weeks, double expected) =>
        Assert.Equal(expected, PowerPlanner.At(Consistency(), weeks).Power, 1e-12);

    [Fact]
    public void WeeksNeeded_CaseLevelShare_TenWeeksAsScipysSearch()
    {
        var needed = PowerPlanner.WeeksNeeded(Consistency())!;
        Assert.Equal(10, needed.Weeks);
        Assert.True(PowerPlanner.At(Consistency(), 9).Power < 0.8);
    }

    [Theory]
    [InlineData(2, 0.31621730001823833)]
    [InlineData(3, 0.44311784509276136)]
    [InlineData(4, 0.5554279586774058)]
    public void At_CaseLevelMean_MatchesScipy(int weeks, double expected)
    {
        var effort = new PowerAssumptions { Kind = PowerMetricKind.Mean, Baseline = 431, StandardDeviation = 283.8, Change = -43.1, ObservationsPerWeek = PermitsPerWeek };
        Assert.Equal(expected, PowerPlanner.At(effort, weeks).Power, 1e-10);
    }

    [Fact]
    public void At_SixteenTeams_MatchesScipyPowerSeAndDf()
    {
        // 57.5 reviews a week, 26 weeks, 8 teams per arm, ICC 0.05, CV of team sizes 0.4.
        var estimate = PowerPlanner.At(Consistency(Teams(16, 0.05, 0.4), 57.5), 26);

        Assert.Equal(0.37895616358100653, estimate.Power, 1e-10);
        Assert.Equal(0.04484304881200489, estimate.StandardError, 1e-14);
        Assert.Equal(14, estimate.DegreesOfFreedom, 1e-9);
        Assert.Equal((8, 8), (estimate.BaselineUnits, estimate.TreatmentUnits));
        // 93.4375 reviews per team: DE = 1 + (1.16 · 93.4375 − 1) · 0.05, the same in both arms.
        Assert.Equal(6.369375, estimate.DesignEffect, 1e-12);
    }

    [Fact]
    public void PowerLimit_SixteenTeams_MatchesScipyAndIsNeverReached()
    {
        var assumptions = Consistency(Teams(16, 0.05, 0.4));

        // se² = ICC (1 + CV²)(σ₀²/8 + σ₁²/8), ν = 14.
        Assert.Equal(0.43717620242877814, PowerPlanner.PowerLimit(assumptions)!.Value, 1e-10);
        Assert.Null(PowerPlanner.WeeksNeeded(assumptions));
        Assert.True(PowerPlanner.At(assumptions, PowerPlanner.MaxWeeks).Power < 0.43717620242877814);
    }

    [Fact]
    public void At_WeeklySwitchback_PeriodsAreTheUnitsAndMatchScipy()
    {
        var assumptions = new PowerAssumptions
        {
            Kind = PowerMetricKind.Mean, Baseline = 5, StandardDeviation = 1, Change = 0.1, ObservationsPerWeek = 400,
            Design = new PowerDesign { Unit = AssignmentUnits.Period, PeriodDays = 7, Icc = 0.02 },
        };

        var estimate = PowerPlanner.At(assumptions, 20);

        Assert.Equal((10, 10), (estimate.BaselineUnits, estimate.TreatmentUnits));
        Assert.Equal(0.2762516245821159, estimate.Power, 1e-10);
        Assert.Equal(0.06700746227100382, estimate.StandardError, 1e-14);
        Assert.Equal(18, estimate.DegreesOfFreedom, 1e-9);
    }

    [Fact]
    public void UnitsPerArm_OddNumberOfWeeklyPeriods_TheOddOneNotCounted()
    {
        var assumptions = new PowerAssumptions
        {
            Kind = PowerMetricKind.Mean, Baseline = 5, StandardDeviation = 1, Change = 0.1, ObservationsPerWeek = 400,
            Design = new PowerDesign { Unit = AssignmentUnits.Period, PeriodDays = 7, Icc = 0.02 },
        };

        Assert.Equal((11, 11), PowerPlanner.UnitsPerArm(assumptions, 23));
        Assert.Equal((3, 3), PowerPlanner.UnitsPerArm(assumptions with { Design = assumptions.Design with { PeriodDays = 14 } }, 13));
    }

    [Fact]
    public void At_OneTeamPerArm_NoPower()
    {
        var estimate = PowerPlanner.At(Consistency(Teams(2, 0.05, 0)), 52);
        Assert.Equal(0, estimate.Power);
    }

    [Fact]
    public void DesignEffect_MemoExample_About18()
    {
        // n̄ = 300, CV = 0.385, ICC = 0.05: 1 + (1.148225 · 300 − 1) · 0.05 = 18.173375.
        Assert.Equal(18.173375, PowerPlanner.DesignEffect(300, new PowerDesign { Unit = AssignmentUnits.Team, Icc = 0.05, SizeCv = 0.385 }), 1e-12);
    }

    [Fact]
    public void Validate_BadAssumptions_NamesEachOne()
    {
        var errors = new PowerAssumptions
        {
            Kind = PowerMetricKind.Share, Baseline = 0.95, Change = 0.1, ObservationsPerWeek = 0,
            Design = new PowerDesign { Unit = AssignmentUnits.Team, Units = 3, Icc = 1.5 },
        }.Validate();

        Assert.Contains(errors, e => e.StartsWith("change:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("cases-per-week:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("icc:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("teams:", StringComparison.Ordinal));
        Assert.Empty(Consistency().Validate());
    }
}
