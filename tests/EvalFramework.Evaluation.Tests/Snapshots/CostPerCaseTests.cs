using System.Globalization;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Evaluation.Tests.Models;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>
/// Cost per case in a snapshot: the variable cost of each closed case with its interval, plus the arm's overhead per
/// closed case (<c>overhead_per_case_sek</c>) as a known amount that shifts the value and the interval.
/// </summary>
public sealed class CostPerCaseTests
{
    // Staff-only cases (handlaggare 600 SEK/h) with efforts a + (i·m mod b) seconds, i = 0…n−1:
    // ai_assisted a-question 200 × (300, 53, 1200), b-advice 100 × (500, 71, 1500): 300 closed cases;
    // manual a-question 150 × (900, 37, 1100), b-advice 100 × (1000, 29, 1300), plus one open case: 250 closed cases.
    private static readonly (string CaseType, string Arm, int N, int A, int M, int B)[] Groups =
    [
        ("a-question", "ai_assisted", 200, 300, 53, 1200),
        ("b-advice", "ai_assisted", 100, 500, 71, 1500),
        ("a-question", "manual", 150, 900, 37, 1100),
        ("b-advice", "manual", 100, 1000, 29, 1300),
    ];

    private static Snapshot Compute()
    {
        var request = new SnapshotRequest("snap-cost", "demo", OverheadExample.From, OverheadExample.To, OverheadExample.To.AddDays(1),
            TestConfig.Load(OverheadExample.Config));
        using var engine = new SnapshotEngine(request);
        var rows = new List<CaseRow>();
        foreach (var (caseType, arm, n, a, m, b) in Groups)
        {
            for (var i = 0; i < n; i++)
            {
                var started = OverheadExample.From.AddHours(2 * i);
                var row = new CaseRow
                {
                    CaseId = string.Create(CultureInfo.InvariantCulture, $"{arm}-{caseType}-{i:D4}"),
                    CaseType = caseType,
                    Arm = arm,
                    StartedMs = started.ToUnixTimeMilliseconds(),
                    CompletedMs = started.AddHours(1).ToUnixTimeMilliseconds(),
                    EffortSeconds = a + (i * m % b),
                };
                row.EffortByRole.Add(new RoleEffort("handlaggare", row.EffortSeconds));
                rows.Add(row);
            }
        }

        rows.Add(new CaseRow { CaseId = "manual-open", CaseType = "a-question", Arm = "manual", StartedMs = OverheadExample.From.AddDays(3).ToUnixTimeMilliseconds() });
        foreach (var row in rows.OrderBy(r => r.CaseId, StringComparer.Ordinal))
        {
            engine.AddCase(row);
        }

        foreach (var work in OverheadExample.Maintenance)
        {
            engine.AddMaintenance(work.Time, work.Hours, work.Arm, work.Kind);
        }

        return engine.Compute();
    }

    private static CaseTypeResult CaseType(Snapshot s, string caseType) => s.CaseTypes.Single(c => c.CaseType == caseType);

    private static MetricValue Metric(Snapshot s, string caseType, string arm, string key) =>
        CaseType(s, caseType).Arms.Single(a => a.Arm == arm)[key];

    [Fact]
    public void Compute_IssueExample_OverheadPerCaseIsTheArmsPeriodOverheadOverItsClosedCases()
    {
        var snapshot = Compute();

        // ai: 81 252.698… SEK (OverheadExample) ÷ 300 closed cases = 270.842327662395; manual: 4 000 × 57/31 ÷ 250 =
        // 29.4193548387097 (the open case does not count). The same in both case types; a known amount, no interval.
        foreach (var caseType in new[] { "a-question", "b-advice" })
        {
            var ai = Metric(snapshot, caseType, "ai_assisted", MetricKeys.OverheadPerCase);
            Assert.Equal(270.84232766239506, ai.Value!.Value, 9);
            Assert.Null(ai.CiLow);
            Assert.Null(ai.CiHigh);
            Assert.Equal(29.41935483870968, Metric(snapshot, caseType, "manual", MetricKeys.OverheadPerCase).Value!.Value, 9);
        }

        Assert.Equal(200, Metric(snapshot, "a-question", "ai_assisted", MetricKeys.OverheadPerCase).N);
        Assert.Equal(MetricKeys.OverheadPerCase,
            MetricKeys.PerArm[MetricKeys.PerArm.ToList().IndexOf(MetricKeys.CostPerCase) + 1]);
    }

    [Fact]
    public void Compute_IssueExample_CostPerCaseIsTheVariableIntervalShiftedByTheOverhead()
    {
        var snapshot = Compute();

        // python3 (numpy, scipy.stats.t): costs = effort / 3600 × 600; mean ± t(0.975, n − 1) · s / √n, plus the overhead
        // per case (270.842327662395 ai, 29.4193548387097 manual).
        var ai = Metric(snapshot, "a-question", "ai_assisted", MetricKeys.CostPerCase);
        Assert.Equal(418.75899432906169, ai.Value!.Value, 9);
        Assert.Equal(410.76096553861726, ai.CiLow!.Value, 9);
        Assert.Equal(426.75702311950613, ai.CiHigh!.Value, 9);
        var manual = Metric(snapshot, "a-question", "manual", MetricKeys.CostPerCase);
        Assert.Equal(269.72491039426518, manual.Value!.Value, 9);
        Assert.Equal(261.08694997590123, manual.CiLow!.Value, 9);
        Assert.Equal(278.36287081262913, manual.CiHigh!.Value, 9);
        Assert.Equal(200, ai.N);
        Assert.Equal(150, manual.N);
    }

