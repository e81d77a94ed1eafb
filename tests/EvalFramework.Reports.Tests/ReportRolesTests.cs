using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports.Tests;

/// <summary>
/// The page of a snapshot made with an analysis plan: the plan first, then the comparisons grouped by role (primary,
/// guardrails, exploratory), descriptive metrics as figures only, and the warnings a reader must see. The snapshots
/// are made by the engine from hand-built cases; what the page must show is read from the snapshot JSON, not from
/// the renderer.
/// </summary>
public sealed partial class ReportRolesTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RegisteredAt = new(2025, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] DescriptiveShown = [MetricKeys.CasesCompleted, MetricKeys.ThroughputPerWeek, MetricKeys.AiSecondsMean, MetricKeys.LeadTimeP90];

    private static readonly ReportPage Page = ReportTestPilot.Page("snap-p");

    private static readonly EvaluationConfig Config = ReportTestPilot.Config("""
            analysisPlan:
              alpha: 0.05
              primary:
                - metric: effort_seconds_mean
                - metric: consistency_rate
                  caseType: building-permit-question
              guardrails:
                - metric: error_rate
                  margin: 0.05
                - metric: csat_mean
                  margin: 0.3

        """);

    private static string PlanSha256 => Config.Pilots.Single().AnalysisPlan.Sha256;

    /// <summary>60 cases per arm with effort, reviews, errors, CSAT and NPS answers; the AI arm needs less staff time.</summary>
    private static JsonObject SnapshotJson(RegisteredPlan? registered = null)
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("snap-p", "demo", From, From.AddDays(28), From.AddDays(45), Config)
        {
            RegisteredPlan = registered,
        });
        var id = 0;
        foreach (var arm in new[] { "manual", "ai_assisted" })
        {
            var ai = arm == "ai_assisted";
            for (var i = 0; i < 60; i++)
            {
                var row = new CaseRow
                {
                    CaseId = (id++).ToString("D5", CultureInfo.InvariantCulture),
                    CaseType = "building-permit-question",
                    Arm = arm,
                    StartedMs = From.AddHours(i * 8).ToUnixTimeMilliseconds(),
                    EffortSeconds = (ai ? 420 : 600) + (i % 13 * 7),
                    Reviews = 1,
                    ReviewsIncorrect = i % (ai ? 12 : 10) == 0 ? 1 : 0,
                    Errors = i % (ai ? 12 : 10) == 0 ? 1 : 0,
                    ReviewsConsistencySet = 1,
                    ReviewsConsistent = i % (ai ? 6 : 3) == 0 ? 0 : 1,
                    CsatCount = 1,
                    CsatSum = 3 + (i % 3),
                    NpsCount = 1,
                    NpsPromoters = i % 3 == 0 ? 1 : 0,
                    NpsDetractors = i % 4 == 1 ? 1 : 0,
                };
                row.CompletedMs = row.StartedMs + (((ai ? 2400 : 3600) + (i * 37 % 900)) * 1000L);
                engine.AddCase(row);
            }
        }

        return JsonNode.Parse(engine.ComputeJson())!.AsObject();
    }

    private static string Render(JsonObject json, string language = "en") => ReportTestPilot.Render(json, language, Page);

    private static IEnumerable<JsonNode> JsonComparisons(JsonObject json) =>
        json["caseTypes"]!.AsArray().SelectMany(c => c!["comparisons"]!.AsArray())
            .Concat(json["pilotComparisons"]?.AsArray() ?? [])!;

    [Fact]
    public void Render_SnapshotWithPlan_PlanFirstThenPrimaryGuardrailsExploratoryEachWithItsComparisons()
    {
        var json = SnapshotJson();

        var html = Render(json);

        Assert.True(html.IndexOf("id=\"plan\"", StringComparison.Ordinal) is > 0 and var plan
            && plan < html.IndexOf("id=\"data-quality\"", StringComparison.Ordinal)
            && html.IndexOf("id=\"data-quality\"", StringComparison.Ordinal) < html.IndexOf("id=\"comparisons\"", StringComparison.Ordinal));
        var groups = GroupStart().Matches(html).Select(m => m.Groups["role"].Value).ToList();
        Assert.Equal(["primary", "guardrail", "secondary"], groups);
        foreach (var role in groups)
        {
            var group = Group(html, role);
            var expected = JsonComparisons(json).Where(c => (string?)c["role"] == role)
                .Select(c => (string)c!["metric"]!).Order(StringComparer.Ordinal).ToList();
            var shown = ForestRow().Matches(group).Select(m => m.Groups["metric"].Value).Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.Count > 0, role + " has no comparison in the snapshot");
            Assert.Equal(expected, shown);
            Assert.All(ForestRow().Matches(group), m => Assert.Equal(role, m.Groups["role"].Value));
        }

        Assert.Equal(["effort_seconds_mean", "consistency_rate"], ForestRow().Matches(Group(html, "primary")).Select(m => m.Groups["metric"].Value));
        // The Holm family: two primary entries × one case type × one treatment arm.
        Assert.Contains("adjusted (Holm) over the 2 primary comparisons", Group(html, "primary"), StringComparison.Ordinal);
        Assert.Contains("Staff time per case – all case types", html, StringComparison.Ordinal);
        Assert.Contains("Consistent answers – Building-permit questions", html, StringComparison.Ordinal);
        Assert.Contains("Error rate – all case types, margin 5.0\u00A0percentage points", html, StringComparison.Ordinal);
        Assert.Contains("Citizen satisfaction (CSAT, 1–5) – all case types, margin 0.30\u00A0points", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"role r-secondary\">Exploratory</span>", html, StringComparison.Ordinal);
        Assert.Contains("for a primary measure after the Holm adjustment over the primary measures", Section(html, "data"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PrimaryWithTooFewCases_StillCountsInTheHolmFamily()
    {
        // The family is fixed by the plan: a primary comparison without enough data counts (with p = 1), so the size
        // said on the page does not change with the data.
        var json = SnapshotJson();
        var consistency = JsonComparisons(json).Single(c => (string?)c["metric"] == MetricKeys.ConsistencyRate).AsObject();
        consistency["adjustedPValue"] = null;
        consistency["verdict"] = "insufficient_data";

        var html = Render(json);

        Assert.Contains("adjusted (Holm) over the 2 primary comparisons", Group(html, "primary"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SnapshotWithPlan_DescriptiveMetricsShownAsFiguresNeverWithAVerdict()
    {
        var json = SnapshotJson();
        Assert.DoesNotContain(JsonComparisons(json), c => MetricKeys.IsDescriptive((string)c["metric"]!));

        var html = Render(json);

        foreach (var metric in DescriptiveShown)
        {
            var rows = Regex.Matches(html, "<tr data-metric=\"" + metric + "\">(.*?)</tr>", RegexOptions.Singleline);
            Assert.True(rows.Count > 0, metric + " is not shown as a figure");
            Assert.All(rows, r => Assert.DoesNotContain("class=\"badge", r.Value, StringComparison.Ordinal));
            Assert.DoesNotContain("data-metric=\"" + metric + "\" data-verdict", html, StringComparison.Ordinal);
        }

        Assert.Contains(Regex.Matches(html, "<tr data-metric=\"ai_seconds_mean\">(.*?)</tr>", RegexOptions.Singleline),
            r => r.Value.Contains("Descriptive, not compared", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en", "The analysis plan is not registered: nothing shows that it was fixed before the data were seen.")]
    [InlineData("sv", "Analysplanen är inte registrerad: inget visar att den bestämdes innan data setts.")]
    public void Render_PlanNotRegistered_WarningInThePlanAndInDataQuality(string language, string warning)
    {
        var html = Render(SnapshotJson(), language);

        var plan = Section(html, "plan");
        Assert.Contains("class=\"warn plan-warning\" role=\"note\">" + warning, plan, StringComparison.Ordinal);
        Assert.Contains(warning, Section(html, "data-quality"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RegisteredPlanUnchanged_RegistrationShownAndNoWarning()
    {
        var html = Render(SnapshotJson(new RegisteredPlan(PlanSha256, RegisteredAt)));

        Assert.DoesNotContain("plan-warning", html, StringComparison.Ordinal);
        Assert.Contains("Registered 2 March 2025 09:00 UTC; the plan used is the registered one.", Section(html, "plan"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "The analysis plan was registered 4 March 2025 12:00 UTC, after the period's first case started",
        "Registered 4 March 2025 12:00 UTC, after the period's first case started; the plan used is the registered one.")]
    [InlineData("sv", "Analysplanen registrerades 4 mars 2025 12:00 UTC, efter att periodens första ärende startat",
        "Registrerad 4 mars 2025 12:00 UTC, efter att periodens första ärende startat; planen som används är den registrerade.")]
    public void Render_RegisteredAfterTheFirstCase_WarningInThePlanAndInDataQuality(string language, string warning, string registration)
    {
        var json = SnapshotJson(new RegisteredPlan(PlanSha256, From.AddDays(1).AddHours(12)));

        var html = Render(json, language);

        Assert.True(json["analysisPlan"]!["registeredAfterDataArrived"]!.GetValue<bool>());
        Assert.Contains("plan-warning", html, StringComparison.Ordinal);
        Assert.Contains(warning, Section(html, "plan"), StringComparison.Ordinal);
        Assert.Contains(registration, Section(html, "plan"), StringComparison.Ordinal);
        Assert.Contains(warning, Section(html, "data-quality"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PlanChangedAfterRegistration_WarningNamesTheRegistrationAndBothHashes()
    {
        var registered = string.Concat(Enumerable.Repeat("ab", 32));

        var html = Render(SnapshotJson(new RegisteredPlan(registered, RegisteredAt)), "sv");

        Assert.Contains("Analysplanen ändrades efter att den registrerades (2 mars 2025 09:00 UTC)", Section(html, "plan"), StringComparison.Ordinal);
        Assert.Contains("Registrerad plan abababababab…, använd plan " + PlanSha256[..12] + "…", Section(html, "plan"), StringComparison.Ordinal);
        Assert.Contains("Analysplanen ändrades efter att den registrerades", Section(html, "data-quality"), StringComparison.Ordinal);
        Assert.Contains("<span class=\"role r-secondary\">Utforskande</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Guardrail_SentenceNamesTheOneSidedBoundAndTheMarginOnTheBadSide()
    {
        var json = SnapshotJson();
        var csat = JsonComparisons(json).Single(c => (string?)c["metric"] == MetricKeys.CsatMean);
        Assert.Equal("guardrail", (string?)csat["role"]);
        var bound = (double)csat["nonInferiorityBound"]!;

        var html = Render(json);

        // CSAT: higher is better, so the margin's bad side is −0.30; both are differences in points, 2 decimals.
        var expected = "One-sided bound " + (bound < 0 ? "\u2212" : "+") + Math.Abs(bound).ToString("0.00", CultureInfo.InvariantCulture)
            + "\u00A0points against the margin \u22120.30\u00A0points.";
        Assert.Contains(expected, Group(html, "guardrail"), StringComparison.Ordinal);
        var row = Regex.Match(Group(html, "guardrail"), "<tr data-metric=\"csat_mean\">(.*?)</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"num\">" + (bound < 0 ? "\u2212" : "+") + Math.Abs(bound).ToString("0.00", CultureInfo.InvariantCulture)
            + "\u00A0points (\u22120.30\u00A0points)</td>", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Primary_TableShowsTheHolmAdjustedPValue()
    {
        var json = SnapshotJson();
        var consistency = JsonComparisons(json).Single(c => (string?)c["metric"] == MetricKeys.ConsistencyRate);
        var adjusted = (double)consistency["adjustedPValue"]!;
        Assert.True(adjusted >= 0.001, $"the test needs an adjusted p of at least 0.001, not {adjusted}");

        var html = Render(json);

        var row = Regex.Match(Group(html, "primary"), "<tr data-metric=\"consistency_rate\">(.*?)</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"num\">" + adjusted.ToString("0.000", CultureInfo.InvariantCulture) + "</td>", row, StringComparison.Ordinal);
        Assert.Contains("p, Holm-adjusted", Group(html, "primary"), StringComparison.Ordinal);
        Assert.DoesNotContain("p, Holm-adjusted", Group(html, "secondary"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Nps_InPointsWithoutARelativeScale()
    {
        var json = SnapshotJson();
        Assert.Contains(JsonComparisons(json), c => (string?)c["metric"] == MetricKeys.Nps && (string?)c["unit"] == "answer");

        var html = Render(json);

        var row = Regex.Match(html, "<g class=\"forest-row\"[^>]*data-metric=\"nps\".*?</g>", RegexOptions.Singleline).Value;
        Assert.Contains("no relative scale", row, StringComparison.Ordinal);
        Assert.DoesNotContain("<circle", row, StringComparison.Ordinal);
        var tableRow = Regex.Match(Group(html, "secondary"), "<tr data-metric=\"nps\">(.*?)</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("<td>survey answer</td>", tableRow, StringComparison.Ordinal);
        Assert.Contains("\u00A0points (", tableRow, StringComparison.Ordinal);
        Assert.DoesNotContain("%", tableRow, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PilotComparison_WellbeingPerPersonInItsRoleGroupAndItsSection()
    {
        var json = SnapshotJson();
        var wellbeing = JsonComparisons(json).First(c => (string?)c["metric"] == MetricKeys.CsatMean)!.DeepClone().AsObject();
        wellbeing["metric"] = MetricKeys.StaffWellbeingMean;
        wellbeing["role"] = "secondary";
        wellbeing["unit"] = "person";
        wellbeing["nonInferiorityMargin"] = null;
        wellbeing["nonInferiorityBound"] = null;
        wellbeing["verdict"] = "no_significant_difference";
        (wellbeing["difference"], wellbeing["ciLow"], wellbeing["ciHigh"]) = (0.25, -0.05, 0.55);
        json["pilotComparisons"] = new JsonArray(wellbeing);

        var html = Render(json);

        Assert.Matches("<g class=\"forest-row\" data-case-type=\"_pilot\" data-metric=\"staff_wellbeing_mean\"[^>]*data-role=\"secondary\"", Group(html, "secondary"));
        Assert.Contains("Whole pilot · Staff well-being (1–5)", html, StringComparison.Ordinal);
        Assert.Contains("Staff well-being (1–5) (unit of analysis: person):</strong> AI-assisted handling scored 0.25\u00A0points higher on staff "
            + "well-being (95\u00A0% interval from 0.05\u00A0points lower to 0.55\u00A0points higher).", Section(html, "q3-wellbeing"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Too few persons to tell (manual handling 18, AI-assisted handling 17; at least 30 persons per arm are needed).")]
    [InlineData("sv", "För få personer för att avgöra (manuell handläggning 18, AI-stödd handläggning 17; minst 30 personer per grupp behövs).")]
    public void Render_PilotComparisonWithTooFewPersons_SaysPersonsNotCases(string language, string expected)
    {
        var json = SnapshotJson();
        var wellbeing = JsonComparisons(json).First(c => (string?)c["metric"] == MetricKeys.CsatMean)!.DeepClone().AsObject();
        wellbeing["metric"] = MetricKeys.StaffWellbeingMean;
        wellbeing["role"] = "secondary";
        wellbeing["unit"] = "person";
        wellbeing["verdict"] = "insufficient_data";
        (wellbeing["baselineN"], wellbeing["treatmentN"]) = (18, 17);
        json["pilotComparisons"] = new JsonArray(wellbeing);

        var html = Render(json, language);
        Assert.Contains(expected, Section(html, "q3-wellbeing"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SnapshotWithoutRoles_OneGroupNoPlanNoRoleTags()
    {
        var json = SnapshotJson();
        json.Remove("analysisPlan");
        json.Remove("pilotComparisons");
        foreach (var c in JsonComparisons(json).Select(c => c.AsObject()))
        {
            c.Remove("role");
            c.Remove("unit");
            c.Remove("sameTestAs");
            c.Remove("nonInferiorityBound");
        }

        var html = Render(json);

        Assert.DoesNotContain("id=\"plan\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-role", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"role ", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<svg class=\"chart forest\""));
        Assert.Contains("(after allowing for the many comparisons made)", Section(html, "data"), StringComparison.Ordinal);
        Assert.Contains("id=\"forest-title\"", html, StringComparison.Ordinal);
        Assert.Equal(JsonComparisons(json).Count(), ForestRow().Matches(html).Count);
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf("<section id=\"" + id + "\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no section " + id);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string Group(string html, string role)
    {
        var start = html.IndexOf("id=\"comparisons-" + role + "\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no group " + role);
        var next = GroupStart().Match(html, start + 1);
        return html[start..(next.Success ? next.Index : html.IndexOf("</section>", start, StringComparison.Ordinal))];
    }

    [GeneratedRegex("<div class=\"role-group\" id=\"comparisons-(?<role>[a-z]+)\"")]
    private static partial Regex GroupStart();

    [GeneratedRegex("<g class=\"forest-row\" data-case-type=\"[^\"]*\" data-metric=\"(?<metric>[^\"]+)\" data-verdict=\"[^\"]+\"(?: data-role=\"(?<role>[a-z]+)\")?")]
    private static partial Regex ForestRow();
}
