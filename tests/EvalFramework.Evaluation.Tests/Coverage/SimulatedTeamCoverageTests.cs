using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Evaluation.Tests.Simulation;
using Xunit.Abstractions;

namespace EvalFramework.Evaluation.Tests.Coverage;

/// <summary>
/// Seeded team-design pilots made by the simulator itself (16 teams of building-permit questions, ICC 0.05, 5 %
/// non-compliance, default effects) and fed through the snapshot engine by assigned team: the 95 % intervals of the
/// error-rate and effort differences (CR2 by team) cover the simulator's true difference, by assigned arm, in about
/// 95 % of the pilots. The true differences: a non-compliant case takes the other arm's chance or effort, so the
/// intention-to-treat difference is (1 − 2·0.05) times the arms' difference: error rate 0.9 × (+0.01) = +0.009,
/// mean effort 0.9 × (0.75 − 1) × 360·e^{0.18} s = −96.97 s (the unit effects keep every case's distribution over teams).
/// </summary>
public sealed class SimulatedTeamCoverageTests(ITestOutputHelper output)
{
    private const int Pilots = 400;
    private const double Days = 90;
    private const double Icc = 0.05;
    private const double NonCompliance = 0.05;
    private const double TrueErrorDifference = (1 - (2 * NonCompliance)) * 0.01;
    private static readonly double TrueEffortDifference = (1 - (2 * NonCompliance)) * -0.25 * 360 * Math.Exp(0.18);

    private static readonly DateTimeOffset From = Simulations.Start;

    private static readonly EvaluationConfig ByTeam = TestConfig.Load(TestConfig.Valid + $"""

                teams: [{string.Join(", ", TeamPilots.Pilot.Teams)}]
                design:
                  unit: team

            """);

    [Fact]
    public void TeamDesign_ErrorRateAndEffortIntervals_CoverTheSimulatorsTrueDifference()
    {
        int errorCovered = 0, effortCovered = 0, errorBelow = 0, errorAbove = 0;
        var errorDifferences = new List<double>();
        var errorIcc = new List<double>();
        for (var seed = 1; seed <= Pilots; seed++)
        {
            var snapshot = Snapshot(TeamPilots.Cases(seed, Icc, NonCompliance, Days));
            var comparisons = snapshot.CaseTypes.Single(t => t.CaseType == "a-question").Comparisons;
            errorIcc.AddRange(snapshot.Design!.Icc.Where(i => i.Metric == MetricKeys.ErrorRate).Select(i => i.Value));
            var error = comparisons.Single(c => c.Metric == MetricKeys.ErrorRate);
            var effort = comparisons.Single(c => c.Metric == MetricKeys.EffortMean);
            Assert.Equal(AssignmentUnits.Team, error.Unit);
            errorCovered += Covers(error, TrueErrorDifference) ? 1 : 0;
            errorBelow += error.CiHigh < TrueErrorDifference ? 1 : 0;
            errorAbove += error.CiLow > TrueErrorDifference ? 1 : 0;
            effortCovered += Covers(effort, TrueEffortDifference) ? 1 : 0;
            errorDifferences.Add(error.Difference!.Value);
        }

        double errorShare = (double)errorCovered / Pilots, effortShare = (double)effortCovered / Pilots;
        var mean = errorDifferences.Average();
        var sd = Math.Sqrt(errorDifferences.Sum(d => (d - mean) * (d - mean)) / (Pilots - 1));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Pilots} pilots of {Days} days: error rate covered {errorCovered} ({errorShare:P1}; missed below {errorBelow}, above {errorAbove}), mean difference {mean:F4} (true {TrueErrorDifference:F4}), SD {sd:F4}, at most {errorDifferences.Min():F4}, at or below -0.082: {errorDifferences.Count(d => d <= -0.082)}; effort covered {effortCovered} ({effortShare:P1}, true {TrueEffortDifference:F2} s); the snapshots' error-rate ICC averages {errorIcc.Average():F4} (asked {Icc})"));
        Assert.InRange(errorShare, 0.93, 0.97);
        Assert.InRange(effortShare, 0.93, 0.97);
    }

    private static bool Covers(ComparisonResult c, double truth) => c.CiLow <= truth && truth <= c.CiHigh;

    /// <summary>The engine's snapshot of one pilot, every case by its assignment (unit team) as the collector records it.</summary>
    private static Snapshot Snapshot(List<SimulatedCases.Summary> cases)
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("cov", "demo", From, From.AddDays(Days), From.AddDays(Days + 20), ByTeam));
        var row = new CaseRow();
        foreach (var c in cases.OrderBy(c => c.Case.Reference, StringComparer.Ordinal))
        {
            row.Clear();
            row.CaseId = c.Case.Reference;
            row.CaseType = "a-question";
            row.Arm = c.Case.Arm;
            (row.AssignedArm, row.AssignmentUnit, row.AssignmentUnitId) = (c.Case.Assignment!.AssignedArm, c.Case.Assignment.Unit, c.Case.Assignment.UnitKey);
            row.StartedMs = c.Case.Started.ToUnixTimeMilliseconds();
            row.CompletedMs = c.Completed?.ToUnixTimeMilliseconds();
            row.Outcome = c.Outcome;
            row.EffortSeconds = c.Effort;
            row.EffortByRole.Add(new RoleEffort("handlaggare", c.Effort));
            row.Errors = c.Errors;
            row.Reviews = c.Reviews;
            row.ReviewsIncorrect = c.ReviewFailed ? 1 : 0;
            row.ReviewsConsistencySet = c.Consistent is null ? 0 : 1;
            row.ReviewsConsistent = c.Consistent == true ? 1 : 0;
            row.Escalations = c.Escalated ? 1 : 0;
            engine.AddCase(row);
        }

        return engine.Compute();
    }
}
