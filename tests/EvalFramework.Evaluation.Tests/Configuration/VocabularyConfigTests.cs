using EvalFramework.Contract.Tests;
using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Tests.Configuration;

/// <summary>The pilot's closed vocabulary: the values an event may name, read from the config.</summary>
public sealed class VocabularyConfigTests
{
    private const string Vocabulary = """
            maintenance:
              hourlyCostSek: 800
            channels: [phone, e-service]
            escalationReasons: [needs-decision]
            integrationSystems: [case-register]
            integrationFailureKinds: [timeout, server-error]
            maintenanceKinds: [prompt-update]
            teams: [permits]
            caseIds: any
            attributeKeys: [office, language]
            attributeValues:
              language: [sv, en]
        """;

    private static string WithVocabulary(string vocabulary = Vocabulary) =>
        TestConfig.With("    maintenance:\n      hourlyCostSek: 800", vocabulary.TrimEnd());

    [Fact]
    public void Parse_Vocabulary_ReadsEveryList()
    {
        var pilot = TestConfig.Pilot(WithVocabulary());

        Assert.Equal(["phone", "e-service"], pilot.Channels);
        Assert.Equal(["needs-decision"], pilot.EscalationReasons);
        Assert.Equal(["case-register"], pilot.IntegrationSystems);
        Assert.Equal(["timeout", "server-error"], pilot.IntegrationFailureKinds);
        Assert.Equal(["prompt-update"], pilot.MaintenanceKinds);
        Assert.Equal(["permits"], pilot.Teams);
        Assert.Equal(CaseIdRule.Any, pilot.CaseIds);
        Assert.Equal(["sv", "en"], pilot.AttributeValues["language"]);
        Assert.False(pilot.AttributeValues.ContainsKey("office"));
    }

    [Fact]
    public void Parse_NoVocabulary_AllowsNothingAndWantsPseudonyms()
    {
        var pilot = TestConfig.Pilot();

        Assert.Empty(pilot.Channels);
        Assert.Empty(pilot.EscalationReasons);
        Assert.Empty(pilot.IntegrationSystems);
        Assert.Empty(pilot.IntegrationFailureKinds);
        Assert.Empty(pilot.MaintenanceKinds);
        Assert.Empty(pilot.Teams);
        Assert.Empty(pilot.AttributeValues);
        Assert.Equal(CaseIdRule.Pseudonym, pilot.CaseIds);
    }

    [Fact]
    public void Parse_VocabularyValueThatIsAnIdentifier_IsAnError()
    {
        var result = TestConfig.Parse(WithVocabulary(Vocabulary.Replace("[permits]", IdentifierCorpus.WithExample("[permits, {date}-{serial}]"), StringComparison.Ordinal)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("pilots[0].teams[1]", error.Key);
        Assert.Contains("personal identity number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VocabularySlugWithAnIdentifierGluedToLetters_IsAnError()
    {
        // Read as the collector reads a slug: letters separate numbers, so the value could never be sent anyway.
        var result = TestConfig.Parse(WithVocabulary(Vocabulary.Replace("[permits]", IdentifierCorpus.WithExample("[permits, x{date}{serial}]"), StringComparison.Ordinal)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("pilots[0].teams[1]", error.Key);
        Assert.Contains("personal identity number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AttributeValueWithAZeroWidthCharacter_IsAnError()
    {
        var result = TestConfig.Parse(WithVocabulary(Vocabulary.Replace("language: [sv, en]", "language: [sv, \"e\\u200Bn\"]", StringComparison.Ordinal)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("pilots[0].attributeValues.language[1]", error.Key);
        Assert.Equal("must be 1–256 characters without control or invisible formatting characters", error.Message);
    }

    [Fact]
    public void Parse_AttributeValuesOfAnUnlistedKey_IsAnError()
    {
        var result = TestConfig.Parse(WithVocabulary(Vocabulary.Replace("language: [sv, en]", "channel-detail: [x]", StringComparison.Ordinal)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("pilots[0].attributeValues", error.Key);
        Assert.Contains("not one of the pilot's attributeKeys (office, language)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCaseIdRule_IsAnError()
    {
        var result = TestConfig.Parse(WithVocabulary(Vocabulary.Replace("caseIds: any", "caseIds: hashed", StringComparison.Ordinal)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("pilots[0].caseIds", "must be pseudonym or any"), (error.Key, error.Message));
    }

    [Fact]
    public void ConfigSha256_WithoutVocabulary_IsUnchanged_AndAVocabularyChangesIt()
    {
        // The hash of the small config as it was before the vocabulary existed: configs that do not use it keep theirs.
        var plain = TestConfig.Load();
        var withVocabulary = TestConfig.Load(WithVocabulary());
        var explicitDefaults = TestConfig.Load(TestConfig.With("    maintenance:\n      hourlyCostSek: 800",
            "    maintenance:\n      hourlyCostSek: 800\n    channels: []\n    caseIds: pseudonym"));

        Assert.Equal(plain.Methodology.ConfigSha256, explicitDefaults.Methodology.ConfigSha256);
        Assert.NotEqual(plain.Methodology.ConfigSha256, withVocabulary.Methodology.ConfigSha256);
    }
}
