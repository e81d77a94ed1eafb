using EvalFramework.Evaluation.Models;

namespace EvalFramework.Evaluation.Tests.Models;

// TestConfig: handlaggare 600 SEK/h; small-model 2 SEK / 8 SEK per million input / output tokens;
// fixed cost 10 000 SEK/month on ai_assisted; maintenance 800 SEK/h, no default arm.
public sealed class CostModelTests
{
    private static readonly PilotMonth _march = new(2025, 3);

    private static CostModel Model() => new(TestConfig.Pilot());

    private static CaseInput Case(string arm, double seconds, params AiUsageInput[] usage) =>
        new(arm, _march, new Dictionary<string, double> { ["handlaggare"] = seconds }, usage);

    [Fact]
    public void CostOf_AiCase_SumsStaffAiFixedAndMaintenance()
    {
        var input = Case("ai_assisted", 900, new AiUsageInput("small-model", 10_000, 2_000));

        var cost = Model().CostOf(input, new ArmMonthActivity(CompletedCases: 100, MaintenanceHours: 5));

        // staff 900 s / 3600 × 600 = 150; AI 10 000 / 1e6 × 2 + 2 000 / 1e6 × 8 = 0.02 + 0.016 = 0.036;
        // fixed 10 000 / 100 = 100; maintenance 5 h × 800 / 100 = 40; total 290.036
        Assert.Equal(150, cost.StaffSek, 9);
        Assert.Equal(0.036, cost.AiSek, 9);
        Assert.Equal(100, cost.FixedSek, 9);
        Assert.Equal(40, cost.MaintenanceSek, 9);
        Assert.Equal(290.036, cost.TotalSek, 9);
    }

    [Fact]
    public void CostOf_ManualCase_HasNoAiOrFixedCost()
    {
        var cost = Model().CostOf(Case("manual", 1800), new ArmMonthActivity(50, 0));

        // staff 1800 / 3600 × 600 = 300; manual bears no fixed cost and no maintenance hours
        Assert.Equal(new CaseCost(300, 0, 0, 0), cost);
        Assert.Equal(300, cost.TotalSek);
    }

    [Fact]
    public void CostOf_SeveralRoles_SumsEachAtItsOwnRate()
    {
        var pilot = TestConfig.Pilot(TestConfig.With("hourlyCostSek: 600", "hourlyCostSek: 600\n      jurist:\n        hourlyCostSek: 900"));
        var input = new CaseInput("manual", _march, new Dictionary<string, double> { ["handlaggare"] = 1800, ["jurist"] = 600 }, []);

        var cost = new CostModel(pilot).CostOf(input, new ArmMonthActivity(1, 0));

        // 0.5 h × 600 + 600 / 3600 h × 900 = 300 + 150 = 450
        Assert.Equal(450, cost.StaffSek, 9);
    }

    [Fact]
    public void CostOf_ZeroTokens_ZeroAiCost()
    {
        var cost = Model().CostOf(Case("ai_assisted", 0, new AiUsageInput("small-model", 0, 0)), new ArmMonthActivity(1, 0));

        // 0 tokens cost 0; the single case carries the whole 10 000 fixed cost
        Assert.Equal(0, cost.AiSek);
        Assert.Equal(0, cost.StaffSek);
        Assert.Equal(10_000, cost.TotalSek, 9);
    }

    [Fact]
    public void CostOf_CostSekGiven_OverridesPriceTable()
    {
        var input = Case("ai_assisted", 0,
            new AiUsageInput("small-model", 1_000_000, 1_000_000, CostSek: 0.5),
            new AiUsageInput("small-model", 1_000_000, 0));

        var cost = Model().CostOf(input, new ArmMonthActivity(100, 0));

        // first usage: its costSek 0.5 (the table would say 2 + 8 = 10); second: 1e6 / 1e6 × 2 = 2; sum 2.5
        Assert.Equal(2.5, cost.AiSek, 9);
    }

