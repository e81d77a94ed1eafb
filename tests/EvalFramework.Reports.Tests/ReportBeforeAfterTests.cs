using System.Globalization;
using System.Text.Json.Nodes;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports.Tests;

/// <summary>
/// A before/after design (<c>design.aiStart</c>): with a concurrent manual arm the page says the differences are
/// differences in differences; without one it says, beside every comparison, that they are not causal.
/// </summary>
public sealed class ReportBeforeAfterTests
{
    private static readonly DateTimeOffset From = new(2025, 2, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AiStart = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static readonly ReportPage Page = ReportTestPilot.Page("snap-b");

    private static readonly EvaluationConfig Config = ReportTestPilot.Config("""
            design:
              aiStart: 2025-03-03

        """);

    /// <summary>Four weeks before the start, four after: 40 cases a week; after it, all AI or half manual.</summary>
    private static JsonObject SnapshotJson(bool concurrentControl)
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("snap-b", "demo", From, From.AddDays(56), From.AddDays(80), Config));
        for (var i = 0; i < 320; i++)
        {
            var started = From.AddHours(i * 4.2);
            var after = started >= AiStart;
            var arm = after && (!concurrentControl || i % 2 == 0) ? "ai_assisted" : "manual";
            var row = new CaseRow
            {
                CaseId = i.ToString("D5", CultureInfo.InvariantCulture),
                CaseType = "building-permit-question",
                Arm = arm,
                StartedMs = started.ToUnixTimeMilliseconds(),
                EffortSeconds = (arm == "ai_assisted" ? 420 : 600) + (i % 17 * 9),
            };
            row.CompletedMs = row.StartedMs + 3_600_000;
            row.Outcome = "resolved";
            engine.AddCase(row);
        }

        return JsonNode.Parse(engine.ComputeJson())!.AsObject();
    }

    private static string Render(JsonObject json, string language) => ReportTestPilot.Render(json, language, Page);

    [Fact]
    public void Render_WithoutConcurrentControl_NotCausalInTheHeaderAndBesideEveryComparison()
    {
        var json = SnapshotJson(concurrentControl: false);
        Assert.False((bool)json["beforeAfter"]!["causal"]!);

        var en = Render(json, "en");
        Assert.Contains("<p class=\"before-after not-causal\">The AI started on 3 March 2025;", en, StringComparison.Ordinal);
        var beside = en.Split("(not causal: season and other changes are not separated)").Length - 1;
        Assert.True(beside >= 2, "the label appears beside the comparisons, seen " + beside);
        Assert.Contains("inte orsakssamband: säsong och andra förändringar skiljs inte åt", Render(json, "sv"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithConcurrentControl_DifferenceInDifferencesWithoutTheLabel()
    {
        var json = SnapshotJson(concurrentControl: true);
        Assert.True((bool)json["beforeAfter"]!["causal"]!);

        var en = Render(json, "en");
        Assert.Contains("<p class=\"before-after\">The AI started on 3 March 2025;", en, StringComparison.Ordinal);
        Assert.Contains("each difference is a difference in differences", en, StringComparison.Ordinal);
        Assert.DoesNotContain("not causal", en, StringComparison.Ordinal);
    }
}
