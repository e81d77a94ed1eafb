using System.Text;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>
/// Cases with an assignment: analysed in their assigned arm (intention to treat), non-compliance counted per assigned
/// arm, and the comparisons by the arm used shown beside them (asTreated) in the case type where some case did not comply.
/// </summary>
public sealed class ComplianceSnapshotTests
{
    private static readonly DateTimeOffset From = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    // a-question, effort seconds (assigned arm → arm used):
    //   manual → manual 100, 200, 300, 400; manual → ai_assisted 50, 70 (non-compliant);
    //   ai_assisted → ai_assisted 60, 80, 100, 120; ai_assisted → manual 500 (non-compliant); no assignment, manual 250.
    // b-advice: every case in its assigned arm (manual 10, 20, 30; ai_assisted 15, 25, 35).
    private static readonly (string CaseType, string? Assigned, string Arm, double Effort)[] Cases =
    [
        ("a-question", "manual", "manual", 100), ("a-question", "manual", "manual", 200), ("a-question", "manual", "manual", 300),
        ("a-question", "manual", "manual", 400), ("a-question", "manual", "ai_assisted", 50), ("a-question", "manual", "ai_assisted", 70),
        ("a-question", "ai_assisted", "ai_assisted", 60), ("a-question", "ai_assisted", "ai_assisted", 80),
        ("a-question", "ai_assisted", "ai_assisted", 100), ("a-question", "ai_assisted", "ai_assisted", 120),
        ("a-question", "ai_assisted", "manual", 500), ("a-question", null, "manual", 250),
        ("b-advice", "manual", "manual", 10), ("b-advice", "manual", "manual", 20), ("b-advice", "manual", "manual", 30),
        ("b-advice", "ai_assisted", "ai_assisted", 15), ("b-advice", "ai_assisted", "ai_assisted", 25), ("b-advice", "ai_assisted", "ai_assisted", 35),
    ];

    private static (Snapshot Snapshot, string DataSha256) Compute(bool asRecords, IEnumerable<int>? order = null)
    {
        var request = new SnapshotRequest("snap-compliance", "demo", From, From.AddDays(28), From.AddDays(29), TestConfig.Load());
        using var engine = new SnapshotEngine(request);
        var rows = (order ?? Enumerable.Range(0, Cases.Length)).Select(i =>
        {
            var (caseType, assigned, arm, effort) = Cases[i];
            return new CaseRow
            {
                CaseId = "case-" + (char)('a' + i),
                CaseType = caseType,
                Arm = arm,
                AssignedArm = assigned,
                AssignmentUnit = assigned is null ? null : "team",
                AssignmentUnitId = assigned is null ? null : "team-" + assigned,
                StartedMs = From.AddHours(i).ToUnixTimeMilliseconds(),
                CompletedMs = From.AddHours(i + 1).ToUnixTimeMilliseconds(),
                Outcome = "resolved",
                EffortSeconds = effort,
            };
        }).OrderBy(r => r.CaseId, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (asRecords)
            {
                engine.AddCaseRecord(CaseRecordCodec.Encode(row));
            }
            else
            {
                engine.AddCase(row);
            }
        }

        var snapshot = engine.Compute();
        return (snapshot, engine.DataSha256!);
    }

    private static ComparisonResult Effort(Snapshot s, string caseType) =>
        s.CaseTypes.Single(c => c.CaseType == caseType).Comparisons.Single(c => c.Metric == MetricKeys.EffortMean);

    [Fact]
    public void Compute_NonCompliantCases_ByAssignedArmWithAsTreatedBeside()
    {
        var (snapshot, _) = Compute(asRecords: false);
        var effort = Effort(snapshot, "a-question");

        // By assigned arm: manual {100, 200, 300, 400, 50, 70, 250}, mean 1370/7; ai_assisted {60, 80, 100, 120, 500},
        // mean 172. Welch's interval (numpy/scipy: mean difference ± t.ppf(0.975, Welch–Satterthwaite df) × se; the ends to
        // 1e-6, the product's t quantile agreeing with scipy's to about 1e-9 relative):
        Assert.Equal((7, 5), (effort.BaselineN, effort.TreatmentN));
        Assert.Equal(-23.714285714285722, effort.Difference!.Value, 9);
        Assert.Equal(-252.63737879516657, effort.CiLow!.Value, 6);
        Assert.Equal(205.20880736659512, effort.CiHigh!.Value, 6);

        // As treated: manual {100, 200, 300, 400, 500, 250}, mean 1750/6; ai_assisted {50, 70, 60, 80, 100, 120}, mean 80.
        var treated = effort.AsTreated!;
        Assert.Equal(-211.66666666666669, treated.Difference!.Value, 9);
        Assert.Equal(-361.27763618976985, treated.CiLow!.Value, 6);
        Assert.Equal(-62.05569714356352, treated.CiHigh!.Value, 6);

        // b-advice: everyone complied, so the two analyses are the same and no asTreated is shown.
        Assert.All(snapshot.CaseTypes.Single(c => c.CaseType == "b-advice").Comparisons, c => Assert.Null(c.AsTreated));
        Assert.All(snapshot.CaseTypes.Single(c => c.CaseType == "a-question").Comparisons, c => Assert.NotNull(c.AsTreated));
    }

