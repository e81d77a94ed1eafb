using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Configuration;

public sealed class AnalysisPlanConfigTests
{
    private const string Plan = """

            analysisPlan:
              alpha: 0.01
              primary:
                - metric: consistency_rate
                  caseType: a-question
                - metric: effort_seconds_mean
              guardrails:
                - {metric: error_rate, margin: 0.02}
                - {metric: csat_mean, margin: 0.2, caseType: b-advice}

        """;

    private static ConfigError SingleError(string plan)
    {
        var result = TestConfig.Parse(TestConfig.Valid + plan);
        Assert.Null(result.Config);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_NoPlan_DefaultPlanWithoutPrimaryAndWithTheDefaultGuardrails()
    {
        var plan = TestConfig.Pilot().AnalysisPlan;

        Assert.False(plan.IsConfigured);
        Assert.Equal(0.05, plan.Alpha, 12);
        Assert.Empty(plan.Primary);
        Assert.Equal(
            [new PlannedMetric(null, MetricKeys.AbandonmentRate, 0.02), new PlannedMetric(null, MetricKeys.RejectionRate, 0.02)],
            plan.Guardrails);
    }

    [Fact]
    public void Parse_Plan_RolesFollowTheEntries()
    {
        var plan = TestConfig.Pilot(TestConfig.Valid + Plan).AnalysisPlan;

        Assert.True(plan.IsConfigured);
        Assert.Equal(0.01, plan.Alpha);
        Assert.Equal(ComparisonRoles.Primary, plan.RoleOf("a-question", MetricKeys.ConsistencyRate));
        Assert.Equal(ComparisonRoles.Secondary, plan.RoleOf("b-advice", MetricKeys.ConsistencyRate));
        Assert.Equal(ComparisonRoles.Primary, plan.RoleOf("b-advice", MetricKeys.EffortMean));
        Assert.Equal(ComparisonRoles.Guardrail, plan.RoleOf("a-question", MetricKeys.ErrorRate));
        Assert.Equal(ComparisonRoles.Guardrail, plan.RoleOf("b-advice", MetricKeys.CsatMean));
        Assert.Equal(ComparisonRoles.Secondary, plan.RoleOf("a-question", MetricKeys.CsatMean));
        Assert.Equal(ComparisonRoles.Guardrail, plan.RoleOf("a-question", MetricKeys.AbandonmentRate));
        Assert.Equal(0.02, plan.MarginOf("b-advice", MetricKeys.RejectionRate));
        Assert.Equal(ComparisonRoles.Secondary, plan.RoleOf(null, MetricKeys.StaffWellbeingMean));
        Assert.Null(plan.RoleOf("a-question", MetricKeys.AiSecondsMean));
        Assert.Null(plan.RoleOf("a-question", MetricKeys.CasesCompleted));
    }

    [Fact]
    public void RoleOf_Co2e_TakesTheRoleOfEnergy()
    {
        var plan = TestConfig.Pilot(TestConfig.Valid + "\n    analysisPlan:\n      primary: [{metric: energy_wh_per_case}]\n").AnalysisPlan;

        Assert.Equal(ComparisonRoles.Primary, plan.RoleOf("a-question", MetricKeys.Co2ePerCase));
    }

    [Fact]
    public void Sha256_OrderAndLayoutDoNotCount_MarginsDo()
    {
        var reordered = """

                analysisPlan:
                  guardrails:
                    - {caseType: b-advice, margin: 0.20, metric: csat_mean}
                    - {metric: error_rate, margin: 0.02}
                  primary:
                    - {metric: effort_seconds_mean}
                    - {caseType: a-question, metric: consistency_rate}
                  alpha: 0.01

            """;
        var a = TestConfig.Load(TestConfig.Valid + Plan);
        var b = TestConfig.Load(TestConfig.Valid + reordered);
        var c = TestConfig.Load(TestConfig.Valid + Plan.Replace("margin: 0.02", "margin: 0.03", StringComparison.Ordinal));

        Assert.Equal(a.Pilots[0].AnalysisPlan.Sha256, b.Pilots[0].AnalysisPlan.Sha256);
        Assert.Equal(a.Methodology.ConfigSha256, b.Methodology.ConfigSha256);
        Assert.NotEqual(a.Pilots[0].AnalysisPlan.Sha256, c.Pilots[0].AnalysisPlan.Sha256);
        Assert.NotEqual(a.Methodology.ConfigSha256, c.Methodology.ConfigSha256);
        Assert.NotEqual(a.Methodology.ConfigSha256, TestConfig.Load().Methodology.ConfigSha256);
    }

    [Fact]
    public void Parse_UnknownCaseTypeAndUnknownMetricInOneEntry_BothReported()
    {
        var result = TestConfig.Parse(TestConfig.Valid + "\n    analysisPlan:\n      primary: [{metric: consistancy_rate, caseType: bygglov}]\n");

        Assert.Equal(["pilots[0].analysisPlan.primary[0].caseType", "pilots[0].analysisPlan.primary[0].metric"],
            result.Errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("primary: [{metric: effort}]", "analysisPlan.primary[0].metric", "unknown metric (expected one of: lead_time_seconds_median")]
    [InlineData("primary: [{metric: ai_seconds_mean}]", "analysisPlan.primary[0].metric", "is descriptive")]
    [InlineData("primary: [{metric: co2e_g_per_case}]", "analysisPlan.primary[0].metric", "name energy_wh_per_case")]
    [InlineData("primary: [{metric: error_rate, caseType: c-other}]", "analysisPlan.primary[0].caseType", "is not one of the pilot's caseTypes (a-question, b-advice)")]
    [InlineData("primary: [{metric: staff_wellbeing_mean, caseType: a-question}]", "analysisPlan.primary[0].metric", "pilot-level comparison")]
    [InlineData("guardrails: [{metric: error_rate}]", "analysisPlan.guardrails[0].margin", "required key is missing")]
    [InlineData("guardrails: [{metric: error_rate, margin: 2}]", "analysisPlan.guardrails[0].margin", "must be at most 1 for a share")]
    [InlineData("guardrails: [{metric: csat_mean, margin: -0.1}]", "analysisPlan.guardrails[0].margin", "must not be negative")]
    [InlineData("alpha: 0.5", "analysisPlan.alpha", "must be between 0 and 0.5")]
    [InlineData("primary: [{metric: error_rate}]\n      guardrails: [{metric: error_rate, margin: 0.02, caseType: a-question}]", "analysisPlan.guardrails[0]", "both primary and a guardrail")]
    [InlineData("primary: [{metric: error_rate}, {metric: error_rate, caseType: b-advice}]", "analysisPlan.primary[1]", "listed twice")]
    [InlineData("secondary: [{metric: error_rate}]", "analysisPlan.secondary", "unknown key (expected one of: alpha, primary, guardrails)")]
    public void Parse_BadPlan_ErrorNamesTheKey(string body, string key, string message)
    {
        var error = SingleError("\n    analysisPlan:\n      " + body + "\n");

        Assert.Equal("pilots[0]." + key, error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
