using EvalFramework.Evaluation.Simulation;

namespace EvalFramework.Evaluation.Tests.Simulation;

public sealed class SimulationEffectsTests
{
    [Fact]
    public void Parse_RelativeAndAbsoluteChanges_ReadAsWritten()
    {
        var result = SimulationEffects.Parse("""
            ai_assisted:
              effort_seconds_mean: -25%
              error_rate: +0.01
              csat_mean: 0
            """, "effects.yaml");

        Assert.Empty(result.Errors);
        var changes = result.Effects!.For("ai_assisted");
        Assert.Equal(new EffectChange("effort_seconds_mean", true, -0.25), changes[0]);
        Assert.Equal(new EffectChange("error_rate", false, 0.01), changes[1]);
        Assert.Equal(new EffectChange("csat_mean", false, 0), changes[2]);
        Assert.Equal(75, changes[0].Apply(100), 9);
        Assert.Equal(0.06, changes[1].Apply(0.05), 9);
        Assert.Equal(["-25%", "+0.01", "0"], changes.Select(c => c.ToString()));
    }

    [Fact]
    public void Parse_Json_Accepted()
    {
        var result = SimulationEffects.Parse("""{"ai_assisted": {"effort_seconds_mean": "-10%", "error_rate": 0.02}}""", "effects.json");

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Effects!.For("ai_assisted").Count);
    }

    [Theory]
    [InlineData("ai_assisted:\n  effort_seconds_mean: a quarter less\n", "effects.yaml:2: ai_assisted.effort_seconds_mean: must be a relative change like -25% or an absolute one like +0.01 (found 'a quarter less')")]
    [InlineData("ai_assisted:\n  effort_minutes: -25%\n", "effects.yaml:2: ai_assisted.effort_minutes: not a metric an effect can change (one of: effort_seconds_mean,")]
    [InlineData("ai_assisted: -25%\n", "effects.yaml:1: ai_assisted: must be a mapping of metric → change")]
    [InlineData("- ai_assisted\n", "effects.yaml:1: (document): must be a mapping of arm → metric → change")]
    [InlineData("ai_assisted:\n  error_rate: [1]\n", "effects.yaml:2: ai_assisted.error_rate: must be a relative change like -25% or an absolute one like +0.01 (found a list)")]
    [InlineData("ai_assisted:\n  lead_time_seconds_mean: -10%\n  lead_time_seconds_median: -10%\n", "effects.yaml:3: ai_assisted.lead_time_seconds_median: set lead_time_seconds_mean or lead_time_seconds_median, not both")]
    [InlineData("ai_assisted: {error_rate: 0.1\n", "effects.yaml:2: (document): not valid YAML")]
    public void Parse_BadInput_ErrorNamesLineAndKey(string yaml, string expected)
    {
        var result = SimulationEffects.Parse(yaml, "effects.yaml");

        Assert.Null(result.Effects);
        Assert.Contains(result.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EmptyFile_NoEffects()
    {
        var result = SimulationEffects.Parse("# nothing\n", "effects.yaml");

        Assert.Empty(result.Errors);
        Assert.Empty(result.Effects!.Arms);
    }

    [Fact]
    public void Validate_UnknownArmAndBaselineArm_NamedWithTheirLines()
    {
        var effects = SimulationEffects.Parse("manual:\n  error_rate: +0.01\nai_asisted:\n  error_rate: +0.01\n", "effects.yaml").Effects;

        var errors = PilotSimulator.Validate(Simulations.Demo(effects: effects)).Select(e => e.ToString()).ToList();

        Assert.Contains("effects.yaml:1: manual: is the baseline arm: effects are changes relative to it, so it has none", errors);
        Assert.Contains("effects.yaml:3: ai_asisted: is not an arm of pilot 'demo' (arms: manual, ai_assisted)", errors);
    }

    [Theory]
    [InlineData("error_rate: +0.99", "ai_assisted.error_rate: +0.99 makes error_rate of case type 'building-permit-question' 1.04, outside 0–1")]
    [InlineData("effort_seconds_mean: -100%", "ai_assisted.effort_seconds_mean: -100% makes effort_seconds_mean of case type 'building-permit-question' 0, not above 0")]
    [InlineData("csat_mean: +2", "ai_assisted.csat_mean: +2 makes csat_mean of case type 'building-permit-question' 5.98, not reachable: it must lie strictly between 1 and 5")]
    public void Validate_EffectOutOfRangeForACaseType_NamesKeyAndCaseType(string change, string expected)
    {
        var effects = SimulationEffects.Parse("ai_assisted:\n  " + change + "\n", "effects.yaml").Effects;

        var errors = PilotSimulator.Validate(Simulations.Demo(effects: effects));

        Assert.Contains("effects.yaml:2: " + expected, errors.Select(e => e.ToString()));
        Assert.Throws<ArgumentException>(() => new PilotSimulator(Simulations.Demo(effects: effects)));
    }

    [Fact]
    public void Validate_AbandonedAndRejectedSharesAboveOneTogether_NamesTheArm()
    {
        var effects = SimulationEffects.Parse("ai_assisted:\n  abandonment_rate: +0.6\n  rejection_rate: +0.5\n", "effects.yaml").Effects;

        var errors = PilotSimulator.Validate(Simulations.Demo(effects: effects)).Select(e => e.ToString());

        // building-permit-question: abandoned 0.02 + 0.6, rejected 0.01 + 0.5.
        Assert.Contains("effects.yaml:1: ai_assisted: makes abandonment_rate + rejection_rate of case type 'building-permit-question' 1.13, above 1", errors);
    }

    [Fact]
    public void Default_ForAPilotWithoutTheAutomatedArm_Valid()
    {
        Assert.Contains("ai_automated", SimulationEffects.Default.Arms);

        Assert.Empty(PilotSimulator.Validate(Simulations.Demo()));
    }

    [Fact]
    public void Validate_BadSettingsAndProfile_EachNamed()
    {
        var settings = Simulations.Demo(days: 0) with
        {
            Profiles = [CaseTypeProfiles.BuildingPermitQuestion with { ReviewShare = 1.5, CsatWeights = [1, 2] }],
        };

        var keys = PilotSimulator.Validate(settings).Select(e => e.Key).ToList();

        Assert.Equal(["days", "profiles.building-permit-question.ReviewShare", "profiles.building-permit-question.CsatWeights"], keys);
    }
}
