using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports.Tests;

/// <summary>
/// The renderer on snapshots made by the engine directly, turned into what a collector stored before closed vocabularies
/// and without an evaluation config: case type and arm names may be any string there, and the page must still be safe.
/// </summary>
public sealed class ReportRendererTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static readonly ReportPage Page = new("Demo", "/reports/snap-r", "/reports/snap-r/snapshot.json", "/reports/snap-r/snapshot.csv",
        new string('a', 64), new string('b', 64));

    // Every AI case names a model without a price, so cost and energy are null as without a config.
    private static readonly EvaluationConfig Config = EvaluationConfigLoader.Parse("""
        pilots:
          - slug: demo
            displayName: Demo
            caseTypes: [building-permit-question, direct-procurement-advice]
            arms:
              - name: manual
                share: 0.5
              - name: ai_assisted
                share: 0.5
            baselineArm: manual
            staffRoles:
              handlaggare:
                hourlyCostSek: 600
            maintenance:
              hourlyCostSek: 800
        """, "evaluation.yaml").Config!;

    /// <summary>
    /// A snapshot of <paramref name="cases"/> cases per arm; with <paramref name="orphanCaseType"/>, also a case type with
    /// cases in the treatment arm only. Made with the config's names, then renamed as given and with no config hash.
    /// </summary>
    private static byte[] Snapshot(string caseType, string treatment, int cases, string? orphanCaseType = null)
    {
        var rows = new List<CaseRow>();
        foreach (var (type, arm) in new[] { ("building-permit-question", "manual"), ("building-permit-question", "ai_assisted"), (orphanCaseType is null ? null : "direct-procurement-advice", "ai_assisted") })
        {
            for (var i = 0; type is not null && i < cases; i++)
            {
                var row = new CaseRow
                {
                    CaseId = rows.Count.ToString("D5", CultureInfo.InvariantCulture),
                    CaseType = type,
                    Arm = arm,
                    StartedMs = From.AddHours(i).ToUnixTimeMilliseconds(),
                    EffortSeconds = (arm == "manual" ? 600 : 400) + (i % 11),
                };
                row.CompletedMs = row.StartedMs + (((arm == "manual" ? 3600 : 2400) + (i * 37 % 900)) * 1000L);
                row.Outcome = CaseOutcomes.Resolved;
                if (arm != "manual")
                {
                    row.AiUsage.Add(new ModelUsage("unpriced-model", 100, 10, 0, 0, 0));
                }

                rows.Add(row);
            }
        }

        using var engine = new SnapshotEngine(new SnapshotRequest("snap-r", "demo", From, From.AddDays(14), From.AddDays(15), Config));
        foreach (var row in rows)
        {
            engine.AddCase(row);
        }

        var json = JsonNode.Parse(Encoding.UTF8.GetString(engine.ComputeJson())
            .Replace("building-permit-question", caseType, StringComparison.Ordinal)
            .Replace("direct-procurement-advice", orphanCaseType ?? "direct-procurement-advice", StringComparison.Ordinal)
            .Replace("ai_assisted", treatment, StringComparison.Ordinal))!;
        json["methodology"]!["configSha256"] = null;
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    [Fact]
    public void Render_MarkupInCaseTypeArmAndWarnings_EverythingEncoded()
    {
        const string CaseType = "<img src=x onerror=alert(1)>";
        const string Arm = "<svg onload=alert(2)>";
        const string Orphan = "<i>no baseline</i>";
        var model = SnapshotDocumentReader.Read(Snapshot(CaseType, Arm, 40, Orphan));
        Assert.Contains(model.DataQuality.Warnings, w => w.Contains(Orphan, StringComparison.Ordinal));

        var html = ReportRenderer.Render(model, ReportText.English, Page);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("data-case-type=\"&lt;img src=x onerror=alert(1)&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;svg onload=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>no baseline", html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;no baseline&lt;/i&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SnapshotWithoutBreakdowns_ChartsSayNotAvailableAndComparisonsStay()
    {
        var json = JsonNode.Parse(Snapshot("building-permit-question", "ai_assisted", 40))!.AsObject();
        Assert.True(json.Remove("breakdowns"));
        var model = SnapshotDocumentReader.Read(Encoding.UTF8.GetBytes(json.ToJsonString()));

        var html = WebUtility.HtmlDecode(ReportRenderer.Render(model, ReportText.English, Page));

        Assert.Null(model.Breakdowns);
        Assert.Equal(4, Regex.Count(html, Regex.Escape("Not available in this snapshot")));
        Assert.DoesNotContain("id=\"weekly-chart\"", html, StringComparison.Ordinal);
        Assert.Equal(model.Comparisons().Count(), Regex.Count(html, "<g class=\"forest-row\""));
        Assert.Contains("AI-assisted handling was ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithBreakdownsButNoConfig_WeeklyChartAndNoCostFigures()
    {
        var model = SnapshotDocumentReader.Read(Snapshot("building-permit-question", "ai_assisted", 40));

        var html = WebUtility.HtmlDecode(ReportRenderer.Render(model, ReportText.English, Page));

        Assert.Equal([40L, 0L], model.Breakdowns!.Arms().Single(a => a.Arm.Arm == "manual").Arm.WeeklyCompleted);
        Assert.Contains("id=\"weekly-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("The collector had no evaluation config for this snapshot", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, Regex.Escape("No figures: see data quality.")));
    }
}
