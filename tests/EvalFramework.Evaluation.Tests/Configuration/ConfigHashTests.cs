namespace EvalFramework.Evaluation.Tests.Configuration;

public sealed class ConfigHashTests
{
    // The same config as TestConfig.Valid: keys reordered, comments and blank lines added, numbers spelt
    // differently (0.50, 6.0e2, 1e4), flow style for a mapping.
    private const string Reordered = """
        # A comment that must not change the hash.
        pilots:
          - displayName: Demo        # trailing comment
            slug: demo
            maintenance: {hourlyCostSek: 800}
            baselineArm: manual

            arms:
              - share: 0.50
                name: manual
              - {name: ai_assisted, share: .5}
            caseTypes:
              - a-question
              - b-advice
            fixedCosts:
              - arm: ai_assisted
                monthlySek: 1e4
                name: licence
            aiModels:
              small-model: {activeParamsBillions: 10, outputPerMillionSek: 8.0, inputPerMillionSek: 2}
            staffRoles:
              handlaggare:
                hourlyCostSek: 6.0e2
        confidenceLevel: 0.950
        """;

    [Fact]
    public void ConfigSha256_IsLowerHexSha256()
    {
        var hash = TestConfig.Load().Methodology.ConfigSha256;

        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void ConfigSha256_ReorderedKeysCommentsAndNumberSpelling_Unchanged()
    {
        Assert.Equal(TestConfig.Load().Methodology.ConfigSha256, TestConfig.Load(Reordered).Methodology.ConfigSha256);
    }

    [Fact]
    public void ConfigSha256_DefaultSpeltOut_Unchanged()
    {
        var spelt = TestConfig.Load("minSamplePerArm: 30\nkAnonymity: 5\nenergy:\n  pue: 1.2\n" + TestConfig.Valid);

        Assert.Equal(TestConfig.Load().Methodology.ConfigSha256, spelt.Methodology.ConfigSha256);
    }

    [Theory]
    [InlineData("hourlyCostSek: 600", "hourlyCostSek: 601")]
    [InlineData("confidenceLevel: 0.95", "confidenceLevel: 0.9")]
    [InlineData("activeParamsBillions: 10", "activeParamsBillions: 11")]
    [InlineData("arm: ai_assisted", "arm: manual")]
    [InlineData("displayName: Demo", "displayName: Demo 2")]
    public void ConfigSha256_ChangedValue_Changes(string oldText, string newText)
    {
        var changed = TestConfig.Load(TestConfig.With(oldText, newText));

        Assert.NotEqual(TestConfig.Load().Methodology.ConfigSha256, changed.Methodology.ConfigSha256);
    }

    [Fact]
    public void ConfigSha256_SameText_SameHashEveryTime()
    {
        Assert.Equal(TestConfig.Load().Methodology.ConfigSha256, TestConfig.Load().Methodology.ConfigSha256);
    }
}
