using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>
/// Snapshots of a before/after design (<c>design.aiStart</c>): with a concurrent control each comparison is a
/// difference in differences, groups by assigned arm; without one the after period is compared with the cases before
/// the start and the snapshot says it is not causal. Reference values from Python (numpy, scipy.stats).
/// </summary>
public sealed class BeforeAfterSnapshotTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AiStart = From.AddDays(14);

    private static readonly EvalFramework.Evaluation.Configuration.EvaluationConfig Config = TestConfig.Load(TestConfig.Valid + """

                design:
                  aiStart: 2025-03-17

            """);

    // Effort seconds per cell: control (assigned manual) before/after, treated (assigned ai_assisted) before/after.
    private static readonly int[] ControlBefore = [300, 360, 420, 330];
    private static readonly int[] ControlAfter = [310, 380, 400, 350, 370];
    private static readonly int[] TreatedBefore = [320, 340, 410, 390];
    private static readonly int[] TreatedAfter = [200, 260, 240, 230, 250];

    private static Snapshot Compute(bool withControl)
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("ba", "demo", From, From.AddDays(28), From.AddDays(30), Config));
        var row = new CaseRow();
        var i = 0;
        void Add(int[] efforts, bool after, string assigned)
        {
            foreach (var effort in efforts)
            {
                row.Clear();
                row.CaseId = "c" + (i++).ToString("D3", CultureInfo.InvariantCulture);
                row.CaseType = "a-question";
                row.Arm = after ? assigned : "manual";
                row.AssignedArm = withControl ? assigned : null;
                row.AssignmentUnit = withControl ? AssignmentUnits.Team : null;
                row.AssignmentUnitId = withControl ? (assigned == "manual" ? "team-b" : "team-a") : null;
                row.StartedMs = (after ? AiStart.AddDays(2) : From.AddDays(2)).AddMinutes(i).ToUnixTimeMilliseconds();
                row.CompletedMs = row.StartedMs + 3_600_000;
                row.Outcome = CaseOutcomes.Resolved;
                row.EffortSeconds = effort;
                engine.AddCase(row);
            }
        }

        Add(ControlBefore, false, "manual");
        Add(TreatedBefore, false, "ai_assisted");
        if (withControl)
        {
            Add(ControlAfter, true, "manual");
        }

        Add(TreatedAfter, true, "ai_assisted");
        return engine.Compute();
    }

    [Fact]
    public void Compute_ConcurrentControl_EffortIsADifferenceInDifferences()
    {
        var snapshot = Compute(withControl: true);

        var effort = snapshot.CaseTypes.Single().Comparisons.Single(c => c.Metric == MetricKeys.EffortMean);
        Assert.Equal("difference_in_differences_welch", effort.Method);

        // Python: (mean ta − mean tb) − (mean ca − mean cb) = -138.5, 95 % interval (-224.01631620641368,
        // -52.98368379358632), p = 0.005118182342521366; the counterfactual tb + (ca − cb) = 374.5.
        Assert.Equal(-138.5, effort.Difference!.Value, 1e-9);
        Assert.Equal(-224.01631620641368, effort.CiLow!.Value, 1e-8);
        Assert.Equal(-52.98368379358632, effort.CiHigh!.Value, 1e-8);
        Assert.Equal(0.005118182342521366, effort.PValue!.Value, 1e-9);
        Assert.Equal(-138.5 / 374.5, effort.RelativeChange!.Value, 1e-12);
        Assert.Equal(4, effort.BaselineN);
        Assert.Equal(4, effort.TreatmentN);
        Assert.DoesNotContain(snapshot.CaseTypes.Single().Comparisons, c => c.Metric == MetricKeys.LeadTimeMedian);

        Assert.Equal("difference_in_differences", snapshot.Design!.Analysis);

        // The treated team's cases before the start were assigned the AI but handled manually by design: not non-compliant.
        Assert.Equal(0, snapshot.Compliance!.NonCompliant.Values.Sum());
        var section = snapshot.BeforeAfter!;
        Assert.True(section.ConcurrentControl);
        Assert.True(section.Causal);
        Assert.Equal(AiStart, section.AiStart);
        Assert.Equal(4, section.CasesBefore["manual"]);
        Assert.Equal(4, section.CasesBefore["ai_assisted"]);
        Assert.Equal(5, section.CasesAfter["manual"]);
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.Contains("difference in differences", StringComparison.Ordinal));
        Assert.DoesNotContain(snapshot.DataQuality.Warnings, w => w.Contains("the difference in differences is by unit", StringComparison.Ordinal));

        // The arms' figures are the after period's.
        var manual = snapshot.CaseTypes.Single().Arms.Single(a => a.Arm == "manual");
        Assert.Equal(362, manual[MetricKeys.EffortMean].Value!.Value, 1e-9);
    }

    [Fact]
    public void Compute_NoConcurrentControl_BeforePeriodIsTheBaselineAndNotCausal()
    {
        var snapshot = Compute(withControl: false);

        var effort = snapshot.CaseTypes.Single().Comparisons.Single(c => c.Metric == MetricKeys.EffortMean);
        Assert.Equal("welch_t", effort.Method);

        // Python (Welch on the after period's ai_assisted against the eight cases before): -122.75, 95 % interval
        // (-163.81373131213712, -81.68626868786288), p = 4.1908512663261214e-05; the before mean 358.75.
        Assert.Equal(-122.75, effort.Difference!.Value, 1e-9);
        Assert.Equal(-163.81373131213712, effort.CiLow!.Value, 1e-8);
        Assert.Equal(-81.68626868786288, effort.CiHigh!.Value, 1e-8);
        Assert.Equal(4.1908512663261214e-05, effort.PValue!.Value, 1e-11);
        Assert.Equal(8, effort.BaselineN);

        var manual = snapshot.CaseTypes.Single().Arms.Single(a => a.Arm == "manual");
        Assert.Equal(358.75, manual[MetricKeys.EffortMean].Value!.Value, 1e-9);
        Assert.Equal("before_after", snapshot.Design!.Analysis);
        Assert.False(snapshot.BeforeAfter!.ConcurrentControl);
        Assert.False(snapshot.BeforeAfter.Causal);
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.Contains("not causal: season and other changes are not separated", StringComparison.Ordinal));
        Assert.Null(snapshot.DataQuality.SampleRatio);
    }

    [Fact]
    public void Json_BeforeAfterSection_WrittenAndReadBackToTheSameBytes()
    {
        var bytes = SnapshotJsonWriter.Write(Compute(withControl: true));
        var json = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Contains("\"beforeAfter\": {", json, StringComparison.Ordinal);
        Assert.Contains("\"concurrentControl\": true", json, StringComparison.Ordinal);
        Assert.Contains("\"causal\": true", json, StringComparison.Ordinal);
        var read = SnapshotDocumentReader.Read(bytes);
        Assert.Equal(5, read.BeforeAfter!.CasesAfter["manual"]);
        Assert.Equal(bytes, SnapshotJsonWriter.Write(read));
    }

    /// <summary>
    /// A team design: three control teams and three treated teams, each with effort on both sides of the start. Python
    /// (numpy, scipy.stats.ttest_ind with equal_var=False) on the teams' changes, mean after − mean before: control
    /// changes [20, 45, 10], treated changes [-100, -70, -125]; difference -123.33333333333333, p = 0.004784805668457453,
    /// 95 % interval (-179.59586889999582, -67.07079776667085).
    /// </summary>
    [Fact]
    public void Compute_TeamDesignWithConcurrentControl_DifferenceInDifferencesByTeam()
    {
        var config = TestConfig.Load(TestConfig.Valid + """

                teams: [c1, c2, c3, t1, t2, t3]
                design:
                  unit: team
                  aiStart: 2025-03-17
                  minUnitsPerArm: 3

            """);
        using var engine = new SnapshotEngine(new SnapshotRequest("ba", "demo", From, From.AddDays(28), From.AddDays(30), config));
        var row = new CaseRow();
        var i = 0;
        void Add(string team, string assigned, bool after, params int[] efforts)
        {
            foreach (var effort in efforts)
            {
                row.Clear();
                row.CaseId = "c" + (i++).ToString("D3", CultureInfo.InvariantCulture);
                row.CaseType = "a-question";
                row.Arm = after ? assigned : "manual";
                (row.AssignedArm, row.AssignmentUnit, row.AssignmentUnitId) = (assigned, AssignmentUnits.Team, team);
                row.StartedMs = (after ? AiStart : From).AddDays(1).AddMinutes(i).ToUnixTimeMilliseconds();
                row.CompletedMs = row.StartedMs + 3_600_000;
                row.Outcome = CaseOutcomes.Resolved;
                row.EffortSeconds = effort;
                engine.AddCase(row);
            }
        }

        // Team means before → after: c1 300 → 320, c2 400 → 445, c3 350 → 360; t1 320 → 220, t2 410 → 340, t3 375 → 250.
        Add("c1", "manual", false, 290, 310);
        Add("c1", "manual", true, 320);
        Add("c2", "manual", false, 400);
        Add("c2", "manual", true, 440, 450);
        Add("c3", "manual", false, 340, 360);
        Add("c3", "manual", true, 355, 365);
        Add("t1", "ai_assisted", false, 320);
        Add("t1", "ai_assisted", true, 210, 230);
        Add("t2", "ai_assisted", false, 400, 420);
        Add("t2", "ai_assisted", true, 340);
        Add("t3", "ai_assisted", false, 370, 380);
        Add("t3", "ai_assisted", true, 250);
        var snapshot = engine.Compute();

        var effort = snapshot.CaseTypes.Single().Comparisons.Single(c => c.Metric == MetricKeys.EffortMean);
        Assert.Equal("difference_in_differences_unit_welch", effort.Method);
        Assert.Equal("team", effort.Unit);
        Assert.Equal((3, 3), (effort.BaselineN, effort.TreatmentN));
        Assert.Equal(-123.33333333333333, effort.Difference!.Value, 1e-9);
        Assert.Equal(0.004784805668457453, effort.PValue!.Value, 1e-9);
        Assert.Equal(-179.59586889999582, effort.CiLow!.Value, 1e-8);
        Assert.Equal(-67.07079776667085, effort.CiHigh!.Value, 1e-8);
        Assert.NotEqual(Verdicts.InsufficientData, effort.Verdict);
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.Contains("the difference in differences is by unit", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_TeamDesignBaselinePeriodWithoutUnits_EachCaseCountedOnceWithoutUnit()
    {
        var config = TestConfig.Load(TestConfig.Valid + """

                teams: [team-a, team-b, team-c, team-d, team-e, team-f, team-g, team-h]
                design:
                  unit: team
                  aiStart: 2025-03-17

            """);
        using var engine = new SnapshotEngine(new SnapshotRequest("ba", "demo", From, From.AddDays(28), From.AddDays(30), config));
        var row = new CaseRow();
        for (var i = 0; i < 6; i++)
        {
            row.Clear();
            row.CaseId = "c" + i.ToString(CultureInfo.InvariantCulture);
            row.CaseType = "a-question";
            row.Arm = i < 4 ? "manual" : "ai_assisted";
            if (i >= 4)
            {
                (row.AssignedArm, row.AssignmentUnit, row.AssignmentUnitId) = ("ai_assisted", AssignmentUnits.Team, "team-a");
            }

            row.StartedMs = (i < 4 ? From.AddDays(1) : AiStart.AddDays(1)).AddMinutes(i).ToUnixTimeMilliseconds();
            engine.AddCase(row);
        }

        // The four imported-style cases before the start have no team; the pooled baseline period repeats them without counting again.
        Assert.Equal(4, engine.Compute().Design!.CasesWithoutUnit);
    }

    [Fact]
    public void Compute_NoAiStart_NoSection()
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("ba", "demo", From, From.AddDays(28), From.AddDays(30), TestConfig.Load()));

        Assert.Null(engine.Compute().BeforeAfter);
    }
}
