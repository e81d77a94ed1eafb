using System.Globalization;
using System.Text;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>
/// Snapshots of pilots whose teams, handlers or weeks were assigned to the arms: the comparisons are by unit (CR2 with
/// Bell–McCaffrey df), the design section and the sample-ratio check count units. The reference figures are the
/// research reference values of datasets D1–D3 (computed in Python by three independent code paths, see
/// <see cref="Statistics.ClusterRobustTests"/>), here fed through the engine as cases.
/// </summary>
public sealed class ClusteredSnapshotTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>D1: effort (continuous), teams T1–T3 manual, T4–T7 AI.</summary>
    private static readonly double[] D1Y =
        [4.2, 5.1, 3.9, 6.0, 5.5, 4.8, 5.9, 6.3, 3.1, 4.4, 2.7, 3.8, 7.2, 6.1, 5.0, 6.6, 7.4, 5.8, 6.9, 6.2, 4.9, 5.7, 6.4, 8.1, 7.0, 6.8, 7.7];

    private static readonly int[] D1Sizes = [3, 5, 4, 2, 6, 3, 4];

    /// <summary>D3: a switchback, 8 weeks of 7, 5, 6, 8, 4, 6, 5 and 7 cases; weeks 2, 3, 6 and 7 AI.</summary>
    private static readonly double[] D3Y =
    [
        11.4, 10.6, 9.8, 9.0, 8.4, 10.3, 9.5, 10.5, 11.2, 11.3, 9.1, 12.3, 8.6, 12.5, 11.2, 10.1, 11.9, 10.6, 10.3, 9.7, 10.7, 10.7, 8.7, 9.0,
        9.9, 9.4, 8.3, 12.6, 8.4, 8.5, 10.4, 12.3, 13.5, 11.5, 11.3, 11.9, 9.9, 10.4, 9.2, 10.7, 10.7, 7.6, 9.9, 10.2, 10.6, 9.2, 8.7, 9.0,
    ];

    private static readonly int[] D3Sizes = [7, 5, 6, 8, 4, 6, 5, 7];

    private static readonly bool[] D3Ai = [false, true, true, false, false, true, true, false];

    /// <summary>D2: 0/1 outcomes of 8 handlers, H1–H4 manual (5, 8, 6, 7 cases), H5–H8 AI (4, 9, 6, 5 cases).</summary>
    private static readonly int[] D2Y =
    [
        0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0,
        1, 1, 1, 0, 1,
    ];

    private static readonly int[] D2Sizes = [5, 8, 6, 7, 4, 9, 6, 5];

    private static EvaluationConfig Config(string design) => TestConfig.Load(TestConfig.Valid + TestConfig.SixteenTeams + "\n    design:\n" + design);

    private static Snapshot Make(EvaluationConfig config, Action<SnapshotEngine> feed, int days = 14)
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("snap-cluster", "demo", From, From.AddDays(days), From.AddDays(days + 20), config));
        feed(engine);
        return engine.Compute();
    }

    /// <summary>D1's cases: T1–T3 manual, T4–T7 AI, effort = y, with an assignment of unit team.</summary>
    private static void FeedD1(SnapshotEngine engine)
    {
        var row = new CaseRow();
        var i = 0;
        for (var team = 0; team < D1Sizes.Length; team++)
        {
            for (var k = 0; k < D1Sizes[team]; k++, i++)
            {
                Case(row, i, team < 3 ? "manual" : "ai_assisted", D1Y[i]);
                row.AssignedArm = row.Arm;
                row.AssignmentUnit = AssignmentUnits.Team;
                row.AssignmentUnitId = "T" + (team + 1).ToString(CultureInfo.InvariantCulture);
                engine.AddCase(row);
            }
        }
    }

    private static void Case(CaseRow row, int i, string arm, double effort)
    {
        row.Clear();
        row.CaseId = "c" + i.ToString("D5", CultureInfo.InvariantCulture);
        row.CaseType = "a-question";
        row.Arm = arm;
        row.StartedMs = From.AddHours(i).ToUnixTimeMilliseconds();
        row.CompletedMs = row.StartedMs + 60_000;
        row.Outcome = CaseOutcomes.Resolved;
        row.EffortSeconds = effort;
    }

    private static ComparisonResult Effort(Snapshot s) => s.CaseTypes.Single().Comparisons.Single(c => c.Metric == MetricKeys.EffortMean);

    private static void Close(double expected, double? actual, double relative = 1e-12) =>
        Assert.True(actual is { } a && Math.Abs(expected - a) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Compute_TwoTeamsPerArmOfOppositeNps_DifferenceIntervalCutAtTheLargestPossibleDifference()
    {
        // Per arm one team of 40 detractors and one of 40 promoters: NPS 0 in both arms, V = 2 · 2 · 0.25 · 100² / 0.5 =
        // 20,000, df = 2, so the Wald-t interval would be 0 ± 4.303 · 141.4 = ±608.5 points; an NPS difference lies in ±200.
        var snapshot = Make(Config("      unit: team\n      minUnitsPerArm: 2\n"), engine =>
        {
            var row = new CaseRow();
            var i = 0;
            foreach (var (team, arm, promoter) in new[] { ("T1", "manual", false), ("T2", "manual", true), ("T3", "ai_assisted", false), ("T4", "ai_assisted", true) })
            {
                for (var k = 0; k < 40; k++, i++)
                {
                    Case(row, i, arm, 300);
                    row.AssignedArm = arm;
                    row.AssignmentUnit = AssignmentUnits.Team;
                    row.AssignmentUnitId = team;
                    row.NpsCount = 1;
                    row.NpsPromoters = promoter ? 1 : 0;
                    row.NpsDetractors = promoter ? 0 : 1;
                    engine.AddCase(row);
                }
            }
        });

        var nps = snapshot.CaseTypes.Single().Comparisons.Single(c => c.Metric == MetricKeys.Nps);
        Assert.Equal(0, nps.Difference!.Value, 12);
        Assert.Equal((-200.0, 200.0), (nps.CiLow!.Value, nps.CiHigh!.Value));
    }

    [Fact]
    public void Compute_TeamDesign_EffortComparedByTeamAsThePythonReference()
    {
        var snapshot = Make(Config("      unit: team\n      minUnitsPerArm: 3\n"), FeedD1);

        var effort = Effort(snapshot);

        Assert.Equal("cr2_bell_mccaffrey", effort.Method);
        Assert.Equal("team", effort.Unit);
        Assert.Equal(3, effort.BaselineN);
        Assert.Equal(4, effort.TreatmentN);
        Close(1.8783333333333339, effort.Difference);
        // The ends go through MathNet's t quantile at a fractional df (about 1e-9 relative).
        Assert.Equal(-0.3709299931402863, effort.CiLow!.Value, 1e-8);
        Assert.Equal(4.1275966598069544, effort.CiHigh!.Value, 1e-8);
        Assert.Equal(0.08193475418954153, effort.PValue!.Value, 1e-8);
        Assert.NotEqual(Verdicts.InsufficientData, effort.Verdict);

        // The snapshot states what the interval was made from, so a reader can check it (research reference D1: SE and ν).
        Close(0.8236071696150236, effort.StandardError);
        Close(4.17563043963401, effort.DegreesOfFreedom);
    }

    [Fact]
    public void Compute_TeamDesign_DesignSectionCountsTeamsAndGivesTheIcc()
    {
        var snapshot = Make(Config("      unit: team\n      minUnitsPerArm: 3\n"), FeedD1);

        var design = snapshot.Design!;

        Assert.Equal("team", design.Unit);
        Assert.Equal("cluster_robust", design.Analysis);
        Assert.Equal(3, design.MinUnitsPerArm);
        Assert.Equal([new("manual", 3), new("ai_assisted", 4)], design.UnitsPerArm);
        Assert.Equal(0, design.CasesWithoutUnit);
        // Python icc_anova(y, cluster, arm) on D1: 0.5957819864841841.
        Close(0.5957819864841841, design.Icc.Single(i => i.Metric == MetricKeys.EffortMean).Value);
        Assert.All(design.Icc, i => Assert.InRange(i.Value, 0, 1));
        var ratio = snapshot.DataQuality.SampleRatio!;
        Assert.Equal("team", ratio.Unit);
        Assert.Equal([new("manual", 3), new("ai_assisted", 4)], ratio.Observed);
    }

    /// <summary>Each arm's mean effort with its teams as clusters (Python: cr2_general, y ~ 1, on each arm of D1).</summary>
    [Fact]
    public void Compute_TeamDesign_ArmIntervalsByTeamAndNoMedianInterval()
    {
        var snapshot = Make(Config("      unit: team\n      minUnitsPerArm: 3\n"), FeedD1);

        var manual = snapshot.CaseTypes.Single().Arms.Single(a => a.Arm == "manual");
        var ai = snapshot.CaseTypes.Single().Arms.Single(a => a.Arm == "ai_assisted");

        Close(4.641666666666667, manual[MetricKeys.EffortMean].Value);
        Assert.Equal(12, manual[MetricKeys.EffortMean].N);
        Assert.Equal(1.2840796660106748, manual[MetricKeys.EffortMean].CiLow!.Value, 1e-8);
        Assert.Equal(7.999253667322659, manual[MetricKeys.EffortMean].CiHigh!.Value, 1e-8);
        Assert.Equal(5.2804414799540105, ai[MetricKeys.EffortMean].CiLow!.Value, 1e-8);
        Assert.Equal(7.759558520045989, ai[MetricKeys.EffortMean].CiHigh!.Value, 1e-8);
        Assert.NotNull(manual[MetricKeys.LeadTimeMedian].Value);
        Assert.Null(manual[MetricKeys.LeadTimeMedian].CiLow);
        Assert.Null(manual[MetricKeys.LeadTimeP90].CiHigh);
    }

    [Fact]
    public void Compute_TeamsBelowMinimum_InsufficientDataAndTheWarningSaysWhy()
    {
        var snapshot = Make(Config("      unit: team\n"), FeedD1);

        var effort = Effort(snapshot);

        Assert.Equal(Verdicts.InsufficientData, effort.Verdict);
        Assert.NotNull(effort.CiLow);
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.Contains("fewer than 4 teams with a value in an arm", StringComparison.Ordinal));
        Assert.Contains("a-question/effort_seconds_mean: manual 3 team(s), ai_assisted 4 team(s) (minimum 4)", snapshot.DataQuality.MetricsBelowMinimum);
    }

    [Fact]
    public void Compute_TeamDesign_MedianNotComparedAndSaysSo()
    {
        var snapshot = Make(Config("      unit: team\n      minUnitsPerArm: 3\n"), FeedD1);

        var median = snapshot.CaseTypes.Single().Comparisons.Single(c => c.Metric == MetricKeys.LeadTimeMedian);

        Assert.Equal("not_tested_clustered", median.Method);
        Assert.Equal(Verdicts.InsufficientData, median.Verdict);
        Assert.Null(median.CiLow);
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.StartsWith("lead_time_seconds_median is not compared when teams are assigned", StringComparison.Ordinal));
    }

    /// <summary>
    /// D2 under a handler design: a case with y = 1 is abandoned (abandonment_rate is D2's share) and each case has one
    /// NPS answer, a promoter when y = 1, else a passive (even case index) or a detractor (odd). The NPS reference is
    /// Python's cr2_general (the case-level matrix algorithm) on the answers' scores (+100, 0, −100) with y ~ arm and
    /// the handler as cluster: 54.166666666666664, V = 385.91604545551866, df = 5.5703801193887434, 95 % interval
    /// [5.184566660335129, 103.14876667299819], p = 0.035626630377077584 (scipy's t).
    /// </summary>
    [Fact]
    public void Compute_HandlerDesign_SharesAndNpsByHandlerAsThePythonReference()
    {
        var snapshot = Make(Config("      unit: handler\n"), engine =>
        {
            var row = new CaseRow();
            var i = 0;
            for (var handler = 0; handler < D2Sizes.Length; handler++)
            {
                for (var k = 0; k < D2Sizes[handler]; k++, i++)
                {
                    Case(row, i, handler < 4 ? "manual" : "ai_assisted", 300);
                    row.Outcome = D2Y[i] == 1 ? CaseOutcomes.Abandoned : CaseOutcomes.Resolved;
                    row.NpsCount = 1;
                    row.NpsPromoters = D2Y[i];
                    row.NpsDetractors = D2Y[i] == 0 && i % 2 == 1 ? 1 : 0;
                    row.AssignedArm = row.Arm;
                    row.AssignmentUnit = AssignmentUnits.Handler;
                    row.AssignmentUnitId = "h" + handler.ToString(CultureInfo.InvariantCulture);
                    engine.AddCase(row);
                }
            }
        });

        var comparisons = snapshot.CaseTypes.Single().Comparisons;
        var abandonment = comparisons.Single(c => c.Metric == MetricKeys.AbandonmentRate);
        var nps = comparisons.Single(c => c.Metric == MetricKeys.Nps);

        Assert.Equal("handler", abandonment.Unit);
        Assert.Equal(4, abandonment.BaselineN);
        Close(0.35897435897435903, abandonment.Difference);
        Assert.Equal(0.1143974561421641, abandonment.CiLow!.Value, 1e-8);
        Assert.Equal(0.6035512618065539, abandonment.CiHigh!.Value, 1e-8);
        Assert.Equal(0.01206624046722324, abandonment.PValue!.Value, 1e-8);
        Close(54.166666666666664, nps.Difference);
        Assert.Equal(5.184566660335129, nps.CiLow!.Value, 1e-7);
        Assert.Equal(103.14876667299819, nps.CiHigh!.Value, 1e-7);
        Assert.Equal(0.035626630377077584, nps.PValue!.Value, 1e-8);
        Assert.Equal("handler", nps.Unit);
        // Python icc_anova of the scores: −0.026321787623947223, reported as 0.
        Assert.Equal(0, snapshot.Design!.Icc.Single(v => v.Metric == MetricKeys.Nps).Value);
    }

    /// <summary>
    /// D3 as a switchback of 7-day periods, the cases recorded without an assignment: each is put in the ISO week its
    /// start falls in, and the comparison is Python's CR2 without a block effect (V = 0.13813007283021805,
    /// df = 5.762110834702564).
    /// </summary>
    [Fact]
    public void Compute_SwitchbackWithoutAssignment_WeeksFromStartTimes()
    {
        var snapshot = Make(Config("      unit: period\n      periodLength: 7d\n"), engine =>
        {
            var row = new CaseRow();
            var i = 0;
            for (var week = 0; week < D3Sizes.Length; week++)
            {
                for (var k = 0; k < D3Sizes[week]; k++, i++)
                {
                    Case(row, i, D3Ai[week] ? "ai_assisted" : "manual", D3Y[i]);
                    row.StartedMs = From.AddDays((7 * week) + (k % 7)).AddHours(k).ToUnixTimeMilliseconds();
                    row.CompletedMs = row.StartedMs + 60_000;
                    engine.AddCase(row);
                }
            }
        }, days: 56);

        var effort = Effort(snapshot);

        Assert.Equal("period", effort.Unit);
        Assert.Equal(4, effort.BaselineN);
        Assert.Equal(4, effort.TreatmentN);
        Close(1.328321678321677, effort.Difference);
        Assert.Equal(0.4097269020208554, effort.CiLow!.Value, 1e-8);
        Assert.Equal(2.2469164546224984, effort.CiHigh!.Value, 1e-8);
        Assert.Equal([new("manual", 4), new("ai_assisted", 4)], snapshot.Design!.UnitsPerArm);
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.StartsWith("48 case(s) carry no assignment: each is counted in the period", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_CasesWithoutTheDesignsUnit_CountedAndLeftOutOfComparisons()
    {
        var snapshot = Make(Config("      unit: team\n      minUnitsPerArm: 3\n"), engine =>
        {
            FeedD1(engine);
            var row = new CaseRow();
            Case(row, 90, "manual", 1000);
            engine.AddCase(row);
        });

        Assert.Equal(1, snapshot.Design!.CasesWithoutUnit);
        Close(1.8783333333333339, Effort(snapshot).Difference);
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.StartsWith("1 case(s) carry no assignment of a team", StringComparison.Ordinal));
    }

    /// <summary>
    /// Four teams of 20 cases in the manual arm, four of 60 in the AI arm: the cases per arm (80 against 240, chi-square
    /// 80, p ≈ 4e-19) are far from the shares, the teams (4 against 4) are not, and teams are what was assigned.
    /// </summary>
    [Fact]
    public void Compute_UnequalTeamSizes_SampleRatioCountsTeamsAndFindsNoMismatch()
    {
        void Feed(SnapshotEngine engine)
        {
            var row = new CaseRow();
            var i = 0;
            for (var team = 0; team < 8; team++)
            {
                for (var k = 0; k < (team < 4 ? 20 : 60); k++, i++)
                {
                    Case(row, i, team < 4 ? "manual" : "ai_assisted", 300 + (k % 5) + team);
                    row.AssignedArm = row.Arm;
                    row.AssignmentUnit = AssignmentUnits.Team;
                    row.AssignmentUnitId = "team-" + team.ToString(CultureInfo.InvariantCulture);
                    engine.AddCase(row);
                }
            }
        }

        var byTeam = Make(Config("      unit: team\n"), Feed);
        var byCase = Make(TestConfig.Load(), Feed);

        Assert.Equal([new("manual", 4), new("ai_assisted", 4)], byTeam.DataQuality.SampleRatio!.Observed);
        Assert.False(byTeam.DataQuality.SampleRatio.Mismatch);
        Assert.DoesNotContain(byTeam.DataQuality.Warnings, w => w.StartsWith("sample ratio mismatch", StringComparison.Ordinal));
        Assert.Equal(80, byCase.DataQuality.SampleRatio!.ChiSquare, 1e-9);
        Assert.True(byCase.DataQuality.SampleRatio.Mismatch);
    }

    [Fact]
    public void Compute_CaseDesign_DesignSectionIsCaseLevelAndComparisonsUnchanged()
    {
        var snapshot = Make(TestConfig.Load(), FeedD1);

        Assert.Equal("case", snapshot.Design!.Unit);
        Assert.Equal("case_level", snapshot.Design.Analysis);
        Assert.Equal([new("manual", 12), new("ai_assisted", 15)], snapshot.Design.UnitsPerArm);
        Assert.Empty(snapshot.Design.Icc);
        Assert.Equal("welch_t", Effort(snapshot).Method);
        Assert.Equal("case", Effort(snapshot).Unit);
        Assert.Null(snapshot.DataQuality.SampleRatio!.Unit);
    }

    [Fact]
    public void Write_TeamSnapshotReadBack_SameBytes()
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("snap-cluster", "demo", From, From.AddDays(14), From.AddDays(34),
            Config("      unit: team\n      minUnitsPerArm: 3\n")));
        FeedD1(engine);
        var stored = engine.ComputeJson();

        var document = SnapshotDocumentReader.Read(stored);

        Assert.Equal("cluster_robust", document.Design!.Analysis);
        Assert.Equal("team", document.DataQuality.SampleRatio!.Unit);
        Assert.Equal(Encoding.UTF8.GetString(stored), Encoding.UTF8.GetString(SnapshotJsonWriter.Write(document)));
    }
}
