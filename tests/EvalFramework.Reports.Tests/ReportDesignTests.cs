using System.Globalization;
using System.Text.Json.Nodes;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports.Tests;

/// <summary>
/// The page says how cases reached their arm (the snapshot's <c>design</c>): each case on its own, or by team with the
/// teams per arm, the ICC range and a warning when an arm has too few teams. Figures are read from the snapshot JSON.
/// </summary>
public sealed class ReportDesignTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static readonly ReportPage Page = ReportTestPilot.Page("snap-d");

    private static EvaluationConfig Config(string unit) => ReportTestPilot.Config(
        "    teams: [t1, t2, t3, t4, t5, t6, t7, t8]\n    design:\n      unit: " + unit + "\n");

    /// <summary>Three teams per arm of 20 cases each; a team's cases share a team effect on staff time.</summary>
    /// <param name="unit">The design's unit.</param>
    /// <param name="nonCompliant">With a value, every case carries an assignment (unit case) and this many AI-assigned cases were handled manually.</param>
    private static JsonObject SnapshotJson(string unit, int? nonCompliant = null)
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("snap-d", "demo", From, From.AddDays(28), From.AddDays(45), Config(unit)));
        var id = 0;
        foreach (var arm in new[] { "manual", "ai_assisted" })
        {
            for (var team = 0; team < 3; team++)
            {
                for (var i = 0; i < 20; i++)
                {
                    var row = new CaseRow
                    {
                        CaseId = (id++).ToString("D5", CultureInfo.InvariantCulture),
                        CaseType = "building-permit-question",
                        Arm = arm,
                        StartedMs = From.AddHours((team * 20) + i).ToUnixTimeMilliseconds(),
                        EffortSeconds = (arm == "ai_assisted" ? 420 : 600) + (team * 40) + (i % 13 * 7),
                    };
                    if (nonCompliant is { } switched)
                    {
                        row.AssignedArm = arm;
                        row.AssignmentUnit = "case";
                        row.AssignmentUnitId = row.CaseId;
                        if (arm == "ai_assisted" && team == 0 && i < switched)
                        {
                            row.Arm = "manual";
                        }
                    }

                    if (unit == "team")
                    {
                        row.AssignmentUnit = "team";
                        row.AssignmentUnitId = arm + "-team-" + team.ToString(CultureInfo.InvariantCulture);
                    }

                    row.CompletedMs = row.StartedMs + 3_600_000;
                    engine.AddCase(row);
                }
            }
        }

        return JsonNode.Parse(engine.ComputeJson())!.AsObject();
    }

    private static string Render(JsonObject json, string language) => ReportTestPilot.Render(json, language, Page);

    [Fact]
    public void Render_TeamDesign_SaysTeamsAreTheSampleWithTeamsPerArmIccAndTooFewTeams()
    {
        var json = SnapshotJson("team");
        var design = json["design"]!;
        Assert.Equal("team", (string?)design["unit"]);
        Assert.Equal(3, (long)design["unitsPerArm"]!["manual"]!);
        var icc = design["icc"]!.AsArray().Select(i => (double)i!["value"]!).ToList();
        Assert.NotEmpty(icc);

        var en = Render(json, "en");
        Assert.Contains("<dt>How cases reached their arm</dt><dd>By team: each team works in one arm</dd>", en, StringComparison.Ordinal);
        Assert.Contains("<p class=\"design\" data-unit=\"team\">Cases of one unit are alike, so the teams, not the cases, are the sample",
            en, StringComparison.Ordinal);
        Assert.Contains("Teams per arm: manual handling 3, AI-assisted handling 3.", en, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.GetCultureInfo("en-GB"), $"from {icc.Min():F2} to {icc.Max():F2}."), en, StringComparison.Ordinal);
        Assert.Contains("An arm has fewer than 4 teams: too few to tell", en, StringComparison.Ordinal);

        // Each comparison without a verdict says why: too few teams (not too few cases: each arm has 60), or a median not compared.
        Assert.Contains("Too few teams to tell (manual handling 3, AI-assisted handling 3; at least 4 teams per arm are needed", en, StringComparison.Ordinal);
        Assert.Contains("Not compared: a median has no interval that allows for teams being assigned", en, StringComparison.Ordinal);
        Assert.DoesNotContain("Too few cases to tell (", en, StringComparison.Ordinal);
        Assert.DoesNotContain("comparisons have too few cases to tell", en, StringComparison.Ordinal);

        var sv = Render(json, "sv");
        Assert.Contains("<dd>Per team: varje team arbetar i en grupp</dd>", sv, StringComparison.Ordinal);
        Assert.Contains("En grupp har färre än 4 team", sv, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CaseDesign_EachCaseOnItsOwnWithoutTheUnitParagraph()
    {
        var en = Render(SnapshotJson("case"), "en");

        Assert.Contains("<dd>Each case on its own</dd>", en, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"design\"", en, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NonCompliantCases_SaysHowManyAndShowsTheAsTreatedDifferenceBeside()
    {
        var json = SnapshotJson("case", nonCompliant: 3);
        Assert.Equal(3, (long)json["compliance"]!["nonCompliant"]!["ai_assisted"]!);

        var en = Render(json, "en");
        Assert.Contains("<p class=\"compliance\">3 of 120 assigned cases (2.5\u00A0%) were handled in another arm than assigned.", en, StringComparison.Ordinal);
        Assert.Contains("(as treated: ", en, StringComparison.Ordinal);
        var sv = Render(json, "sv");
        Assert.Contains("3 av 120 tilldelade ärenden (2,5\u00A0%) handlades i en annan grupp", sv, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryCaseCompliant_SaysSoWithoutAsTreated()
    {
        var en = Render(SnapshotJson("case", nonCompliant: 0), "en");

        Assert.Contains("<p class=\"compliance\">All 120 assigned cases were handled in the arm they were assigned to.</p>", en, StringComparison.Ordinal);
        Assert.DoesNotContain("as treated:", en, StringComparison.Ordinal);
    }
}
