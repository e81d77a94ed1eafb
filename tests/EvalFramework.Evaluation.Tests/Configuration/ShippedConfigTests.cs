using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Models;

namespace EvalFramework.Evaluation.Tests.Configuration;

public sealed class ShippedConfigTests
{
    private static EvaluationConfig LoadShipped()
    {
        var result = ConfigFiles.Load(RepoRoot.ShippedConfig);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Config!;
    }

    [Fact]
    public void Load_ShippedConfig_DescribesTheDemoPilot()
    {
        var config = LoadShipped();

        var pilot = Assert.Single(config.Pilots);
        Assert.Equal("demo", pilot.Slug);
        Assert.Equal(["building-permit-question", "direct-procurement-advice", "social-services-documentation"], pilot.CaseTypes);
        Assert.Equal([new ArmConfig("manual", 0.5), new ArmConfig("ai_assisted", 0.5)], pilot.Arms);
        Assert.Equal("manual", pilot.BaselineArm);
        Assert.Equal(0.95, config.ConfidenceLevel);
        Assert.Equal(EnergyFactors.Default, config.Energy);
        Assert.Equal(Methodology.Version, config.Methodology.Version);
        Assert.Matches("^[0-9a-f]{64}$", config.Methodology.ConfigSha256);
    }

    [Fact]
    public void Load_ShippedConfig_CostOfAnAiCaseEndToEnd()
    {
        var pilot = LoadShipped().FindPilot("demo")!;
        var model = new CostModel(pilot);
        var input = new CaseInput(
            "ai_assisted",
            new Dictionary<string, double> { ["handlaggare"] = 600 },
            [new AiUsageInput("mistral-small-3.1", 2000, 500)]);

        var march = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var overhead = model.Overhead("ai_assisted", march, march.AddMonths(1), 200,
            [new MaintenanceWork(march.AddDays(9), 10, null, "prompt-update")]);

        var cost = model.CostOf(input, overhead);

        // staff 600 s / 3600 × 650 = 108.3333; AI 2000/1e6 × 1.05 + 500/1e6 × 3.15 = 0.0021 + 0.001575 = 0.003675;
        // fixed (15000 + 6000 + 10000 + 4000) × all of March / 200 = 175; maintenance without an arm goes to the
        // default arm ai_assisted: 10 h × 750 / 200 = 37.5; total 320.837008
        Assert.Equal(108.333333, cost.StaffSek, 6);
        Assert.Equal(0.003675, cost.AiSek, 9);
        Assert.Equal(175, cost.FixedSek, 9);
        Assert.Equal(37.5, cost.MaintenanceSek, 9);
        Assert.Equal(320.837008, cost.TotalSek, 6);
    }

    [Fact]
    public void Load_ShippedConfig_EnergyOfAnAiCaseEndToEnd()
    {
        var config = LoadShipped();
        var model = new EnergyModel(config.Energy, config.Pilots[0]);
        var input = new CaseInput(
            "ai_assisted",
            new Dictionary<string, double> { ["handlaggare"] = 600 },
            [new AiUsageInput("mistral-small-3.1", 2000, 500)]);

        var energy = model.EnergyOf(input);

        // human 150 W × 600 s / 3600 = 25 Wh → 25 / 1000 × 40 = 1 g
        // AI f(24) = 1.1665e-6 × e^(−0.011206×64) × 24 + 4.0529e-5 = 1.1665e-6 × 0.4881249 × 24 + 4.0529e-5
        //          = 5.41945e-5 Wh/token; × 500 × 1.2 = 0.0325167 Wh → × 40 / 1000 = 0.00130067 g
        Assert.Equal(25, energy.HumanWh, 9);
        Assert.Equal(0.0325167, energy.AiWh, 7);
        Assert.Equal(1.0, energy.HumanCo2eG, 9);
        Assert.Equal(0.00130067, energy.AiCo2eG, 8);
        Assert.Equal(25.0325167, energy.TotalWh, 7);
    }

    [Fact]
    public void Load_ShippedConfig_ManualArmCarriesOnlyItsOwnFixedCosts()
    {
        var model = new CostModel(LoadShipped().Pilots[0]);

        Assert.Equal(4000, model.FixedMonthlySek("manual"));
        Assert.Equal(35000, model.FixedMonthlySek("ai_assisted"));
        Assert.Equal("ai_assisted", model.MaintenanceArmOf(null));
    }

    [Fact]
    public void Unreadable_MissingFile_ReportsTheFile()
    {
        // The apps read the file (evalctl: EvalCtlTests; the collector: StartupConfigTests); a read error becomes this.
        var path = Path.Combine(RepoRoot.Path, "metrics-config", "does-not-exist.yaml");

        var result = ConfigLoadResult.Unreadable(path, "Could not find file.");

        var error = Assert.Single(result.Errors);
        Assert.False(result.IsValid);
        Assert.Equal((path, 0, "(file)", "cannot read the file: Could not find file."), (error.File, error.Line, error.Key, error.Message));
    }
}
