using System.Globalization;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Evaluation.Tests.Models;
using Xunit.Abstractions;

namespace EvalFramework.Evaluation.Tests.Coverage;

/// <summary>
/// Cost per case with monthly overhead over seeded simulated pilots: periods that cut their months, a one-off cost and a
/// one-off training amortised into them, weekly maintenance, and skewed (log-normal) staff time per case. The 95 %
/// intervals of <c>cost_per_case_sek</c> (per arm) and of its arm difference must cover the true value, the true mean
/// variable cost plus the overhead per closed case, in 95 ± 1.5 % of pilots.
/// </summary>
public sealed class CostPerCaseCoverageTests(ITestOutputHelper output)
{
    private const int Pilots = 1000;
    private const double HourlyCostSek = 600;
    private const double MaintenanceHourlySek = 750;

    // Staff seconds per case: log-normal, median 900 s (manual) and 600 s (ai_assisted); mean = e^(μ + σ²/2). (Much
    // heavier skew with a few dozen cases makes any Student t interval cover less than 95 %, overhead or not.)
    private static readonly (string Arm, double Mu, double Sigma)[] Arms =
    [
        ("manual", Math.Log(900), 0.3),
        ("ai_assisted", Math.Log(600), 0.45),
    ];

    private static readonly EvaluationConfig Config = TestConfig.Load(OverheadExample.Config);

    [Fact]
    public void CostPerCase_MonthlyOverhead_IntervalsCoverTheTrueCostPerCaseIn95Percent()
    {
        var random = new Random(16_004);
        int armCovered = 0, differenceCovered = 0;
        for (var pilot = 0; pilot < Pilots; pilot++)
        {
            var (snapshot, truth) = SimulatedPilot(random, pilot);
            var caseType = snapshot.CaseTypes.Single(c => c.CaseType == "a-question");
            var ai = caseType.Arms.Single(a => a.Arm == "ai_assisted")[MetricKeys.CostPerCase];
            armCovered += ai.CiLow <= truth["ai_assisted"] && truth["ai_assisted"] <= ai.CiHigh ? 1 : 0;
            var difference = caseType.Comparisons.Single(c => c.Metric == MetricKeys.CostPerCase);
            var trueDifference = truth["ai_assisted"] - truth["manual"];
            differenceCovered += difference.CiLow <= trueDifference && trueDifference <= difference.CiHigh ? 1 : 0;
        }

        output.WriteLine($"arm {armCovered}, difference {differenceCovered} of {Pilots}");
        Assert.True(armCovered is >= 935 and <= 965, $"arm interval covered in {armCovered} of {Pilots}");
        Assert.True(differenceCovered is >= 935 and <= 965, $"difference interval covered in {differenceCovered} of {Pilots}");
    }

    /// <summary>
    /// One pilot: a period of 35–75 days starting 1–28 March 2025 (so its first and last months are cut), a 33 h training
    /// on its first day, weekly prompt updates, 50–150 cases per arm of a-question and 20–60 ai_assisted cases of b-advice (which
    /// share the arm's overhead). Returns the snapshot
    /// and, per arm, the true cost per case of a-question, computed here without the production code.
    /// </summary>
    private static (Snapshot Snapshot, Dictionary<string, double> Truth) SimulatedPilot(Random random, int pilot)
    {
        var from = new DateTimeOffset(2025, 3, 1 + random.Next(28), 0, 0, 0, TimeSpan.Zero);
        var days = 35 + random.Next(41);
        var to = from.AddDays(days);
        using var engine = new SnapshotEngine(new SnapshotRequest("sim", "demo", from, to, to.AddDays(1), Config));
        var rows = new List<CaseRow>();
        var closed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var caseType in new[] { "a-question", "b-advice" })
        {
            foreach (var (arm, mu, sigma) in Arms)
            {
                if (caseType == "b-advice" && arm == "manual")
                {
                    continue;
                }

                var n = caseType == "a-question" ? 50 + random.Next(101) : 20 + random.Next(41);
                closed[arm] = closed.GetValueOrDefault(arm) + n;
                for (var i = 0; i < n; i++)
                {
                    var started = from.AddMinutes(random.Next(days * 24 * 60));
                    var seconds = Math.Exp(mu + (sigma * random.Normal()));
                    var row = new CaseRow
                    {
                        CaseId = string.Create(CultureInfo.InvariantCulture, $"{pilot:D4}-{caseType}-{arm}-{i:D3}"),
                        CaseType = caseType,
                        Arm = arm,
                        StartedMs = started.ToUnixTimeMilliseconds(),
                        CompletedMs = started.AddMinutes(30 + random.Next(600)).ToUnixTimeMilliseconds(),
                        EffortSeconds = seconds,
                    };
                    row.EffortByRole.Add(new RoleEffort("handlaggare", seconds));
                    rows.Add(row);
                }
            }
        }

        foreach (var row in rows.OrderBy(r => r.CaseId, StringComparer.Ordinal))
        {
            engine.AddCase(row);
        }

        engine.AddMaintenance(from.AddHours(9), 33, "ai_assisted", "staff-training");
        var promptHours = 0.0;
        for (var week = from.AddDays(2); week < to; week = week.AddDays(7))
        {
            var hours = 1 + (4 * random.NextDouble());
            promptHours += hours;
            engine.AddMaintenance(week, hours, null, "prompt-update");
        }

        // Overhead in the period, by hand: a monthly cost bears Σ over the period's days of 1 ÷ the days of that day's
        // month; the 60 000 SEK set-up of 2025-01-01 is spread over the 365 days of 2025; the training (24 750 SEK)
        // over the 365 days from its morning; prompt updates (no arm: maintenance.defaultArm ai_assisted) at 750 SEK/h.
        var months = Enumerable.Range(0, days).Select(d => from.AddDays(d))
            .Sum(d => 1.0 / DateTime.DaysInMonth(d.Year, d.Month));
        var setUpDays = Math.Max(0, (Min(to, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) - from).TotalDays);
        var trainingDays = (to - from.AddHours(9)).TotalDays;
        var aiOverhead = (35_000 * months) + (60_000 * setUpDays / 365) + (33 * MaintenanceHourlySek * trainingDays / 365)
            + (promptHours * MaintenanceHourlySek);
        var manualOverhead = 4_000 * months;
        var truth = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["manual"] = MeanStaffSek(Arms[0]) + (manualOverhead / closed["manual"]),
            ["ai_assisted"] = MeanStaffSek(Arms[1]) + (aiOverhead / closed["ai_assisted"]),
        };
        return (engine.Compute(), truth);
    }

    private static double MeanStaffSek((string Arm, double Mu, double Sigma) arm) =>
        Math.Exp(arm.Mu + (arm.Sigma * arm.Sigma / 2)) / 3600 * HourlyCostSek;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
