using System.Globalization;
using System.Text.Json.Nodes;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports.Tests;

/// <summary>
/// The page says in words how the verdicts were reached: a look during the pilot that is safe to check every day, the
/// final result at the planned end, or a fixed-horizon result of a pilot without a planned end; in English and Swedish.
/// What it must show is read from the snapshot JSON the engine made, not from the renderer.
/// </summary>
public sealed class ReportInferenceTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static readonly ReportPage Page = ReportTestPilot.Page("snap-i");

    private static EvaluationConfig Config(string? plannedEnd) => ReportTestPilot.Config("""
            analysisPlan:
              alpha: 0.05
              primary:
                - metric: effort_seconds_mean
              guardrails:
                - metric: error_rate
                  margin: 0.05

        """ + (plannedEnd is null ? "" : "    design:\n      plannedEnd: " + plannedEnd + "\n"));

    /// <summary>80 cases per arm over 28 days; the AI arm needs clearly less staff time.</summary>
    private static JsonObject SnapshotJson(string? plannedEnd)
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("snap-i", "demo", From, From.AddDays(28), From.AddDays(45), Config(plannedEnd)));
        var id = 0;
        foreach (var arm in new[] { "manual", "ai_assisted" })
        {
            for (var i = 0; i < 80; i++)
            {
                var row = new CaseRow
                {
                    CaseId = (id++).ToString("D5", CultureInfo.InvariantCulture),
                    CaseType = "building-permit-question",
                    Arm = arm,
                    StartedMs = From.AddHours(i * 8).ToUnixTimeMilliseconds(),
                    EffortSeconds = (arm == "ai_assisted" ? 420 : 600) + (i % 13 * 7),
                    Reviews = 1,
                    ReviewsIncorrect = i % 10 == 0 ? 1 : 0,
                };
                row.CompletedMs = row.StartedMs + 3_600_000;
                engine.AddCase(row);
            }
        }

        return JsonNode.Parse(engine.ComputeJson())!.AsObject();
    }

    private static string Render(JsonObject json, string language) => ReportTestPilot.Render(json, language, Page);

    private static JsonNode Comparison(JsonObject json, string metric) =>
        json["caseTypes"]![0]!["comparisons"]!.AsArray().Single(c => (string?)c!["metric"] == metric)!;

    [Fact]
    public void Render_BeforePlannedEnd_SafeToCheckEveryDayWithConfidenceSequences()
    {
        var json = SnapshotJson("2025-06-02");
        Assert.Equal("sequential", (string?)json["inference"]);
        Assert.Equal("sequential", (string?)Comparison(json, "effort_seconds_mean")["inference"]);
        Assert.Equal("improved", (string?)Comparison(json, "effort_seconds_mean")["verdict"]);

        var en = Render(json, "en");
        Assert.Contains("<dt>Kind of result</dt><dd>Safe to check every day (the pilot is still running)</dd>", en, StringComparison.Ordinal);
        Assert.Contains("<p class=\"inference\" data-inference=\"sequential\">This is a look during the pilot, which is planned to run until 2 June 2025.",
            en, StringComparison.Ordinal);
        Assert.Contains("always-valid 99\u00A0% confidence sequences", en, StringComparison.Ordinal);
        Assert.Contains("Difference (99\u00A0% confidence sequence)", en, StringComparison.Ordinal);
        Assert.Contains("data-inference=\"sequential\">safe to check every day</span>", en, StringComparison.Ordinal);
        Assert.Contains("(99\u00A0% confidence sequence ", en, StringComparison.Ordinal);
        // Goals and guardrails are judged at the daily looks' level, a fifth of the plan's 5 %.
        Assert.Contains("1.0\u00A0%", en, StringComparison.Ordinal);

        var sv = Render(json, "sv");
        Assert.Contains("<dt>Typ av resultat</dt><dd>Säkert att titta på varje dag (piloten pågår)</dd>", sv, StringComparison.Ordinal);
        Assert.Contains("Skillnad (99\u00A0% konfidenssekvens)", sv, StringComparison.Ordinal);
        Assert.Contains(">säkert att titta på varje dag</span>", sv, StringComparison.Ordinal);
        Assert.Contains("(99\u00A0% konfidenssekvens ", sv, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AtPlannedEnd_FinalResultAtTheRestOfAlpha()
    {
        var json = SnapshotJson("2025-03-31");
        Assert.Equal("fixed", (string?)json["inference"]);

        var en = Render(json, "en");
        Assert.Contains("<dt>Kind of result</dt><dd>Final result</dd>", en, StringComparison.Ordinal);
        Assert.Contains("This is the final result: the pilot's planned end was 31 March 2025. Its goals and guardrails are tested once, at 4.0\u00A0% "
            + "significance: the rest of the error rate after the daily looks during the pilot (1.0\u00A0%)", en, StringComparison.Ordinal);
        Assert.Contains("data-inference=\"fixed\">final result</span>", en, StringComparison.Ordinal);
        Assert.DoesNotContain("confidence sequence", en, StringComparison.Ordinal);
        Assert.Contains("<dd>Slutresultat</dd>", Render(json, "sv"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoPlannedEnd_FixedHorizonResultReadOnce()
    {
        var json = SnapshotJson(null);

        var en = Render(json, "en");
        Assert.Contains("<dd>Fixed-horizon result (read it once, at the end)</dd>", en, StringComparison.Ordinal);
        Assert.Contains("Checking it every day and acting on the first clear difference makes a false finding much more likely.", en, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"inference-tag", en, StringComparison.Ordinal);
        Assert.Contains("Resultat vid en fast tidpunkt", Render(json, "sv"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SnapshotFromBeforeInference_NoKindOfResult()
    {
        var json = SnapshotJson(null);
        json.Remove("inference");
        json.Remove("sequential");

        var en = Render(json, "en");
        Assert.DoesNotContain("Kind of result", en, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"inference\"", en, StringComparison.Ordinal);
    }
}
