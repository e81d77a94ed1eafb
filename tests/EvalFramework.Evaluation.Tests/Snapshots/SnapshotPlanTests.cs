using System.Globalization;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>Roles, the primary family, guardrails and the plan's registration, as the engine applies them.</summary>
public sealed class SnapshotPlanTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static EvaluationConfig WithPlan(string plan) => TestConfig.Load(TestConfig.Valid + "\n    analysisPlan:\n" + plan);

    private static SnapshotEngine Engine(EvaluationConfig config, RegisteredPlan? registered = null, int createdAfterDays = 40) =>
        new(new SnapshotRequest("snap-plan", "demo", From, From.AddDays(14), From.AddDays(createdAfterDays), config) { RegisteredPlan = registered });

    /// <summary>Cases of one arm: effort 100 + i % 7 (+ shift), one review each with the given error rule, a priced role and model.</summary>
    private static void AddCases(SnapshotEngine engine, string arm, int count, double effortShift = 0, Func<int, bool>? erroneous = null)
    {
        var row = new CaseRow();
        for (var i = 0; i < count; i++)
        {
            row.Clear();
            row.CaseId = arm + "-" + i.ToString("D5", CultureInfo.InvariantCulture);
            row.CaseType = "a-question";
            row.Arm = arm;
            row.StartedMs = From.AddMinutes(i).ToUnixTimeMilliseconds();
            row.CompletedMs = row.StartedMs + 60_000 + (i % 5 * 1000);
            row.EffortSeconds = 100 + (i % 7) + effortShift;
            row.EffortByRole.Add(new RoleEffort("handlaggare", row.EffortSeconds));
            row.Reviews = 1;
            row.ReviewsIncorrect = erroneous?.Invoke(i) == true ? 1 : 0;
            row.NpsCount = 1;
            row.NpsPromoters = i % 3 == 0 ? 1 : 0;
            row.NpsDetractors = i % 3 == 1 ? 1 : 0;
            engine.AddCase(row);
        }
    }

    private static ComparisonResult Comparison(Snapshot s, string metric) => s.CaseTypes.Single().Comparisons.Single(c => c.Metric == metric);

    [Fact]
    public void Compute_PrimaryFamily_FixedByThePlanNotByTheData()
    {
        // effort is primary for both case types of the config; only a-question has cases, so b-advice's comparison
        // counts in the family with p = 1 and Holm multiplies the one real p-value by 2.
        using var engine = Engine(WithPlan("      primary: [{metric: effort_seconds_mean}]\n"));
        AddCases(engine, "ai_assisted", 60, effortShift: -1.5);
        AddCases(engine, "manual", 60);

        var snapshot = engine.Compute();
        var effort = Comparison(snapshot, MetricKeys.EffortMean);

        Assert.Equal(ComparisonRoles.Primary, effort.Role);
        Assert.Equal(2, snapshot.Plan.PrimaryFamilySize);
        Assert.Equal(Math.Min(1, 2 * effort.PValue!.Value), effort.AdjustedPValue!.Value, 12);
    }

    [Fact]
    public void Compute_Secondary_UnadjustedAndItsVerdictFromTheRawPValue()
    {
        using var engine = Engine(WithPlan("      primary: [{metric: csat_mean}]\n"));
        AddCases(engine, "ai_assisted", 60, effortShift: -3);
        AddCases(engine, "manual", 60);

        var effort = Comparison(engine.Compute(), MetricKeys.EffortMean);

        Assert.Equal(ComparisonRoles.Secondary, effort.Role);
        Assert.Null(effort.AdjustedPValue);
        Assert.True(effort.PValue < 0.05);
        Assert.Equal(Verdicts.Improved, effort.Verdict);
        Assert.Equal("case", effort.Unit);
    }

    [Fact]
    public void Compute_DescriptiveMetrics_NoComparison()
    {
        using var engine = Engine(TestConfig.Load());
        AddCases(engine, "ai_assisted", 40);
        AddCases(engine, "manual", 40);

        var snapshot = engine.Compute();
        var compared = snapshot.CaseTypes.Single().Comparisons.Select(c => c.Metric).ToList();

        Assert.All(MetricKeys.Descriptive, d => Assert.DoesNotContain(d, compared));
        Assert.Contains(MetricKeys.CasesCompleted, snapshot.CaseTypes.Single().Arms[0].Metrics.Select(m => m.Key));
        Assert.Contains(MetricKeys.AiSecondsMean, snapshot.CaseTypes.Single().Arms[0].Metrics.Select(m => m.Key));
    }

    [Fact]
    public void Compute_Co2e_SharesEnergysTestAndIsNotCountedTwice()
    {
        using var engine = Engine(WithPlan("      primary: [{metric: energy_wh_per_case, caseType: a-question}]\n"));
        AddCases(engine, "ai_assisted", 60, effortShift: -2);
        AddCases(engine, "manual", 60);

        var snapshot = engine.Compute();
        var energy = Comparison(snapshot, MetricKeys.EnergyPerCase);
        var co2e = Comparison(snapshot, MetricKeys.Co2ePerCase);

        Assert.Equal(ComparisonRoles.Primary, co2e.Role);
        Assert.Equal(MetricKeys.EnergyPerCase, co2e.SameTestAs);
        Assert.Null(energy.SameTestAs);
        Assert.Equal(energy.PValue, co2e.PValue); // the same test: the same p-value to the last digit
        Assert.Equal(energy.Difference!.Value * 0.04, co2e.Difference!.Value, 12); // 40 g/kWh
        Assert.Equal(energy.PValue!.Value, energy.AdjustedPValue!.Value, 12); // a family of one
        Assert.Equal(energy.AdjustedPValue, co2e.AdjustedPValue);
        Assert.Equal(energy.Verdict, co2e.Verdict);
    }

    [Theory]
    // Reference: Newcombe's hybrid score interval (method 10) at 90 %, z = scipy.stats.norm.ppf(0.95), treatment − baseline,
    // computed with /usr/bin/python3 from the Wilson intervals of each arm: 40/400 vs 40/400 -> (-0.03518810415079961,
    // 0.03518810415079961); 40/400 vs 52/400 -> (-0.007237911243126512, 0.06736259457531177).
    [InlineData(40, 0.04, 0.03518810415079961, Verdicts.NonInferior)]
    [InlineData(40, 0.03, 0.03518810415079961, Verdicts.Inconclusive)]
    [InlineData(52, 0.1, 0.06736259457531177, Verdicts.NonInferior)]
    [InlineData(52, 0.05, 0.06736259457531177, Verdicts.Inconclusive)]
    public void Compute_Guardrail_OneSidedBoundAtAlphaAgainstTheMargin(int treatmentErrors, double margin, double bound, string verdict)
    {
        using var engine = Engine(WithPlan(string.Create(CultureInfo.InvariantCulture,
            $"      alpha: 0.05\n      guardrails: [{{metric: error_rate, margin: {margin}}}]\n")));
        AddCases(engine, "ai_assisted", 400, erroneous: i => i < treatmentErrors);
        AddCases(engine, "manual", 400, erroneous: i => i % 10 == 0);

        var errorRate = Comparison(engine.Compute(), MetricKeys.ErrorRate);

        Assert.Equal(ComparisonRoles.Guardrail, errorRate.Role);
        Assert.Equal(bound, errorRate.NonInferiorityBound!.Value, 12);
        Assert.Equal(margin, errorRate.NonInferiorityMargin);
        Assert.Equal(verdict, errorRate.Verdict);
        Assert.Null(errorRate.AdjustedPValue);
    }

    [Fact]
    public void Compute_Guardrail_WholeIntervalBeyondTheMargin_Inferior()
    {
        using var engine = Engine(WithPlan("      guardrails: [{metric: error_rate, margin: 0.02}]\n"));
        AddCases(engine, "ai_assisted", 400, erroneous: i => i % 4 == 0);
        AddCases(engine, "manual", 400, erroneous: i => i % 10 == 0);

        Assert.Equal(Verdicts.Inferior, Comparison(engine.Compute(), MetricKeys.ErrorRate).Verdict);
    }

    [Fact]
    public void Compute_Nps_PointsOnlyNoRelativeChange()
    {
        using var engine = Engine(TestConfig.Load());
        AddCases(engine, "ai_assisted", 60);
        AddCases(engine, "manual", 60);

        var nps = Comparison(engine.Compute(), MetricKeys.Nps);

        Assert.NotNull(nps.Difference);
        Assert.Null(nps.RelativeChange);
        Assert.Null(nps.MinimumDetectableRelativeChange);
        Assert.Equal("answer", nps.Unit);
    }

    [Fact]
    public void Compute_NoPrimaryAndNotRegistered_BothSaid()
    {
        using var engine = Engine(TestConfig.Load());
        AddCases(engine, "ai_assisted", 40);
        AddCases(engine, "manual", 40);

        var snapshot = engine.Compute();

        Assert.False(snapshot.Plan.Configured);
        Assert.Null(snapshot.Plan.ChangedAfterRegistration);
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.StartsWith("the analysis plan names no primary metric", StringComparison.Ordinal));
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.StartsWith("the analysis plan is not registered", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_RegisteredBeforeTheData_NoPlanWarning()
    {
        var config = WithPlan("      primary: [{metric: effort_seconds_mean}]\n");
        using var engine = Engine(config, new RegisteredPlan(config.Pilots[0].AnalysisPlan.Sha256, From.AddDays(-1)));
        AddCases(engine, "ai_assisted", 40);
        AddCases(engine, "manual", 40);

        var snapshot = engine.Compute();

        Assert.False(snapshot.Plan.ChangedAfterRegistration);
        Assert.DoesNotContain(snapshot.DataQuality.Warnings, w => w.Contains("analysis plan", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_PlanDiffersFromTheRegisteredOne_ChangedAfterDataArrived()
    {
        var registered = WithPlan("      primary: [{metric: effort_seconds_mean}]\n").Pilots[0].AnalysisPlan.Sha256;
        using var engine = Engine(WithPlan("      primary: [{metric: csat_mean}]\n"), new RegisteredPlan(registered, From.AddDays(-1)));
        AddCases(engine, "ai_assisted", 40);
        AddCases(engine, "manual", 40);

        var snapshot = engine.Compute();

        Assert.True(snapshot.Plan.ChangedAfterRegistration);
        Assert.Contains(snapshot.DataQuality.Warnings, w => w.StartsWith("analysis plan changed after data arrived", StringComparison.Ordinal)
            && w.Contains(registered[..12], StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_RegisteredAfterTheFirstCase_Said()
    {
        var config = WithPlan("      primary: [{metric: effort_seconds_mean}]\n");
        using var engine = Engine(config, new RegisteredPlan(config.Pilots[0].AnalysisPlan.Sha256, From.AddDays(2)));
        AddCases(engine, "ai_assisted", 40);
        AddCases(engine, "manual", 40);

        Assert.Contains(engine.Compute().DataQuality.Warnings, w => w.StartsWith("the analysis plan was registered on 2025-03-05", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(40, false)] // period ends 2025-03-17, made 2025-04-12: 26 days later
    [InlineData(20, true)]  // made 2025-03-23: only 6 days after the end
    public void Compute_PeriodEndInsideTheFollowUpWindow_Said(int createdAfterDays, bool warned)
    {
        using var engine = Engine(TestConfig.Load(), createdAfterDays: createdAfterDays);
        AddCases(engine, "manual", 10);

        var warnings = engine.Compute().DataQuality.Warnings;

        Assert.Equal(warned, warnings.Any(w => w.StartsWith("the period ends less than 14 follow-up day(s)", StringComparison.Ordinal)));
    }

    [Fact]
    public void ComputeJson_RolesAndPlan_RoundTripThroughTheDocument()
    {
        using var engine = Engine(WithPlan("      primary: [{metric: effort_seconds_mean}]\n      guardrails: [{metric: error_rate, margin: 0.02}]\n"));
        AddCases(engine, "ai_assisted", 40, effortShift: -2, erroneous: i => i % 10 == 0);
        AddCases(engine, "manual", 40, erroneous: i => i % 10 == 0);

        var json = engine.ComputeJson();
        var document = SnapshotDocumentReader.Read(json);

        Assert.Equal(json, SnapshotJsonWriter.Write(document));
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        var comparisons = parsed.RootElement.GetProperty("caseTypes")[0].GetProperty("comparisons").EnumerateArray().ToList();
        Assert.All(comparisons, c => Assert.Equal(c.GetProperty("role").GetString() == ComparisonRoles.Secondary,
            c.GetProperty("exploratory").GetBoolean()));
        Assert.Contains(comparisons, c => c.GetProperty("exploratory").GetBoolean());
        Assert.Equal([new PlannedMetric(null, MetricKeys.EffortMean)], document.Plan!.Primary);
        Assert.Equal(0.02, document.Plan.Guardrails.Single(g => g.Metric == MetricKeys.ErrorRate).Margin);
        Assert.Equal(14, document.Settings.FollowUpDays);
        Assert.False(document.DefaultEnd);
        var error = document.CaseTypes.Single().Comparisons.Single(c => c.Metric == MetricKeys.ErrorRate);
        Assert.Equal(ComparisonRoles.Guardrail, error.Role);
        Assert.NotNull(error.NonInferiorityBound);
    }
}
