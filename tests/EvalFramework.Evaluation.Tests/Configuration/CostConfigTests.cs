using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Tests.Configuration;

/// <summary>The overhead keys of a pilot: <c>oneOffCosts</c>, <c>maintenance.oneOffKinds</c> and <c>maintenance.amortisationMonths</c>.</summary>
public sealed class CostConfigTests
{
    private const string OneOff = """
            oneOffCosts:
              - name: integration set-up
                amountSek: 60000
                date: 2025-01-01
                arm: ai_assisted
                amortisationMonths: 24
              - name: training material
                amountSek: 5000
                date: 2025-02-15
                arm: manual
            maintenance:
              hourlyCostSek: 800
              oneOffKinds: [staff-training]
              amortisationMonths: 6
            maintenanceKinds: [prompt-update, staff-training]
        """;

    private static string WithOneOff() => TestConfig.With("    maintenance:\n      hourlyCostSek: 800", OneOff.TrimEnd());

    private static ConfigError SingleError(string yaml)
    {
        var result = TestConfig.Parse(yaml);
        Assert.Null(result.Config);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_NoOverheadKeys_DefaultsNoneAndTwelveMonths()
    {
        var pilot = TestConfig.Pilot();

        Assert.Empty(pilot.OneOffCosts);
        Assert.Empty(pilot.Maintenance.OneOffKinds);
        Assert.Equal(12, pilot.Maintenance.AmortisationMonths);
    }

    [Fact]
    public void Parse_OneOffCostsAndKinds_Read()
    {
        var pilot = TestConfig.Pilot(WithOneOff());

        Assert.Equal(
            [
                new OneOffCostConfig("integration set-up", 60_000, new DateOnly(2025, 1, 1), "ai_assisted", 24),
                new OneOffCostConfig("training material", 5_000, new DateOnly(2025, 2, 15), "manual", 12),
            ],
            pilot.OneOffCosts);
        Assert.Equal(["staff-training"], pilot.Maintenance.OneOffKinds);
        Assert.Equal(6, pilot.Maintenance.AmortisationMonths);
        Assert.True(pilot.Maintenance.IsOneOff("staff-training"));
        Assert.False(pilot.Maintenance.IsOneOff("prompt-update"));
        Assert.False(pilot.Maintenance.IsOneOff(null));
    }

    [Theory]
    [InlineData("date: 2025-01-01", "date: 2025-13-01", "pilots[0].oneOffCosts[0].date", "must be a date as yyyy-MM-dd")]
    [InlineData("date: 2025-01-01", "date: 1 January 2025", "pilots[0].oneOffCosts[0].date", "must be a date as yyyy-MM-dd")]
    [InlineData("amountSek: 60000", "amountSek: -1", "pilots[0].oneOffCosts[0].amountSek", "must not be negative")]
    [InlineData("amortisationMonths: 24", "amortisationMonths: 0", "pilots[0].oneOffCosts[0].amortisationMonths", "must be a whole number of months from 1 to 120")]
    [InlineData("amortisationMonths: 24", "amortisationMonths: 121", "pilots[0].oneOffCosts[0].amortisationMonths", "must be a whole number of months from 1 to 120")]
    [InlineData("amortisationMonths: 6", "amortisationMonths: 1.5", "pilots[0].maintenance.amortisationMonths", "must be a whole number (found '1.5')")]
    [InlineData("arm: manual\n    maint", "arm: control\n    maint", "pilots[0].oneOffCosts[1].arm", "arm 'control' is not defined in arms (manual, ai_assisted)")]
    [InlineData("oneOffKinds: [staff-training]", "oneOffKinds: [staff-training, model-update]", "pilots[0].maintenance.oneOffKinds[1]",
        "kind 'model-update' is not one of the pilot's maintenanceKinds (prompt-update, staff-training)")]
    [InlineData("oneOffKinds: [staff-training]", "oneOffKinds: [staff-training, staff-training]", "pilots[0].maintenance.oneOffKinds[1]",
        "duplicate kind 'staff-training'")]
    [InlineData("oneOffKinds: [staff-training]", "oneOffKinds: staff-training", "pilots[0].maintenance.oneOffKinds", "must be a list (found 'staff-training')")]
    [InlineData("    date: 2025-01-01\n", "    date: 2025-01-01\n        when: soon\n", "pilots[0].oneOffCosts[0].when",
        "unknown key (expected one of: name, amountSek, date, arm, amortisationMonths)")]
    public void Parse_BadOverheadKey_OneErrorNamingTheKey(string oldText, string newText, string key, string message)
    {
        var error = SingleError(TestConfig.With(oldText, newText, WithOneOff()));

        Assert.Equal((key, message), (error.Key, error.Message));
    }

    [Fact]
    public void Parse_OneOffKindsWithoutMaintenanceKinds_ErrorNamingTheKey()
    {
        var error = SingleError(TestConfig.With("\n    maintenanceKinds: [prompt-update, staff-training]", "", WithOneOff()));

        Assert.Equal("pilots[0].maintenance.oneOffKinds[0]", error.Key);
        Assert.Equal("kind 'staff-training' is not one of the pilot's maintenanceKinds (it lists none)", error.Message);
    }

    [Fact]
    public void ConfigSha256_OverheadKeysSet_Changes()
    {
        var plain = TestConfig.Load().Methodology.ConfigSha256;
        var withOneOff = TestConfig.Load(WithOneOff()).Methodology.ConfigSha256;
        var otherMonths = TestConfig.Load(TestConfig.With("amortisationMonths: 24", "amortisationMonths: 25", WithOneOff())).Methodology.ConfigSha256;
        var otherKindMonths = TestConfig.Load(TestConfig.With("amortisationMonths: 6", "amortisationMonths: 7", WithOneOff())).Methodology.ConfigSha256;

        Assert.Equal(4, new[] { plain, withOneOff, otherMonths, otherKindMonths }.Distinct().Count());
    }

    [Fact]
    public void ConfigSha256_DefaultAmortisationAndNoOneOffKindsSpeltOut_Unchanged()
    {
        var spelt = TestConfig.Load(TestConfig.With("    maintenance:\n      hourlyCostSek: 800",
            "    maintenance:\n      hourlyCostSek: 800\n      amortisationMonths: 12\n      oneOffKinds: []\n    oneOffCosts: []"));

        Assert.Equal(TestConfig.Load().Methodology.ConfigSha256, spelt.Methodology.ConfigSha256);
    }
}
