using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Tests;

/// <summary>A small valid config whose line numbers the validation tests rely on (see the comments).</summary>
internal static class TestConfig
{
    public const string FileName = "evaluation.yaml";

    // Line 1 confidenceLevel, 3 the pilot, 5 caseTypes, 6 arms, 8/10 shares, 9 second arm name, 11 baselineArm,
    // 14 hourlyCostSek, 15 aiModels, 22 monthlySek, 23 fixed-cost arm, 25 maintenance hourlyCostSek.
    public const string Valid = """
        confidenceLevel: 0.95
        pilots:
          - slug: demo
            displayName: Demo
            caseTypes: [a-question, b-advice]
            arms:
              - name: manual
                share: 0.5
              - name: ai_assisted
                share: 0.5
            baselineArm: manual
            staffRoles:
              handlaggare:
                hourlyCostSek: 600
            aiModels:
              small-model:
                inputPerMillionSek: 2
                outputPerMillionSek: 8
                activeParamsBillions: 10
            fixedCosts:
              - name: licence
                monthlySek: 10000
                arm: ai_assisted
            maintenance:
              hourlyCostSek: 800
        """;

    /// <summary>A <c>teams</c> key of 16 teams for the pilot of <see cref="Valid"/>: a design by team needs its teams listed.</summary>
    public const string SixteenTeams = "\n    teams: [t01, t02, t03, t04, t05, t06, t07, t08, t09, t10, t11, t12, t13, t14, t15, t16]";

    public static ConfigLoadResult Parse(string yaml, IReadOnlyDictionary<string, string>? env = null) =>
        EvaluationConfigLoader.Parse(yaml, FileName, env);

    public static EvaluationConfig Load(string yaml = Valid, IReadOnlyDictionary<string, string>? env = null)
    {
        var result = Parse(yaml, env);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Config!;
    }

    public static PilotConfig Pilot(string yaml = Valid) => Load(yaml).Pilots[0];

    /// <summary>Replaces text that must occur exactly once.</summary>
    public static string With(string oldText, string newText, string yaml = Valid)
    {
        var at = yaml.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(at >= 0 && yaml.IndexOf(oldText, at + 1, StringComparison.Ordinal) < 0, "'" + oldText + "' must occur once");
        return string.Concat(yaml.AsSpan(0, at), newText, yaml.AsSpan(at + oldText.Length));
    }
}
