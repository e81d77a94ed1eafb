using System.Diagnostics;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Statistics;
using Xunit.Abstractions;

namespace EvalFramework.Evaluation.Tests.Coverage;

/// <summary>
/// The planner's predicted power against the power simulated with 2,000 seeded pilots each analysed by the
/// snapshot's test (pooled z for shares, Welch for means, CR2 with Bell–McCaffrey df for clustered designs): they
/// must agree within ±5 percentage points (the simulation's own standard error is at most 1.1 points). Scenarios: the
/// demo's building-permit questions (about 10,000 a year, 30 % reviewed; consistency 0.82 → +10 %, effort −10 %), a
/// team design and a weekly switchback.
/// </summary>
public sealed class PowerPlanCoverageTests(ITestOutputHelper output)
{
    private const int Pilots = 2000;
    private static readonly double PermitsPerWeek = 10_000 / (365.2425 / 7);

    public static TheoryData<string> Scenarios => ["permit-consistency", "permit-effort", "teams-24-icc-0.02", "teams-16-icc-0.05", "switchback-weekly"];

    private static (PowerAssumptions Assumptions, int Weeks) Scenario(string name) => name switch
    {
        // The demo plan's primary goal: weeks needed at 80 % power.
        "permit-consistency" => (Consistency(PowerDesign.CaseLevel, PermitsPerWeek * 0.3), 10),
        // Effort, log-normal median 6 min, σ 0.6: mean 431 s, sd 283.8 s; −10 % after 4 weeks.
        "permit-effort" => (new PowerAssumptions
        {
            Kind = PowerMetricKind.Mean, Baseline = 431, StandardDeviation = 283.8, Change = -43.1, ObservationsPerWeek = PermitsPerWeek,
        }, 4),
        "teams-24-icc-0.02" => (Consistency(new PowerDesign { Unit = AssignmentUnits.Team, Units = 24, Icc = 0.02, SizeCv = 0.4 }, PermitsPerWeek * 0.3), 20),
        "teams-16-icc-0.05" => (Consistency(new PowerDesign { Unit = AssignmentUnits.Team, Units = 16, Icc = 0.05, SizeCv = 0.4 }, PermitsPerWeek * 0.3), 26),
        "switchback-weekly" => (new PowerAssumptions
        {
            Kind = PowerMetricKind.Mean, Baseline = 431, StandardDeviation = 283.8, Change = -43.1, ObservationsPerWeek = PermitsPerWeek,
            Design = new PowerDesign { Unit = AssignmentUnits.Period, PeriodDays = 7, Icc = 0.01 },
        }, 16),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static PowerAssumptions Consistency(PowerDesign design, double reviewsPerWeek) => new()
    {
        Kind = PowerMetricKind.Share, Baseline = 0.82, Change = 0.082, ObservationsPerWeek = reviewsPerWeek, Design = design,
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void PredictedPower_WithinFivePointsOfSimulated(string name)
    {
        var (assumptions, weeks) = Scenario(name);
        var watch = Stopwatch.StartNew();

        var predicted = PowerPlanner.At(assumptions, weeks);
        var (simulated, se) = PowerSimulation.Run(assumptions, weeks, Pilots, seed: 1703);

        output.WriteLine($"{name}, {weeks} weeks: predicted {predicted.Power:P1} (DE {predicted.DesignEffect:F2}, df {predicted.DegreesOfFreedom:F1}), " +
            $"simulated {simulated:P1} ± {se:P1} over {Pilots} pilots, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.InRange(simulated - predicted.Power, -0.05, 0.05);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "took " + watch.Elapsed);
    }

    /// <summary>Without a true change the simulated test rejects in about α of the pilots (its size), case level and clustered.</summary>
    [Theory]
    [InlineData("permit-consistency")]
    [InlineData("teams-16-icc-0.05")]
    [InlineData("switchback-weekly")]
    public void NoChange_FoundInAboutAlpha(string name)
    {
        var (assumptions, weeks) = Scenario(name);
        // A change too small to matter (1e-9) stands in for none, which the assumptions refuse.
        var (simulated, _) = PowerSimulation.Run(assumptions with { Change = 1e-9 }, weeks, Pilots, seed: 1704);
        output.WriteLine($"{name}: found in {simulated:P1} of {Pilots} pilots without a change (α 5 %)");
        Assert.InRange(simulated, 0.03, 0.07);
    }
}
