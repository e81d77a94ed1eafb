using System.Globalization;
using System.Text.Json;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Models;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>The <c>breakdowns</c> section: cost and energy parts per case and the weekly series behind the report's charts.</summary>
public sealed class SnapshotBreakdownTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static SnapshotEngine Engine(int days) =>
        new(new SnapshotRequest("snap-parts", "demo", From, From.AddDays(days), From.AddDays(days + 1), TestConfig.Load()));

    private static void AddCase(SnapshotEngine engine, string id, string arm, DateTimeOffset started, DateTimeOffset? completed,
        double effortSeconds, long outputTokens = 0)
    {
        var row = new CaseRow
        {
            CaseId = id,
            CaseType = "a-question",
            Arm = arm,
            StartedMs = started.ToUnixTimeMilliseconds(),
            CompletedMs = completed?.ToUnixTimeMilliseconds(),
            Outcome = completed is null ? null : CaseOutcomes.Resolved,
            EffortSeconds = effortSeconds,
        };
        if (effortSeconds > 0)
        {
            row.EffortByRole.Add(new RoleEffort("handlaggare", effortSeconds));
        }

        if (outputTokens > 0)
        {
            row.AiUsage.Add(new ModelUsage("small-model", outputTokens, outputTokens, 0, 0, 0));
        }

        engine.AddCase(row);
    }

    private static ArmBreakdown Arm(Snapshot snapshot, string arm) =>
        snapshot.Breakdowns.CaseTypes.Single().Arms.Single(a => a.Arm == arm);

    [Fact]
    public void Compute_CostByHand_PartsAreStaffAiFixedAndAddUpToCostPerCase()
    {
        // TestConfig: handlaggare 600 SEK/h; small-model 2 + 8 SEK per million tokens; a 10 000 SEK/month licence borne by
        // ai_assisted; maintenance 800 SEK/h with no default arm. Four AI cases in a 14-day period of March: each bears
        // 10 000 × 14/31 ÷ 4 = 1 129.03 SEK of licence and 2 hours of AI-arm maintenance × 800 ÷ 4 = 400 SEK.
        using var engine = Engine(14);
        for (var i = 0; i < 4; i++)
        {
            AddCase(engine, "a" + i.ToString(CultureInfo.InvariantCulture), "ai_assisted", From.AddHours(i), From.AddHours(i + 1), 1800, 1_000_000);
        }

        AddCase(engine, "m0", "manual", From, From.AddHours(2), 3600);
        engine.AddMaintenance(From.AddDays(1), 2, "ai_assisted", null);

        var snapshot = engine.Compute();

        var ai = Arm(snapshot, "ai_assisted").Cost!;
        Assert.Equal(300, ai.StaffSek, 9);
        Assert.Equal(10, ai.AiSek, 9);
        Assert.Equal(10_000 * 14 / 31.0 / 4, ai.FixedSek, 9);
        Assert.Equal(400, ai.MaintenanceSek, 9);
        var aiTotal = snapshot.CaseTypes.Single().Arms.Single(a => a.Arm == "ai_assisted")[MetricKeys.CostPerCase].Value!.Value;
        Assert.Equal(aiTotal, ai.StaffSek + ai.AiSek + ai.FixedSek + ai.MaintenanceSek, 9);
        Assert.Equal(new CostParts(600, 0, 0, 0), Arm(snapshot, "manual").Cost);
    }

    [Fact]
    public void Compute_ReportedAndUnpricedAiUsage_CostAndEnergyAreTheModels()
    {
        // One AI case: two roles (one without a price would void cost, so both priced), a model usage whose calls
        // partly reported their own costSek. The snapshot's parts are exactly what CostModel and EnergyModel give.
        using var engine = Engine(14);
        var row = new CaseRow
        {
            CaseId = "a0", CaseType = "a-question", Arm = "ai_assisted", StartedMs = From.ToUnixTimeMilliseconds(),
            CompletedMs = From.AddHours(1).ToUnixTimeMilliseconds(), Outcome = CaseOutcomes.Resolved, EffortSeconds = 1000,
        };
        row.EffortByRole.Add(new RoleEffort("handlaggare", 700));
        row.EffortByRole.Add(new RoleEffort("handlaggare", 300));
        row.AiUsage.Add(new ModelUsage("small-model", 30_000, 7_000, 10_000, 2_000, 0.125));
        engine.AddCase(row);
        AddCase(engine, "m0", "manual", From, From.AddHours(1), 3600);
        var config = TestConfig.Load();
        var cost = new CostModel(config.Pilots[0]);
        var energy = new EnergyModel(config.Energy, config.Pilots[0]);
        Assert.True(cost.TryStaffCostSek("handlaggare", 700, out var staff1));
        Assert.True(cost.TryStaffCostSek("handlaggare", 300, out var staff2));
        Assert.True(cost.TryAiPrice("small-model", out var price));
        Assert.True(energy.TryAiEnergy("small-model", out var perToken));

        var snapshot = engine.Compute();

        var parts = Arm(snapshot, "ai_assisted");
        Assert.Equal(0.0 + staff1 + staff2, parts.Cost!.StaffSek);
        Assert.Equal(0.0 + price.CostSek(0.125, 20_000, 5_000), parts.Cost.AiSek);
        Assert.Equal(energy.HumanWh(1000), parts.Energy!.WorkstationWh);
        Assert.Equal(0.0 + perToken.Wh(7_000), parts.Energy.AiWh);
    }

    [Fact]
    public void Compute_EnergyByHand_WorkstationAndAiPartsAddUpToEnergyAndCo2e()
    {
        // Defaults: 150 W workstation, PUE 1.2, 40 g CO2e/kWh; small-model has 10 B active parameters.
        using var engine = Engine(14);
        AddCase(engine, "a0", "ai_assisted", From, From.AddHours(1), 1800, 1_000_000);
        AddCase(engine, "m0", "manual", From, From.AddHours(1), 3600);
        var config = TestConfig.Load();
        var aiWh = new EnergyModel(config.Energy, config.Pilots[0]).AiWh(new AiUsageInput("small-model", 1_000_000, 1_000_000));

        var snapshot = engine.Compute();

        var ai = Arm(snapshot, "ai_assisted").Energy!;
        Assert.Equal(75, ai.WorkstationWh, 9);
        Assert.Equal(aiWh, ai.AiWh, 9);
        Assert.Equal(75 / 1000.0 * 40, ai.WorkstationCo2eG, 9);
        var metrics = snapshot.CaseTypes.Single().Arms.Single(a => a.Arm == "ai_assisted");
        Assert.Equal(metrics[MetricKeys.EnergyPerCase].Value!.Value, ai.WorkstationWh + ai.AiWh, 9);
        Assert.Equal(metrics[MetricKeys.Co2ePerCase].Value!.Value, ai.WorkstationCo2eG + ai.AiCo2eG, 9);
        Assert.Equal(150, Arm(snapshot, "manual").Energy!.WorkstationWh, 9);
        Assert.Equal(0, Arm(snapshot, "manual").Energy!.AiWh);
    }

    [Fact]
    public void Compute_TenDayPeriod_TwoWeeksOfSevenAndThreeDaysCountingCompletions()
    {
        using var engine = Engine(10);
        AddCase(engine, "m0", "manual", From, From.AddDays(1), 60);
        AddCase(engine, "m1", "manual", From.AddDays(6), From.AddDays(7), 60);
        AddCase(engine, "m2", "manual", From.AddDays(8), From.AddDays(9.5), 60);
        AddCase(engine, "m3", "manual", From.AddDays(9), From.AddDays(12), 60);
        AddCase(engine, "m4", "manual", From.AddDays(9), null, 60);
        engine.AddMaintenance(From.AddDays(2), 1.5, null, null);
        engine.AddMaintenance(From.AddDays(8), 0.5, "ai_assisted", null);

        var snapshot = engine.Compute();

        Assert.Equal([(From, 7.0), (From.AddDays(7), 3.0)], snapshot.Breakdowns.Weeks);
        var manual = Arm(snapshot, "manual");
        Assert.Equal([1L, 2L], manual.WeeklyCompleted);
        Assert.Equal(1, manual.CompletedAfterPeriod);
        Assert.Equal(4, manual.Completed);
        Assert.Equal([1.5, 0.5], snapshot.Breakdowns.WeeklyMaintenanceHours);
    }

    [Fact]
    public void Compute_CostAndEnergyUnavailable_PartsNull()
    {
        // A model without a price and size in the config: no cost and no energy for any case, so no parts either.
        using var engine = Engine(7);
        AddCase(engine, "a0", "ai_assisted", From, From.AddHours(1), 60);
        var row = new CaseRow { CaseId = "m0", CaseType = "a-question", Arm = "manual", StartedMs = From.ToUnixTimeMilliseconds(), CompletedMs = From.AddHours(1).ToUnixTimeMilliseconds(), Outcome = CaseOutcomes.Resolved };
        row.AiUsage.Add(new ModelUsage("unpriced-model", 10, 10, 0, 0, 0));
        engine.AddCase(row);

        var manual = Arm(engine.Compute(), "manual");

        Assert.Null(manual.Cost);
        Assert.Null(manual.Energy);
        Assert.Equal([1L], manual.WeeklyCompleted);
    }

    [Fact]
    public void ComputeJson_Breakdowns_WrittenLastAfterDataQuality()
    {
        using var engine = Engine(14);
        AddCase(engine, "m0", "manual", From, From.AddHours(1), 3600);

        using var json = JsonDocument.Parse(engine.ComputeJson());

        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["dataQuality", "breakdowns"], names[^2..]);
        var arm = json.RootElement.GetProperty("breakdowns").GetProperty("caseTypes")[0].GetProperty("arms")[0];
        Assert.Equal(600, arm.GetProperty("costPerCaseSek").GetProperty("staff").GetDouble(), 9);
        Assert.Equal(150, arm.GetProperty("energyWhPerCase").GetProperty("workstation").GetDouble(), 9);
        Assert.Equal(6, arm.GetProperty("co2eGPerCase").GetProperty("workstation").GetDouble(), 9);
        Assert.Equal("[1,0]", arm.GetProperty("weeklyCompleted").GetRawText().Replace(" ", "", StringComparison.Ordinal)
            .Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_PeriodLongerThanMaxWeeks_NoWeeklySeries()
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("snap-long", "demo", From, From.AddDays(7 * (SnapshotBreakdowns.MaxWeeks + 1)),
            From, TestConfig.Load()));
        AddCase(engine, "m0", "manual", From, From.AddHours(1), 60);

        var snapshot = engine.Compute();

        Assert.Empty(snapshot.Breakdowns.Weeks);
        Assert.Null(snapshot.Breakdowns.WeeklyMaintenanceHours);
        Assert.Null(Arm(snapshot, "manual").WeeklyCompleted);
        Assert.Equal(0, Arm(snapshot, "manual").CompletedAfterPeriod);
    }
}