    [Fact]
    public void AiCostSek_ModelMissingFromPriceTable_ThrowsNamingModel()
    {
        var e = Assert.Throws<MissingConfigEntryException>(() => Model().AiCostSek(new AiUsageInput("gpt-unknown", 10, 10)));

        Assert.Equal(("demo", "aiModels", "gpt-unknown"), (e.Pilot, e.Section, e.Name));
        Assert.Contains("'gpt-unknown'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AiCostSek_ModelMissingButCostSekGiven_StillThrows()
    {
        Assert.Throws<MissingConfigEntryException>(() => Model().AiCostSek(new AiUsageInput("gpt-unknown", 10, 10, 1.0)));
    }

    [Fact]
    public void CostOf_RoleMissing_ThrowsNamingRole()
    {
        var input = new CaseInput("manual", _march, new Dictionary<string, double> { ["jurist"] = 60 }, []);

        var e = Assert.Throws<MissingConfigEntryException>(() => Model().CostOf(input, new ArmMonthActivity(1, 0)));

        Assert.Equal(("staffRoles", "jurist"), (e.Section, e.Name));
    }

    [Fact]
    public void CostOf_UnknownArm_Throws()
    {
        var e = Assert.Throws<MissingConfigEntryException>(() => Model().CostOf(Case("control", 60), new ArmMonthActivity(1, 0)));

        Assert.Equal(("arms", "control"), (e.Section, e.Name));
    }

    [Fact]
    public void CostOf_NoCompletedCasesInMonth_ThrowsBecauseTheCaseItselfCounts()
    {
        Assert.Throws<ArgumentException>(() => Model().CostOf(Case("ai_assisted", 60), new ArmMonthActivity(0, 0)));
    }

    [Fact]
    public void Overhead_MonthWithNoCompletedCases_ReportsAllAsUnallocated()
    {
        var overhead = Model().Overhead("ai_assisted", _march, new ArmMonthActivity(CompletedCases: 0, MaintenanceHours: 2));

        // fixed 10 000; maintenance 2 h × 800 = 1 600; nothing to divide by, so 11 600 unallocated and 0 per case
        Assert.Equal(10_000, overhead.FixedSek);
        Assert.Equal(1_600, overhead.MaintenanceSek);
        Assert.Equal(0, overhead.FixedPerCaseSek);
        Assert.Equal(0, overhead.MaintenancePerCaseSek);
        Assert.Equal(11_600, overhead.UnallocatedSek);
    }

    [Fact]
    public void Overhead_MonthWithCases_NothingUnallocated()
    {
        var overhead = Model().Overhead("ai_assisted", _march, new ArmMonthActivity(CompletedCases: 400, MaintenanceHours: 10));

        // 10 000 / 400 = 25 per case; 10 h × 800 / 400 = 20 per case
        Assert.Equal(25, overhead.FixedPerCaseSek, 9);
        Assert.Equal(20, overhead.MaintenancePerCaseSek, 9);
        Assert.Equal(0, overhead.UnallocatedSek);
        Assert.Equal(18_000, overhead.TotalSek, 9);
    }

    [Fact]
    public void MaintenanceArmOf_NoEventArmAndNoDefault_IsUnallocated()
    {
        Assert.Null(Model().MaintenanceArmOf(null));
        Assert.Equal("manual", Model().MaintenanceArmOf("manual"));
    }

    [Fact]
    public void MaintenanceArmOf_NoEventArmWithDefault_UsesDefaultArm()
    {
        var pilot = TestConfig.Pilot(TestConfig.With("hourlyCostSek: 800", "hourlyCostSek: 800\n      defaultArm: ai_assisted"));

        Assert.Equal("ai_assisted", new CostModel(pilot).MaintenanceArmOf(null));
    }

    [Fact]
    public void PilotMonth_Of_UsesUtcMonth()
    {
        // 2025-04-01 00:30 in Stockholm summer time is 2025-03-31 22:30 UTC
        var month = PilotMonth.Of(new DateTimeOffset(2025, 4, 1, 0, 30, 0, TimeSpan.FromHours(2)));

        Assert.Equal(new PilotMonth(2025, 3), month);
        Assert.Equal("2025-03", month.ToString());
    }

    [Fact]
    public void TryStaffCostSek_KnownRole_SecondsAsHoursTimesHourlyCost()
    {
        Assert.True(Model().TryStaffCostSek("handlaggare", 900, out var sek));

        // 900 s / 3600 × 600 = 150
        Assert.Equal(150, sek, 9);
    }

    [Fact]
    public void TryStaffCostSek_RoleNotInConfig_FalseAndZero()
    {
        Assert.False(Model().TryStaffCostSek("jurist", 900, out var sek));
        Assert.Equal(0, sek);
    }

    [Fact]
    public void TryAiPrice_ModelInConfig_PricePerMillionAsPricePerToken()
    {
        Assert.True(Model().TryAiPrice("small-model", out var price));

        Assert.Equal(new AiPrice(2 / 1e6, 8 / 1e6), price);
    }

    [Fact]
    public void TryAiPrice_ModelNotInConfig_False()
    {
        Assert.False(Model().TryAiPrice("gpt-unknown", out var price));
        Assert.Equal(default, price);
    }

    [Fact]
    public void AiPriceCostSek_ReportedPlusUnpricedTokens()
    {
        var price = new AiPrice(2 / 1e6, 8 / 1e6);

        // 0.5 reported + 1e6 × 2e-6 + 5e5 × 8e-6 = 0.5 + 2 + 4
        Assert.Equal(6.5, price.CostSek(0.5, 1_000_000, 500_000), 9);
        Assert.Equal(0.5, price.CostSek(0.5, 0, 0));
    }

    [Fact]
    public void AiCostSek_IsThePerTokenPriceTheSnapshotUses()
    {
        Assert.True(Model().TryAiPrice("small-model", out var price));

        Assert.Equal(price.CostSek(0, 12_345, 678), Model().AiCostSek(new AiUsageInput("small-model", 12_345, 678)));
        Assert.Equal(price.CostSek(0.25, 0, 0), Model().AiCostSek(new AiUsageInput("small-model", 12_345, 678, 0.25)));
    }

    [Fact]
    public void StaffCostSek_IsTheSumOfTryStaffCostSek()
    {
        var model = Model();
        Assert.True(model.TryStaffCostSek("handlaggare", 1234.5, out var sek));

        Assert.Equal(sek, model.StaffCostSek(new Dictionary<string, double> { ["handlaggare"] = 1234.5 }));
    }
}