    [Fact]
    public void Compute_IssueExample_CostComparisonIsTheWelchIntervalOfTheVariablePartsShiftedByTheOverheadDifference()
    {
        var snapshot = Compute();

        var cost = CaseType(snapshot, "a-question").Comparisons.Single(c => c.Metric == MetricKeys.CostPerCase);

        // python3: Welch on the variable costs gives −92.3888888888889 [−104.119274300306, −80.6585034774717]; the
        // overhead difference 270.842327662395 − 29.4193548387097 = 241.422972823686 shifts it to
        // 149.034083934797 [137.303698523379, 160.764469346214]; scipy.stats.ttest_ind(ai + 270.84…, manual + 29.41…,
        // equal_var=False) gives the same difference with p = 2.84452074481408e-78.
        Assert.Equal(149.03408393479651, cost.Difference!.Value, 9);
        Assert.Equal(137.30369852337938, cost.CiLow!.Value, 9);
        Assert.Equal(160.76446934621364, cost.CiHigh!.Value, 9);
        Assert.Equal(2.8445207448140794e-78, cost.PValue!.Value, 1e-88);
        Assert.DoesNotContain(CaseType(snapshot, "a-question").Comparisons, c => c.Metric == MetricKeys.OverheadPerCase);
    }

    [Fact]
    public void Compute_IssueExample_BreakdownSplitsTheOverheadIntoFixedAndMaintenance()
    {
        var snapshot = Compute();

        var ai = snapshot.Breakdowns.CaseTypes.Single(c => c.CaseType == "a-question").Arms.Single(a => a.Arm == "ai_assisted").Cost!;

        // fixed: (64 354.838709677 + 9 205.479452055) ÷ 300; maintenance: 7 692.380136986 ÷ 300 (OverheadExample)
        Assert.Equal((OverheadExample.AiFixedSek + OverheadExample.AiOneOffSek) / 300, ai.FixedSek, 6);
        Assert.Equal(OverheadExample.AiMaintenanceSek / 300, ai.MaintenanceSek, 6);
        var total = Metric(snapshot, "a-question", "ai_assisted", MetricKeys.CostPerCase).Value!.Value;
        Assert.Equal(total, ai.StaffSek + ai.AiSek + ai.FixedSek + ai.MaintenanceSek, 9);
    }

    [Fact]
    public void Compute_IssueExample_WarningSaysWhatTheIntervalLeavesOut()
    {
        var warnings = Compute().DataQuality.Warnings;

        var overhead = Assert.Single(warnings, w => w.StartsWith("cost_per_case_sek = the variable cost per closed case", StringComparison.Ordinal));
        Assert.Contains("known amount", overhead, StringComparison.Ordinal);
        Assert.Contains("its own uncertainty", overhead, StringComparison.Ordinal);
        Assert.Contains("allocation choices", overhead, StringComparison.Ordinal);
        Assert.DoesNotContain(warnings, w => w.Contains("unallocated", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_EarlierMaintenance_OnlyOneOffWorkAmortisedIntoThePeriodChangesTheHash()
    {
        // The December prompt update is before the period and not one-off: it is not part of the snapshot's data.
        string Hash(params EvalFramework.Evaluation.Models.MaintenanceWork[] extra)
        {
            var request = new SnapshotRequest("snap-cost", "demo", OverheadExample.From, OverheadExample.To, OverheadExample.To.AddDays(1),
                TestConfig.Load(OverheadExample.Config));
            using var engine = new SnapshotEngine(request);
            engine.AddCase(new CaseRow
            {
                CaseId = "c1", CaseType = "a-question", Arm = "manual",
                StartedMs = OverheadExample.From.ToUnixTimeMilliseconds(), CompletedMs = OverheadExample.From.AddHours(1).ToUnixTimeMilliseconds(),
            });
            foreach (var work in extra)
            {
                engine.AddMaintenance(work.Time, work.Hours, work.Arm, work.Kind);
            }

            engine.ComputeJson();
            return engine.DataSha256!;
        }

        var none = Hash();
        var earlierPrompt = Hash(OverheadExample.Maintenance[3]);
        var earlierTraining = Hash(OverheadExample.Maintenance[2]);
        var trainingTooEarly = Hash(OverheadExample.Maintenance[2] with { Time = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero) });

        Assert.Equal(none, earlierPrompt);
        Assert.NotEqual(none, earlierTraining);
        Assert.Equal(none, trainingTooEarly);
    }
}
