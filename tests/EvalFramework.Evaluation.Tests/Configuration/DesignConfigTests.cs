using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Tests.Configuration;

public sealed class DesignConfigTests
{
    private static ConfigError SingleError(string design)
    {
        var result = TestConfig.Parse(TestConfig.Valid + design);
        Assert.Null(result.Config);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_NoDesign_EachCaseOnItsOwnWithoutDates()
    {
        var design = TestConfig.Pilot().Design;

        Assert.False(design.IsConfigured);
        Assert.Equal("case", design.Unit);
        Assert.False(design.IsClustered);
        Assert.Null(design.AiStart);
        Assert.Null(design.PlannedEnd);
        Assert.Equal(ConfigDefaults.MinUnitsPerArm, design.MinUnitsPerArm);
    }

    [Fact]
    public void Parse_SwitchbackDesign_ReadsEveryKey()
    {
        var design = TestConfig.Pilot(TestConfig.Valid + """

                design:
                  unit: period
                  periodLength: 7d
                  aiStart: 2025-03-03
                  plannedEnd: 2025-09-01
                  minUnitsPerArm: 6

            """).Design;

        Assert.True(design.IsConfigured);
        Assert.True(design.IsClustered);
        Assert.Equal("period", design.Unit);
        Assert.Equal(7, design.PeriodDays);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero), design.AiStart);
        Assert.Equal(new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero), design.PlannedEnd);
        Assert.Equal(6, design.MinUnitsPerArm);
        Assert.Null(design.PlannedCases);
    }

    [Fact]
    public void Parse_PlannedCases_ReadAndHashed()
    {
        const string Design = "\n    design:\n      plannedEnd: 2025-09-01\n";
        var without = TestConfig.Load(TestConfig.Valid + Design);
        var with = TestConfig.Load(TestConfig.Valid + Design + "      plannedCases: 2400\n");

        Assert.Equal(2400, with.Pilots[0].Design.PlannedCases);
        Assert.NotEqual(without.Methodology.ConfigSha256, with.Methodology.ConfigSha256);
    }

    [Theory]
    [InlineData("design:\n    unit: office\n", "pilots[0].design.unit", "must be one of case, handler, team, period")]
    [InlineData("design:\n    unit: period\n", "pilots[0].design.periodLength", "is required when unit is period")]
    [InlineData("design:\n    unit: team\n    periodLength: 7d\n", "pilots[0].design.periodLength", "applies only when unit is period")]
    [InlineData("design:\n    unit: period\n    periodLength: 1w\n", "pilots[0].design.periodLength", "whole number of days")]
    [InlineData("design:\n    plannedEnd: 2025-02-30\n", "pilots[0].design.plannedEnd", "yyyy-MM-dd")]
    [InlineData("design:\n    aiStart: 2025-05-01\n    plannedEnd: 2025-04-01\n", "pilots[0].design.plannedEnd", "must be after aiStart")]
    [InlineData("design:\n    unit: team\n    minUnitsPerArm: 1\n", "pilots[0].design.minUnitsPerArm", "at least 2")]
    [InlineData("design:\n    shares: {manual: 0.5, ai_assisted: 0.5}\n", "pilots[0].design.shares", "arms[].share")]
    [InlineData("design:\n    unitt: team\n", "pilots[0].design.unitt", "unknown key")]
    [InlineData("design:\n    plannedEnd: 2025-09-01\n    plannedCases: 50\n", "pilots[0].design.plannedCases", "at least 100")]
    [InlineData("design:\n    plannedCases: 2000\n", "pilots[0].design.plannedCases", "applies only with plannedEnd")]
    public void Parse_BadDesign_ErrorNamesTheKey(string design, string key, string message)
    {
        var error = SingleError("\n" + string.Concat(design.Split('\n').Where(l => l.Length > 0).Select(l => "    " + l + "\n")));

        Assert.Equal(key, error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "pilots[0].teams", "a design by team needs the pilot's teams listed in teams")]
    [InlineData("\n    teams: [north, south, east]", "pilots[0].teams", "lists 3 team(s); a design by team needs at least 4 per arm (design.minUnitsPerArm), 8 for the 2 arms")]
    public void Parse_TeamDesignWithoutEnoughTeams_ErrorNamesTeams(string teams, string key, string message)
    {
        var error = SingleError(teams + "\n    design:\n      unit: team\n");

        Assert.Equal(key, error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TeamDesignWithEightTeamsForTwoArms_Valid() =>
        Assert.Equal("team", TestConfig.Pilot(TestConfig.Valid + "\n    teams: [a1, a2, a3, a4, b1, b2, b3, b4]\n    design:\n      unit: team\n").Design.Unit);

    [Fact]
    public void Sha256_DesignEntersOnlyWhenSet()
    {
        var plain = TestConfig.Parse(TestConfig.Valid).Config!;
        var caseDesign = TestConfig.Parse(TestConfig.Valid + "\n    design:\n      unit: case\n").Config!;
        var teamDesign = TestConfig.Parse(TestConfig.Valid + TestConfig.SixteenTeams + "\n    design:\n      unit: team\n").Config!;

        Assert.NotEqual(plain.Methodology.ConfigSha256, caseDesign.Methodology.ConfigSha256);
        Assert.NotEqual(caseDesign.Methodology.ConfigSha256, teamDesign.Methodology.ConfigSha256);
        Assert.Equal(plain.Methodology.ConfigSha256, TestConfig.Parse(TestConfig.Valid).Config!.Methodology.ConfigSha256);
    }
}
