using System.Diagnostics;
using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Simulation;
using EvalFramework.Evaluation.Statistics;
using EvalFramework.Evaluation.Tests.Simulation;
using Xunit.Abstractions;

namespace EvalFramework.Evaluation.Tests.Coverage;

/// <summary>
/// The plan for the demo's building-permit questions checked against the pilot simulator itself, not only against the
/// planner's own simulation: 1,000 simulated pilots of the demo's building-permit questions (about 10,000 a year, with
/// their spring peak and summer dip; 30 % reviewed; consistency 0.82 and +10 % in the AI arm), each running the
/// planned 10 weeks from a start spread over the year, each analysed with the snapshot's test of shares (pooled z,
/// <see cref="Proportions.Compare"/>) on the reviews of the cases started in those weeks. The share of pilots that find
/// the change must be within ±5 points of the planner's predicted power. The same for a team design: 16 teams (8 per
/// arm) with team effects of ICC 0.02 and team sizes from 0.5 to 1.5 times the average (CV 0.2887), analysed per team
/// with CR2 and Bell–McCaffrey df.
/// </summary>
public sealed class PowerPlanDemoTests(ITestOutputHelper output)
{
    private const int Pilots = 1000;
    private const int Weeks = 10;
    private const string Permits = "building-permit-question";

    [Fact]
    public void DemoConsistencyPlan_PredictedPowerWithinFivePointsOfTheSimulatedDemo()
    {
        var (predicted, simulated) = Check(PowerDesign.CaseLevel, null, "case-level");
        Assert.InRange(simulated - predicted, -0.05, 0.05);
    }

    [Fact]
    public void DemoConsistencyPlanWithSixteenTeams_PredictedPowerWithinFivePointsOfTheSimulatedDemo()
    {
        var plan = new PowerDesign { Unit = AssignmentUnits.Team, Units = 16, Icc = 0.02, SizeCv = 0.2887 };
        var simulated = new SimulationDesign { Unit = AssignmentUnits.Team, Teams = 16, Icc = 0.02 };
        var (predictedPower, simulatedPower) = Check(plan, simulated, "16 teams, ICC 0.02");
        Assert.InRange(simulatedPower - predictedPower, -0.05, 0.05);
    }

    private (double Predicted, double Simulated) Check(PowerDesign plan, SimulationDesign? design, string name)
    {
        var profile = CaseTypeProfiles.BuildingPermitQuestion;
        var figures = ProfileFigures.Of(profile, Evaluation.Snapshots.MetricKeys.ConsistencyRate)!;
        var assumptions = new PowerAssumptions
        {
            Kind = PowerMetricKind.Share, Baseline = figures.Baseline, Change = 0.1 * figures.Baseline,
            ObservationsPerWeek = profile.CasesPerYear / (365.2425 / 7) * figures.MeasuredShare, Design = plan,
        };
        var predicted = PowerPlanner.At(assumptions, Weeks).Power;
        var effects = SimulationEffects.Parse("ai_assisted:\n  consistency_rate: +10%\n", "effects.yaml").Effects!;
        var pilot = SimulationPilot.Demo with
        {
            CaseTypes = [Permits], Teams = [.. Enumerable.Range(1, 16).Select(t => string.Create(CultureInfo.InvariantCulture, $"team-{t:00}"))],
        };
        var watch = Stopwatch.StartNew();

        var found = 0;
        for (var i = 0; i < Pilots; i++)
        {
            var start = Simulations.Start.AddDays(7 * (i % 52));
            var settings = new SimulationSettings { Pilot = pilot, Seed = 100 + i, Start = start, Days = (7 * Weeks) + 11, Effects = effects, Design = design };
            var end = start.AddDays(7 * Weeks);
            var reviews = new PilotSimulator(settings).Events().OfType<SimulatedReview>().Where(r => r.Case.Started < end).ToList();
            found += PValue(reviews, design is not null) < 0.05 ? 1 : 0;
        }

        var simulated = (double)found / Pilots;
        output.WriteLine($"demo building-permit consistency +10 %, {name}, {Weeks} weeks: predicted {predicted:P1}, simulated demo {simulated:P1} " +
            $"({found} of {Pilots} pilots), {watch.Elapsed.TotalSeconds:F1} s");
        return (predicted, simulated);
    }

    /// <summary>The snapshot's test: pooled z on the arms' counts, or CR2 on the teams' (reviews, consistent share).</summary>
    private static double PValue(List<SimulatedReview> reviews, bool byTeam)
    {
        if (!byTeam)
        {
            var counts = new long[2, 2];
            foreach (var review in reviews)
            {
                var arm = review.Case.Arm == "manual" ? 0 : 1;
                counts[arm, 0]++;
                counts[arm, 1] += review.Consistent ? 1 : 0;
            }

            return Proportions.Compare(counts[0, 1], counts[0, 0], counts[1, 1], counts[1, 0], 0.95).PValue ?? 1;
        }

        List<Moments> Teams(string arm) => [.. reviews.Where(r => r.Case.Arm == arm).GroupBy(r => r.Case.Team)
            .Select(t => Moments.FromSums(t.Count(), t.Count(r => r.Consistent), t.Count(r => r.Consistent)))];
        return ClusterRobustTest.Compare(Teams("manual"), Teams("ai_assisted"), 0.95).PValue ?? 1;
    }
}
