using EvalFramework.Evaluation.Models;

namespace EvalFramework.Evaluation.Tests.Models;

// TestConfig: handlaggare 600 SEK/h; small-model 2 SEK / 8 SEK per million input / output tokens;
// fixed cost 10 000 SEK/month on ai_assisted; maintenance 800 SEK/h, no default arm.
public sealed class CostModelTests
{
    private static readonly DateTimeOffset _marchStart = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _aprilStart = new(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private static CostModel Model() => new(TestConfig.Pilot());

    private static CaseInput Case(string arm, double seconds, params AiUsageInput[] usage) =>
        new(arm, new Dictionary<string, double> { ["handlaggare"] = seconds }, usage);

    [Fact]
    public void CostOf_AiCase_SumsStaffAiFixedAndMaintenance()
    {
        var input = Case("ai_assisted", 900, new AiUsageInput("small-model", 10_000, 2_000));

        var cost = Model().CostOf(input, new ArmOverhead("ai_assisted", ClosedCases: 100, FixedSek: 10_000, OneOffSek: 0, MaintenanceSek: 4_000));

        // staff 900 s / 3600 × 600 = 150; AI 10 000 / 1e6 × 2 + 2 000 / 1e6 × 8 = 0.02 + 0.016 = 0.036;
        // fixed 10 000 / 100 = 100; maintenance 4 000 / 100 = 40; total 290.036
        Assert.Equal(150, cost.StaffSek, 9);
        Assert.Equal(0.036, cost.AiSek, 9);
        Assert.Equal(100, cost.FixedSek, 9);
        Assert.Equal(40, cost.MaintenanceSek, 9);
        Assert.Equal(290.036, cost.TotalSek, 9);
    }

    [Fact]
    public void CostOf_ManualCase_HasNoAiOrFixedCost()
    {
        var cost = Model().CostOf(Case("manual", 1800), new ArmOverhead("manual", 50, 0, 0, 0));

        // staff 1800 / 3600 × 600 = 300; manual bears no fixed cost and no maintenance hours
        Assert.Equal(new CaseCost(300, 0, 0, 0), cost);
        Assert.Equal(300, cost.TotalSek);
    }

    [Fact]
    public void CostOf_SeveralRoles_SumsEachAtItsOwnRate()
    {
        var pilot = TestConfig.Pilot(TestConfig.With("hourlyCostSek: 600", "hourlyCostSek: 600\n      jurist:\n        hourlyCostSek: 900"));
        var input = new CaseInput("manual", new Dictionary<string, double> { ["handlaggare"] = 1800, ["jurist"] = 600 }, []);

        var cost = new CostModel(pilot).CostOf(input, new ArmOverhead("manual", 1, 0, 0, 0));

        // 0.5 h × 600 + 600 / 3600 h × 900 = 300 + 150 = 450
        Assert.Equal(450, cost.StaffSek, 9);
    }

    [Fact]
    public void CostOf_ZeroTokens_ZeroAiCost()
    {
        var cost = Model().CostOf(Case("ai_assisted", 0, new AiUsageInput("small-model", 0, 0)), new ArmOverhead("ai_assisted", 1, 10_000, 0, 0));

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

        var cost = Model().CostOf(input, new ArmOverhead("ai_assisted", 100, 10_000, 0, 0));

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
        var input = new CaseInput("manual", new Dictionary<string, double> { ["jurist"] = 60 }, []);

        var e = Assert.Throws<MissingConfigEntryException>(() => Model().CostOf(input, new ArmOverhead("manual", 1, 0, 0, 0)));

        Assert.Equal(("staffRoles", "jurist"), (e.Section, e.Name));
    }

    [Fact]
    public void Overhead_UnknownArm_Throws()
    {
        var e = Assert.Throws<MissingConfigEntryException>(() => Model().Overhead("control", _marchStart, _aprilStart, 1, []));

        Assert.Equal(("arms", "control"), (e.Section, e.Name));
    }

    [Fact]
    public void CostOf_NoClosedCases_ThrowsBecauseTheCaseItselfCounts()
    {
        Assert.Throws<ArgumentException>(() => Model().CostOf(Case("ai_assisted", 60), new ArmOverhead("ai_assisted", 0, 0, 0, 0)));
    }

    [Fact]
    public void CostOf_OverheadOfAnotherArm_Throws()
    {
        Assert.Throws<ArgumentException>(() => Model().CostOf(Case("ai_assisted", 60), new ArmOverhead("manual", 10, 0, 0, 0)));
    }

    [Fact]
    public void Overhead_NoClosedCases_ReportsAllAsUnallocated()
    {
        var overhead = Model().Overhead("ai_assisted", _marchStart, _aprilStart, 0,
            [new MaintenanceWork(_marchStart.AddDays(3), 2, "ai_assisted", null)]);

        // fixed 10 000 (all of March); maintenance 2 h × 800 = 1 600; nothing to divide by, so 11 600 unallocated and 0 per case
        Assert.Equal(10_000, overhead.FixedSek, 9);
        Assert.Equal(1_600, overhead.MaintenanceSek, 9);
        Assert.Equal(0, overhead.FixedPerCaseSek);
        Assert.Equal(0, overhead.MaintenancePerCaseSek);
        Assert.Equal(0, overhead.PerCaseSek);
        Assert.Equal(11_600, overhead.UnallocatedSek, 9);
    }

    [Fact]
    public void Overhead_WholeMonthWithCases_NothingUnallocated()
    {
        var overhead = Model().Overhead("ai_assisted", _marchStart, _aprilStart, 400,
            [new MaintenanceWork(_marchStart.AddDays(3), 10, "ai_assisted", null), new MaintenanceWork(_marchStart.AddDays(4), 7, "manual", null)]);

        // 10 000 / 400 = 25 per case; 10 h × 800 / 400 = 20 per case; the manual arm's 7 h are not this arm's
        Assert.Equal(25, overhead.FixedPerCaseSek, 9);
        Assert.Equal(20, overhead.MaintenancePerCaseSek, 9);
        Assert.Equal(45, overhead.PerCaseSek, 9);
        Assert.Equal(0, overhead.UnallocatedSek);
        Assert.Equal(18_000, overhead.TotalSek, 9);
    }

    [Fact]
    public void Overhead_MonthsCutByThePeriod_FixedCostProRatedToTheDays()
    {
        // 10 March to 20 April 2025: 22 of March's 31 days and 19 of April's 30 days.
        var overhead = Model().Overhead("ai_assisted", new DateTimeOffset(2025, 3, 10, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 4, 20, 0, 0, 0, TimeSpan.Zero), 100, []);

        // 10 000 × (22/31 + 19/30) = 7 096.774193548… + 6 333.333333333… = 13 430.107526881… (python3, fractions)
        Assert.Equal(13430.10752688172, overhead.FixedSek, 9);
        Assert.Equal(134.30107526881721, overhead.PerCaseSek, 9);
    }

    [Fact]
    public void Overhead_IssueExample_ProRatedFixedAmortisedTrainingAndOneOffCost()
    {
        var model = new CostModel(TestConfig.Pilot(OverheadExample.Config));

        var ai = model.Overhead("ai_assisted", OverheadExample.From, OverheadExample.To, 300, OverheadExample.Maintenance);
        var manual = model.Overhead("manual", OverheadExample.From, OverheadExample.To, 250, OverheadExample.Maintenance);

        // Reference values: see OverheadExample (computed in python3 with exact fractions).
        Assert.Equal(OverheadExample.AiFixedSek, ai.FixedSek, 6);
        Assert.Equal(OverheadExample.AiOneOffSek, ai.OneOffSek, 6);
        Assert.Equal(OverheadExample.AiMaintenanceSek, ai.MaintenanceSek, 6);
        Assert.Equal(OverheadExample.AiTotalSek / 300, ai.PerCaseSek, 9);
        Assert.Equal((OverheadExample.AiFixedSek + OverheadExample.AiOneOffSek) / 300, ai.FixedPerCaseSek, 9);
        Assert.Equal(OverheadExample.ManualFixedSek, manual.FixedSek, 6);
        Assert.Equal((0.0, 0.0), (manual.OneOffSek, manual.MaintenanceSek));
    }

    [Fact]
    public void CostPeriods_MonthsIn_CountsEachMonthsShare()
    {
        // 17 March to 12 May 2025: 15/31 + 1 + 11/31 = 57/31 (python3: 1.8387096774193548); a whole year is 12.
        Assert.Equal(1.8387096774193548, CostPeriods.MonthsIn(OverheadExample.From, OverheadExample.To), 12);
        Assert.Equal(12, CostPeriods.MonthsIn(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), 12);
        Assert.Equal(0, CostPeriods.MonthsIn(OverheadExample.To, OverheadExample.From));
    }

    [Fact]
    public void CostPeriods_AmortisedShare_PartOfTheWindowInsideThePeriod()
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        // window 2025-01-01 → 2026-01-01 (365 days): 56 days inside 17 March – 12 May; none before the start or after the end
        Assert.Equal(56.0 / 365, CostPeriods.AmortisedShare(start, 12, OverheadExample.From, OverheadExample.To), 12);
        Assert.Equal(0, CostPeriods.AmortisedShare(start, 12, start.AddYears(-1), start));
        Assert.Equal(0, CostPeriods.AmortisedShare(start, 1, start.AddMonths(1), start.AddMonths(3)));
        Assert.Equal(1, CostPeriods.AmortisedShare(start, 3, start.AddDays(-1), start.AddYears(1)), 12);
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