    [Fact]
    public void Compute_NonCompliantCases_ComplianceCountsAndWarning()
    {
        var (snapshot, _) = Compute(asRecords: false);
        var compliance = snapshot.Compliance!;

        Assert.Equal("team", compliance.Unit);
        Assert.Equal(new Dictionary<string, long> { ["ai_assisted"] = 8, ["manual"] = 9 }, compliance.AssignedCases);
        Assert.Equal(new Dictionary<string, long> { ["ai_assisted"] = 1, ["manual"] = 2 }, compliance.NonCompliant);
        Assert.Equal(1, compliance.WithoutAssignment);

        // 3 of 17 assigned cases = 17.6 %.
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.StartsWith("3 of 17 assigned case(s) (17.6 %) were handled in another arm than assigned", StringComparison.Ordinal));
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.StartsWith("1 case(s) have no assignment while others have one", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_FromRecordsOrRowsInAnyArrivalOrder_SameFiguresAndHash()
    {
        var (rows, rowsHash) = Compute(asRecords: false);
        var (records, recordsHash) = Compute(asRecords: true, Enumerable.Range(0, Cases.Length).Reverse());

        Assert.Equal(rowsHash, recordsHash);
        Assert.Equal(Effort(rows, "a-question").AsTreated, Effort(records, "a-question").AsTreated);
        Assert.Equal(Effort(rows, "a-question").Difference, Effort(records, "a-question").Difference);
    }

    [Fact]
    public void Json_Compliance_WrittenAndReadBack()
    {
        var (snapshot, _) = Compute(asRecords: false);

        var json = SnapshotJsonWriter.Write(snapshot);
        var document = SnapshotDocumentReader.Read(json);

        var text = Encoding.UTF8.GetString(json);
        Assert.Contains("\"compliance\": {", text, StringComparison.Ordinal);
        Assert.Contains("\"asTreated\": {", text, StringComparison.Ordinal);
        Assert.Equal(snapshot.Compliance!.AssignedCases, document.Compliance!.AssignedCases);
        Assert.Equal(snapshot.Compliance.NonCompliant, document.Compliance.NonCompliant);
        Assert.Equal(("team", 1L), (document.Compliance.Unit, document.Compliance.WithoutAssignment));
        var read = document.CaseTypes.Single(c => c.CaseType == "a-question").Comparisons.Single(c => c.Metric == MetricKeys.EffortMean);
        Assert.Equal(Effort(snapshot, "a-question").AsTreated, read.AsTreated);
        Assert.Equal(json, SnapshotJsonWriter.Write(document));

        var csv = SnapshotCsv.FromJson(json);
        Assert.Contains("\n_pilot,manual,compliance.assigned_cases,9,,,9\n", csv, StringComparison.Ordinal);
        Assert.Contains("\n_pilot,manual,compliance.non_compliant,2,,,9\n", csv, StringComparison.Ordinal);
        Assert.Contains("\n_pilot,_all,compliance.without_assignment,1,,,1\n", csv, StringComparison.Ordinal);
        Assert.Contains("\na-question,ai_assisted vs manual,effort_seconds_mean.as_treated_difference,-211.66666666666669,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("b-advice,ai_assisted vs manual,effort_seconds_mean.as_treated_difference", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_TeamDesignWithANonCompliantCase_BothAnalysesByTeam()
    {
        // Teams t1, t2 assigned manual (effort 10, 20 | 30, 40), t3, t4 assigned ai_assisted (5, 15 | 25, 35), and one case
        // of t1 handled in ai_assisted (100). By assigned arm: manual mean 200/5 = 40, ai_assisted 20, difference −20.
        // As treated: manual 25, ai_assisted 180/5 = 36, difference 11 (a cluster-robust estimate weighs every case alike).
        var config = TestConfig.Load(TestConfig.Valid + TestConfig.SixteenTeams + "\n    design:\n      unit: team\n      minUnitsPerArm: 2\n");
        using var engine = new SnapshotEngine(new SnapshotRequest("snap-team", "demo", From, From.AddDays(14), From.AddDays(34), config));
        var cases = new (string Team, string Assigned, string Arm, double Effort)[]
        {
            ("t1", "manual", "manual", 10), ("t1", "manual", "manual", 20), ("t1", "manual", "ai_assisted", 100),
            ("t2", "manual", "manual", 30), ("t2", "manual", "manual", 40), ("t3", "ai_assisted", "ai_assisted", 5),
            ("t3", "ai_assisted", "ai_assisted", 15), ("t4", "ai_assisted", "ai_assisted", 25), ("t4", "ai_assisted", "ai_assisted", 35),
        };
        for (var i = 0; i < cases.Length; i++)
        {
            var (team, assigned, arm, effort) = cases[i];
            engine.AddCase(new CaseRow
            {
                CaseId = "case-" + (char)('a' + i), CaseType = "a-question", Arm = arm, AssignedArm = assigned, AssignmentUnit = "team",
                AssignmentUnitId = team, StartedMs = From.AddHours(i).ToUnixTimeMilliseconds(),
                CompletedMs = From.AddHours(i + 1).ToUnixTimeMilliseconds(), Outcome = "resolved", EffortSeconds = effort,
            });
        }

        var snapshot = engine.Compute();
        var effortComparison = Effort(snapshot, "a-question");

        Assert.Equal(("cr2_bell_mccaffrey", 2L, 2L), (effortComparison.Method, effortComparison.BaselineN, effortComparison.TreatmentN));
        Assert.Equal(-20, effortComparison.Difference!.Value, 9);
        Assert.Equal(11, effortComparison.AsTreated!.Difference!.Value, 9);
        Assert.Equal(("team", 1L), (snapshot.Compliance!.Unit, snapshot.Compliance.NonCompliantTotal));
    }
}
