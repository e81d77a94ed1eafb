using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Tests.Configuration;

public sealed class ConfigValidationTests
{
    private static ConfigError SingleError(string yaml)
    {
        var result = TestConfig.Parse(yaml);
        Assert.Null(result.Config);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_ValidConfig_AppliesDefaults()
    {
        var config = TestConfig.Load();

        Assert.Equal(0.95, config.ConfidenceLevel);
        Assert.Equal(30, config.MinSamplePerArm);
        Assert.Equal(5, config.KAnonymity);
        Assert.Equal(14, config.FollowUpDays);
        Assert.Equal(EnergyFactors.Default, config.Energy);
        var pilot = Assert.Single(config.Pilots);
        Assert.Equal(["channel-detail", "office", "language"], pilot.AttributeKeys);
        Assert.Null(pilot.Maintenance.DefaultArm);
        Assert.Equal("3.0.0", config.Methodology.Version);
    }

    [Fact]
    public void ConfigError_ToString_IsFileLineKeyMessage()
    {
        var error = new ConfigError("evaluation.yaml", 12, "pilots[0].arms", "the arm shares must sum to 1");

        Assert.Equal("evaluation.yaml:12: pilots[0].arms: the arm shares must sum to 1", error.ToString());
    }

    [Fact]
    public void Parse_UnknownKey_ReportsFileLineAndKey()
    {
        var error = SingleError(TestConfig.With("confidenceLevel: 0.95", "confidenceLevl: 0.95"));

        Assert.Equal(("evaluation.yaml", 1, "confidenceLevl"), (error.File, error.Line, error.Key));
        Assert.StartsWith("unknown key (expected one of: confidenceLevel,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownNestedKey_ReportsFullKeyPath()
    {
        var error = SingleError(TestConfig.With("hourlyCostSek: 600", "hourlyCostSek: 600\n        hourlyCost: 600"));

        Assert.Equal((15, "pilots[0].staffRoles.handlaggare.hourlyCost"), (error.Line, error.Key));
        Assert.Contains("unknown key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredKey_ReportsKeyAtItsMapping()
    {
        var error = SingleError(TestConfig.With("    displayName: Demo\n", ""));

        Assert.Equal(("evaluation.yaml", 3, "pilots[0].displayName"), (error.File, error.Line, error.Key));
        Assert.Equal("required key is missing", error.Message);
    }

    [Fact]
    public void Parse_MissingPilots_ReportsRequiredKey()
    {
        var error = SingleError("confidenceLevel: 0.9\n");

        Assert.Equal("evaluation.yaml:1: pilots: required key is missing", error.ToString());
    }

    [Fact]
    public void Parse_WrongType_ReportsExpectedTypeAndFoundValue()
    {
        var error = SingleError(TestConfig.With("share: 0.5\n      - name: ai", "share: half\n      - name: ai"));

        Assert.Equal((8, "pilots[0].arms[0].share"), (error.Line, error.Key));
        Assert.Equal("must be a number (found 'half')", error.Message);
    }

    [Fact]
    public void Parse_ListWhereMappingExpected_ReportsWrongType()
    {
        var error = SingleError(TestConfig.With("maintenance:\n      hourlyCostSek: 800", "maintenance: [800]"));

        Assert.Equal((24, "pilots[0].maintenance"), (error.Line, error.Key));
        Assert.Equal("must be a mapping of keys to values (found a list)", error.Message);
    }

    [Fact]
    public void Parse_SharesNotSummingToOne_ReportsSum()
    {
        var error = SingleError(TestConfig.With("share: 0.5\n    baselineArm", "share: 0.4\n    baselineArm"));

        Assert.Equal((6, "pilots[0].arms"), (error.Line, error.Key));
        Assert.Equal("the arm shares must sum to 1 (they sum to 0.9)", error.Message);
    }

    [Fact]
    public void Parse_SharesWithinTolerance_Accepted()
    {
        // 0.3333333 + 0.6666667 = 1.0000000 exactly enough (within 1e-6)
        var yaml = TestConfig.With("share: 0.5\n      - name: ai", "share: 0.3333333\n      - name: ai");
        yaml = TestConfig.With("share: 0.5\n    baselineArm", "share: 0.6666667\n    baselineArm", yaml);

        Assert.True(TestConfig.Parse(yaml).IsValid);
    }

    [Fact]
    public void Parse_NegativeStaffCost_Reported()
    {
        var error = SingleError(TestConfig.With("hourlyCostSek: 600", "hourlyCostSek: -600"));

        Assert.Equal("evaluation.yaml:14: pilots[0].staffRoles.handlaggare.hourlyCostSek: must not be negative", error.ToString());
    }

    [Fact]
    public void Parse_NegativeFixedCost_Reported()
    {
        var error = SingleError(TestConfig.With("monthlySek: 10000", "monthlySek: -1"));

        Assert.Equal("evaluation.yaml:22: pilots[0].fixedCosts[0].monthlySek: must not be negative", error.ToString());
    }

    [Fact]
    public void Parse_NegativeTokenPrice_Reported()
    {
        var error = SingleError(TestConfig.With("outputPerMillionSek: 8", "outputPerMillionSek: -8"));

        Assert.Equal("evaluation.yaml:18: pilots[0].aiModels.small-model.outputPerMillionSek: must not be negative", error.ToString());
    }

    [Fact]
    public void Parse_BaselineArmNotDefined_NamesTheArms()
    {
        var error = SingleError(TestConfig.With("baselineArm: manual", "baselineArm: control"));

        Assert.Equal((11, "pilots[0].baselineArm"), (error.Line, error.Key));
        Assert.Equal("baseline arm 'control' is not defined in arms (manual, ai_assisted)", error.Message);
    }

    [Fact]
    public void Parse_FixedCostArmNotDefined_Reported()
    {
        var error = SingleError(TestConfig.With("arm: ai_assisted", "arm: ai"));

        Assert.Equal((23, "pilots[0].fixedCosts[0].arm"), (error.Line, error.Key));
        Assert.Contains("arm 'ai' is not defined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateArm_Reported()
    {
        var result = TestConfig.Parse(TestConfig.With("name: ai_assisted", "name: manual"));

        // The fixed cost's arm ai_assisted is then undefined too: both are reported.
        Assert.Equal(
            [
                "evaluation.yaml:9: pilots[0].arms[1].name: duplicate arm 'manual'",
                "evaluation.yaml:23: pilots[0].fixedCosts[0].arm: arm 'ai_assisted' is not defined in arms (manual)",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_DuplicateCaseType_Reported()
    {
        var error = SingleError(TestConfig.With("[a-question, b-advice]", "[a-question, a-question]"));

        Assert.Equal((5, "pilots[0].caseTypes[1]"), (error.Line, error.Key));
        Assert.Equal("duplicate case type 'a-question'", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("1.5")]
    [InlineData("-0.95")]
    public void Parse_ConfidenceLevelOutsideZeroOne_Reported(string value)
    {
        var error = SingleError(TestConfig.With("confidenceLevel: 0.95", "confidenceLevel: " + value));

        Assert.Equal("evaluation.yaml:1: confidenceLevel: must be between 0 and 1, exclusive (e.g. 0.95)", error.ToString());
    }

    [Fact]
    public void Parse_KAnonymityBelowTwo_Reported()
    {
        var error = SingleError("kAnonymity: 1\n" + TestConfig.Valid);

        Assert.Equal("evaluation.yaml:1: kAnonymity: must be at least 2", error.ToString());
    }

    [Fact]
    public void Parse_MinSampleBelowTwo_Reported()
    {
        var error = SingleError("minSamplePerArm: 1\n" + TestConfig.Valid);

        Assert.Equal("evaluation.yaml:1: minSamplePerArm: must be at least 2", error.ToString());
    }

    [Fact]
    public void Parse_MinSampleNotWhole_ReportsWrongType()
    {
        var error = SingleError("minSamplePerArm: 30.5\n" + TestConfig.Valid);

        Assert.Equal("evaluation.yaml:1: minSamplePerArm: must be a whole number (found '30.5')", error.ToString());
    }

    [Fact]
    public void Parse_TopLevelMargins_SaysWhereTheyMoved()
    {
        var error = SingleError("nonInferiorityMargins:\n  error_rate: 0.02\n" + TestConfig.Valid);

        Assert.Equal((1, "nonInferiorityMargins"), (error.Line, error.Key));
        Assert.Contains("analysisPlan.guardrails", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ListsEveryOneInLineOrder()
    {
        var yaml = TestConfig.With("confidenceLevel: 0.95", "confidenceLevel: 2");
        yaml = TestConfig.With("share: 0.5\n      - name: ai", "share: half\n      - name: ai", yaml);
        yaml = TestConfig.With("baselineArm: manual", "baselineArm: control", yaml);
        yaml = TestConfig.With("hourlyCostSek: 600", "hourlyCostSek: -600", yaml);
        yaml = TestConfig.With("    displayName: Demo\n", "    displayNam: Demo\n", yaml);

        var result = TestConfig.Parse(yaml);

        Assert.Null(result.Config);
        Assert.Equal(
            [
                "evaluation.yaml:1: confidenceLevel: must be between 0 and 1, exclusive (e.g. 0.95)",
                "evaluation.yaml:3: pilots[0].displayName: required key is missing",
                "evaluation.yaml:4: pilots[0].displayNam: unknown key (expected one of: slug, displayName, caseTypes, arms, baselineArm, staffRoles, aiModels, fixedCosts, oneOffCosts, maintenance, attributeKeys, attributeValues, channels, escalationReasons, integrationSystems, integrationFailureKinds, maintenanceKinds, teams, caseIds, analysisPlan, design)",
                "evaluation.yaml:8: pilots[0].arms[0].share: must be a number (found 'half')",
                "evaluation.yaml:11: pilots[0].baselineArm: baseline arm 'control' is not defined in arms (manual, ai_assisted)",
                "evaluation.yaml:14: pilots[0].staffRoles.handlaggare.hourlyCostSek: must not be negative",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsLine()
    {
        var error = SingleError("confidenceLevel: 0.95\npilots: [\n");

        Assert.Equal(("evaluation.yaml", "(document)"), (error.File, error.Key));
        Assert.True(error.Line >= 2, error.ToString());
        Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateYamlKey_ReportsLine()
    {
        var error = SingleError(TestConfig.With("confidenceLevel: 0.95", "confidenceLevel: 0.95\nconfidenceLevel: 0.9"));

        Assert.Equal(2, error.Line);
        Assert.Contains("Duplicate key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyAttributeKeys_AllowsNone()
    {
        var pilot = TestConfig.Pilot(TestConfig.With("    maintenance:", "    attributeKeys: []\n    maintenance:"));

        Assert.Empty(pilot.AttributeKeys);
    }

    [Fact]
    public void CheckModelsSeen_ModelMissingFromPriceTable_NamesModel()
    {
        var pilot = TestConfig.Pilot();

        var errors = pilot.CheckModelsSeen(["small-model", "gpt-unknown", "small-model"]);

        var error = Assert.Single(errors);
        Assert.Equal(("evaluation.yaml", 15, "pilots[0].aiModels.gpt-unknown"), (error.File, error.Line, error.Key));
        Assert.Contains("no price for model 'gpt-unknown'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckModelsSeen_AllPriced_NoErrors()
    {
        Assert.Empty(TestConfig.Pilot().CheckModelsSeen(["small-model"]));
    }

    [Fact]
    public void CheckRolesSeen_RoleWithoutCost_NamesRole()
    {
        var error = Assert.Single(TestConfig.Pilot().CheckRolesSeen(["handlaggare", "jurist"]));

        Assert.Equal((12, "pilots[0].staffRoles.jurist"), (error.Line, error.Key));
        Assert.Contains("'jurist'", error.Message, StringComparison.Ordinal);
    }
}
