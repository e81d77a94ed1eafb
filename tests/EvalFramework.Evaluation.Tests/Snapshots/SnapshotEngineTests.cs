using System.Globalization;
using System.Text;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

public sealed class SnapshotEngineTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static SnapshotEngine Engine(EvaluationConfig? config, string pilot = "demo") =>
        new(new SnapshotRequest("snap-test", pilot, From, From.AddDays(14), From.AddDays(15), config));

    private static void AddCases(SnapshotEngine engine, string arm, int count, Action<int, CaseRow>? shape = null, string prefix = "")
    {
        var row = new CaseRow();
        for (var i = 0; i < count; i++)
        {
            row.Clear();
            row.CaseId = prefix + arm + "-" + i.ToString("D5", CultureInfo.InvariantCulture);
            row.CaseType = "a-question";
            row.Arm = arm;
            row.StartedMs = From.AddMinutes(i).ToUnixTimeMilliseconds();
            row.CompletedMs = row.StartedMs + 60_000;
            row.Outcome = CaseOutcomes.Resolved;
            row.EffortSeconds = 100 + (i % 7);
            row.EffortByRole.Add(new RoleEffort("handlaggare", row.EffortSeconds));
            shape?.Invoke(i, row);
            engine.AddCase(row);
        }
    }

    private static MetricValue Metric(Snapshot snapshot, string arm, string key) =>
        snapshot.CaseTypes.Single().Arms.Single(a => a.Arm == arm)[key];

    [Fact]
    public void ComputeJson_SameDataTwice_SameBytes()
    {
        byte[] Make()
        {
            using var engine = Engine(TestConfig.Load());
            AddCases(engine, "ai_assisted", 40, (i, r) => r.CompletedMs += i * 1000L);
            AddCases(engine, "manual", 40, (i, r) => r.CompletedMs += i * 1500L);
            return engine.ComputeJson();
        }

        var first = Make();
        var second = Make();

        Assert.Equal(first, second);
        Assert.Contains("\"dataSha256\"", Encoding.UTF8.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public void AddCase_CaseIdsNotAscending_Throws()
    {
        using var engine = Engine(null);
        var row = new CaseRow { CaseId = "b", CaseType = "a-question", Arm = "manual" };
        engine.AddCase(row);
        row.CaseId = "a";

        Assert.Throws<ArgumentException>(() => engine.AddCase(row));
    }

    [Fact]
    public void Compute_NoConfig_NoFiguresAndWarningsSayWhy()
    {
        using var engine = Engine(null);
        AddCases(engine, "manual", 5);

        var snapshot = engine.Compute();

        Assert.Empty(snapshot.CaseTypes);
        Assert.Null(snapshot.ConfigSha256);
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.StartsWith("no evaluation config loaded", StringComparison.Ordinal));
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.StartsWith("5 case(s) have a case type or arm that is not in the pilot's config", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_RoleMissingFromConfig_CostNullCountingTheRoleWithoutNamingIt()
    {
        using var engine = Engine(TestConfig.Load());
        AddCases(engine, "manual", 5, (_, r) => r.EffortByRole.Add(new RoleEffort("jurist", 10)));

        var snapshot = engine.Compute();

        Assert.Null(Metric(snapshot, "manual", MetricKeys.CostPerCase).Value);
        Assert.NotNull(Metric(snapshot, "manual", MetricKeys.EnergyPerCase).Value);
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.StartsWith("1 staff role(s) in the data have no hourly cost", StringComparison.Ordinal));
        Assert.DoesNotContain(snapshot.DataQuality.Warnings, w => w.Contains("jurist", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_NpsThreePromotersOnePassiveOneDetractor_Is40()
    {
        using var engine = Engine(TestConfig.Load());
        AddCases(engine, "manual", 5, (i, r) =>
        {
            r.NpsCount = 1;
            r.NpsPromoters = i < 3 ? 1 : 0;
            r.NpsDetractors = i == 4 ? 1 : 0;
        });

        var nps = Metric(engine.Compute(), "manual", MetricKeys.Nps);

        Assert.Equal(40, nps.Value!.Value, 9);
        Assert.Equal(5, nps.N);
        Assert.True(nps.CiLow >= -100 && nps.CiHigh <= 100);
    }

    [Fact]
    public void Compute_ErrorRatesEqualWithMargin_NonInferior()
    {
        var config = TestConfig.Load(TestConfig.Valid + "\n    analysisPlan:\n      guardrails:\n        - {metric: error_rate, margin: 0.1}\n");
        using var engine = Engine(config);
        void Reviewed(int i, CaseRow r)
        {
            r.Reviews = 1;
            r.ReviewsIncorrect = i % 10 == 0 ? 1 : 0;
        }

        AddCases(engine, "ai_assisted", 400, Reviewed);
        AddCases(engine, "manual", 400, Reviewed);

        var errorRate = engine.Compute().CaseTypes.Single().Comparisons.Single(c => c.Metric == MetricKeys.ErrorRate);

        Assert.Equal(Verdicts.NonInferior, errorRate.Verdict);
        Assert.Equal(0.1, errorRate.NonInferiorityMargin);
        Assert.Equal(0, errorRate.Difference!.Value, 12);
    }

    [Fact]
    public void Compute_FewerThanMinimum_InsufficientDataAndListed()
    {
        using var engine = Engine(TestConfig.Load());
        AddCases(engine, "ai_assisted", 10);
        AddCases(engine, "manual", 40);

        var snapshot = engine.Compute();

        Assert.All(snapshot.CaseTypes.Single().Comparisons, c => Assert.Equal(Verdicts.InsufficientData, c.Verdict));
        Assert.Contains(snapshot.DataQuality.MetricsBelowMinimum, m => m.StartsWith("a-question/effort_seconds_mean: manual n=40, ai_assisted n=10", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_700Versus300OnFiftyFifty_SampleRatioMismatch()
    {
        using var engine = Engine(TestConfig.Load());
        AddCases(engine, "ai_assisted", 300);
        AddCases(engine, "manual", 700);

        var srm = engine.Compute().DataQuality.SampleRatio!;

        Assert.True(srm.Mismatch);
        Assert.Equal(160, srm.ChiSquare, 9);
    }

    [Fact]
    public void Compute_ManualCaseWithConfig_CostIsStaffPlusMonthlyShareOfFixed()
    {
        // TestConfig: handlaggare 600 SEK/h; the only fixed cost (10 000 SEK/month) is borne by ai_assisted. The period is
        // 14 days of March (31 days), so it bears 10 000 × 14/31 SEK, spread over the arm's 4 closed cases.
        using var engine = Engine(TestConfig.Load());
        AddCases(engine, "ai_assisted", 4, (_, r) =>
        {
            r.EffortByRole.Clear();
            r.EffortSeconds = 0;
            r.AiUsage.Add(new ModelUsage("small-model", 1_000_000, 1_000_000, 0, 0, 0));
        });
        AddCases(engine, "manual", 1, (_, r) =>
        {
            r.EffortSeconds = 3600;
            r.EffortByRole.Clear();
            r.EffortByRole.Add(new RoleEffort("handlaggare", 3600));
        });

        var snapshot = engine.Compute();

        Assert.Equal(600, Metric(snapshot, "manual", MetricKeys.CostPerCase).Value!.Value, 9);
        Assert.Equal(2 + 8 + (10_000 * 14 / 31.0 / 4), Metric(snapshot, "ai_assisted", MetricKeys.CostPerCase).Value!.Value, 9);
        Assert.Equal(10_000 * 14 / 31.0 / 4, Metric(snapshot, "ai_assisted", MetricKeys.OverheadPerCase).Value!.Value, 9);
        Assert.Equal(0, Metric(snapshot, "manual", MetricKeys.OverheadPerCase).Value!.Value);
    }
}
