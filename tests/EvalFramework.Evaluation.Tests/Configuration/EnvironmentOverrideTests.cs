namespace EvalFramework.Evaluation.Tests.Configuration;

public sealed class EnvironmentOverrideTests
{
    private static Dictionary<string, string> Env(params (string Name, string Value)[] vars) =>
        vars.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    [Fact]
    public void Parse_TopLevelOverride_ReplacesValue()
    {
        var config = TestConfig.Load(env: Env(("EVALFW__confidenceLevel", "0.9")));

        Assert.Equal(0.9, config.ConfidenceLevel);
    }

    [Fact]
    public void Parse_NestedOverrideThroughListIndex_ReplacesValue()
    {
        var config = TestConfig.Load(env: Env(("EVALFW__pilots__0__staffRoles__handlaggare__hourlyCostSek", "700")));

        Assert.Equal(700, config.Pilots[0].StaffRoles["handlaggare"].HourlyCostSek);
    }

    [Fact]
    public void Parse_OverrideOfAbsentOptionalKey_AddsIt()
    {
        var config = TestConfig.Load(env: Env(("EVALFW__kAnonymity", "7"), ("EVALFW__energy__gridIntensityGCo2ePerKwh", "90")));

        Assert.Equal(7, config.KAnonymity);
        Assert.Equal(90, config.Energy.GridIntensityGCo2ePerKwh);
        Assert.Equal(1.2, config.Energy.Pue);
    }

    [Fact]
    public void Parse_OverrideKeyInOtherCase_MatchesExistingKey()
    {
        var config = TestConfig.Load(env: Env(("EVALFW__CONFIDENCELEVEL", "0.8")));

        Assert.Equal(0.8, config.ConfidenceLevel);
    }

    [Fact]
    public void Parse_VariablesWithoutPrefix_Ignored()
    {
        var config = TestConfig.Load(env: Env(("PATH", "/usr/bin"), ("EVALFW_confidenceLevel", "7"), ("confidenceLevel", "7")));

        Assert.Equal(0.95, config.ConfidenceLevel);
    }

    [Fact]
    public void Parse_InvalidOverrideValue_ReportedWithVariableName()
    {
        var result = TestConfig.Parse(TestConfig.Valid, Env(("EVALFW__confidenceLevel", "abc")));

        var error = Assert.Single(result.Errors);
        Assert.Equal("env:EVALFW__confidenceLevel: confidenceLevel: must be a number (found 'abc')", error.ToString());
        Assert.Equal(0, error.Line);
    }

    [Fact]
    public void Parse_OverrideBreakingARule_ReportedWithVariableName()
    {
        var result = TestConfig.Parse(TestConfig.Valid, Env(("EVALFW__pilots__0__arms__1__share", "0.6")));

        var error = Assert.Single(result.Errors);
        // The sum rule is about the arms list, which is in the file.
        Assert.Equal("evaluation.yaml:6: pilots[0].arms: the arm shares must sum to 1 (they sum to 1.1)", error.ToString());
    }

    [Fact]
    public void Parse_OverrideOfUnknownKey_ReportedWithVariableName()
    {
        var result = TestConfig.Parse(TestConfig.Valid, Env(("EVALFW__confidenceLevl", "0.9")));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("env:EVALFW__confidenceLevl", "confidenceLevl"), (error.File, error.Key));
        Assert.StartsWith("unknown key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverrideIndexOutOfRange_Reported()
    {
        var result = TestConfig.Parse(TestConfig.Valid, Env(("EVALFW__pilots__3__slug", "x")));

        var error = Assert.Single(result.Errors);
        Assert.Equal("env:EVALFW__pilots__3__slug: pilots[3]: index 3 is out of range: the list has 1 items", error.ToString());
    }

    [Fact]
    public void Parse_OverrideWithNonNumericIndex_Reported()
    {
        var result = TestConfig.Parse(TestConfig.Valid, Env(("EVALFW__pilots__demo__slug", "x")));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("env:EVALFW__pilots__demo__slug", "pilots"), (error.File, error.Key));
        Assert.Contains("'demo' is not a list index", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverrideReplacingAMapping_Reported()
    {
        var result = TestConfig.Parse(TestConfig.Valid, Env(("EVALFW__pilots__0__staffRoles", "600")));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("env:EVALFW__pilots__0__staffRoles", "pilots[0].staffRoles"), (error.File, error.Key));
        Assert.StartsWith("cannot set a mapping to a single value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverrideThroughASingleValue_Reported()
    {
        var result = TestConfig.Parse(TestConfig.Valid, Env(("EVALFW__confidenceLevel__x", "1")));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("env:EVALFW__confidenceLevel__x", "confidenceLevel"), (error.File, error.Key));
    }

    [Fact]
    public void Parse_OverrideWithEmptySegment_Reported()
    {
        var result = TestConfig.Parse(TestConfig.Valid, Env(("EVALFW__pilots____slug", "x")));

        var error = Assert.Single(result.Errors);
        Assert.Equal("env:EVALFW__pilots____slug", error.File);
        Assert.Contains("empty key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Override_ChangesConfigHash()
    {
        var plain = TestConfig.Load();
        var overridden = TestConfig.Load(env: Env(("EVALFW__pilots__0__staffRoles__handlaggare__hourlyCostSek", "700")));

        Assert.NotEqual(plain.Methodology.ConfigSha256, overridden.Methodology.ConfigSha256);
    }
}
