using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Models;

namespace EvalFramework.Evaluation.Tests.Models;

// TestConfig: small-model has 10 B active parameters; energy factors are the documented defaults (EnergyFactors.Default)
// (150 W workstation, PUE 1.2, 40 gCO2e/kWh, α 1.1665e-6, β −0.011206, B 64, γ 4.0529e-5).
public sealed class EnergyModelTests
{
    private static EnergyModel Model(EnergyFactors? factors = null) =>
        new(factors ?? EnergyFactors.Default, TestConfig.Pilot());

    private static CaseInput Case(double seconds, params AiUsageInput[] usage) =>
        new("ai_assisted", new Dictionary<string, double> { ["handlaggare"] = seconds }, usage);

    [Fact]
    public void WhPerOutputToken_TenBillionParameters_MatchesEcoLogitsFit()
    {
        // e^(−0.011206 × 64) = e^(−0.717184) = 0.48812488; 1.1665e-6 × 0.48812488 × 10 = 5.693977e-6;
        // + 4.0529e-5 = 4.6222977e-5 Wh
        Assert.Equal(4.6222977e-5, Model().WhPerOutputToken(10), 11);
    }

    [Fact]
    public void EnergyOf_AiCase_ReportsHumanAndAiPartsAndTotals()
    {
        var energy = Model().EnergyOf(Case(900, new AiUsageInput("small-model", 5_000, 2_000)));

        // human 150 W × 900 s / 3600 = 37.5 Wh → 37.5 / 1000 × 40 = 1.5 g
        // AI 4.6222977e-5 Wh × 2 000 output tokens × 1.2 PUE = 0.11093514 Wh (input tokens not counted)
        //    → 0.11093514 / 1000 × 40 = 0.0044374058 g
        Assert.Equal(37.5, energy.HumanWh, 9);
        Assert.Equal(0.11093514, energy.AiWh, 8);
        Assert.Equal(1.5, energy.HumanCo2eG, 9);
        Assert.Equal(0.0044374058, energy.AiCo2eG, 10);
        Assert.Equal(37.61093514, energy.TotalWh, 8);
        Assert.Equal(1.5044374058, energy.TotalCo2eG, 10);
    }

    [Fact]
    public void EnergyOf_ZeroTokens_ZeroAiEnergy()
    {
        var energy = Model().EnergyOf(Case(360, new AiUsageInput("small-model", 100, 0)));

        // 0 output tokens → 0 Wh; human 150 × 360 / 3600 = 15 Wh
        Assert.Equal(0, energy.AiWh);
        Assert.Equal(0, energy.AiCo2eG);
        Assert.Equal(15, energy.TotalWh, 9);
    }

    [Fact]
    public void EnergyOf_ModelMissing_ThrowsNamingModel()
    {
        var e = Assert.Throws<MissingConfigEntryException>(() => Model().EnergyOf(Case(60, new AiUsageInput("gpt-unknown", 1, 1))));

        Assert.Equal("gpt-unknown", e.Name);
    }

    [Fact]
    public void EnergyOf_OtherFactors_UsesThem()
    {
        var factors = EnergyFactors.Default with { GridIntensityGCo2ePerKwh = 90, WorkstationWatts = 60, Pue = 1.0 };

        var energy = Model(factors).EnergyOf(Case(3600, new AiUsageInput("small-model", 0, 1_000_000)));

        // human 60 W × 1 h = 60 Wh → 60 / 1000 × 90 = 5.4 g
        // AI 4.6222977e-5 × 1e6 × 1.0 = 46.222977 Wh → × 90 / 1000 = 4.16006793 g
        Assert.Equal(60, energy.HumanWh, 9);
        Assert.Equal(5.4, energy.HumanCo2eG, 9);
        Assert.Equal(46.222977, energy.AiWh, 5);
        Assert.Equal(4.16006793, energy.AiCo2eG, 6);
    }

    [Fact]
    public void TryAiEnergy_ModelInConfig_WhPerOutputTokenWithPue()
    {
        Assert.True(Model().TryAiEnergy("small-model", out var energy));

        // 4.6222977e-5 Wh × 1.2 PUE = 5.54675724e-5 Wh per output token
        Assert.Equal(5.54675724e-5, energy.WhPerOutputToken, 12);
        Assert.Equal(energy.WhPerOutputToken * 2_000, energy.Wh(2_000));
    }

    [Fact]
    public void TryAiEnergy_ModelNotInConfig_False()
    {
        Assert.False(Model().TryAiEnergy("gpt-unknown", out var energy));
        Assert.Equal(default, energy);
    }

    [Fact]
    public void AiWh_IsThePerTokenEnergyTheSnapshotUses()
    {
        Assert.True(Model().TryAiEnergy("small-model", out var energy));

        Assert.Equal(energy.Wh(2_000), Model().AiWh(new AiUsageInput("small-model", 5_000, 2_000)));
        Assert.Equal(energy.Wh(2_000), Model().EnergyOf(Case(0, new AiUsageInput("small-model", 5_000, 2_000))).AiWh);
    }
}
