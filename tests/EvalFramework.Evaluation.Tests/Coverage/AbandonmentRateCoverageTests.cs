using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Snapshots;
using Xunit.Abstractions;

namespace EvalFramework.Evaluation.Tests.Coverage;

/// <summary>
/// Simulated pilots with a known abandonment rate per arm, each made into a snapshot (seeded, so every run is the
/// same): the 95 % interval of the abandonment_rate difference must cover the true difference in 95 % ± 1.5 % of them.
/// </summary>
public sealed class AbandonmentRateCoverageTests(ITestOutputHelper output)
{
    private const int Pilots = 1000;
    private const int CasesPerPilot = 800;
    private const double ManualAbandoned = 0.03;
    private const double AiAbandoned = 0.05;
    private const double Rejected = 0.01;
    private const double Open = 0.02;

    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly EvalFramework.Evaluation.Configuration.EvaluationConfig Config = TestConfig.Load();

    /// <summary>
    /// The exact coverage of Newcombe's interval at these rates with 392 closed cases per arm (800 × ½ × 0.98), summed
    /// over both binomials in Python (scipy.stats.binom), is 0.9543: the interval is a little conservative at small rates.
    /// </summary>
    [Fact]
    public void AbandonmentRateDifference_TrueDifference_CoveredIn95Percent()
    {
        var random = new Random(16_003);
        var covered = 0;
        var row = new CaseRow();
        for (var pilot = 0; pilot < Pilots; pilot++)
        {
            using var engine = new SnapshotEngine(new SnapshotRequest("cov", "demo", From, From.AddDays(28), From.AddDays(30), Config));
            for (var i = 0; i < CasesPerPilot; i++)
            {
                var ai = random.NextDouble() < 0.5;
                row.Clear();
                row.CaseId = "c" + i.ToString("D4", CultureInfo.InvariantCulture);
                row.CaseType = "a-question";
                row.Arm = ai ? "ai_assisted" : "manual";
                row.StartedMs = From.AddMinutes(30 * i).ToUnixTimeMilliseconds();
                var u = random.NextDouble();
                var abandoned = ai ? AiAbandoned : ManualAbandoned;
                if (random.NextDouble() >= Open)
                {
                    row.CompletedMs = row.StartedMs + 600_000 + random.Next(3_600_000);
                    row.Outcome = u < abandoned ? CaseOutcomes.Abandoned : u < abandoned + Rejected ? CaseOutcomes.Rejected : CaseOutcomes.Resolved;
                }

                row.EffortSeconds = 300 + random.Next(600);
                engine.AddCase(row);
            }

            var comparison = engine.Compute().CaseTypes.Single().Comparisons.Single(c => c.Metric == MetricKeys.AbandonmentRate);
            covered += comparison.CiLow <= AiAbandoned - ManualAbandoned && AiAbandoned - ManualAbandoned <= comparison.CiHigh ? 1 : 0;
        }

        output.WriteLine($"covered in {covered} of {Pilots}");
        Assert.InRange((double)covered / Pilots, 0.935, 0.965);
    }
}
