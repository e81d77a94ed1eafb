using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalFramework.Collector.Reports;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Collector.Tests.Reports;

/// <summary>The renderer on snapshots made by the engine directly (which, unlike the wire contract, takes any string).</summary>
public sealed class ReportRendererTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static readonly ReportPage Page = new("Demo", "/reports/snap-r", "/reports/snap-r/snapshot.json", "/reports/snap-r/snapshot.csv",
        new string('a', 64), new string('b', 64));

    /// <summary>A snapshot of <paramref name="cases"/> cases per arm; with <paramref name="orphanCaseType"/>, also a case type with cases in the treatment arm only.</summary>
    private static byte[] Snapshot(string caseType, string treatment, int cases, string? orphanCaseType = null)
    {
        var rows = new List<CaseRow>();
        foreach (var (type, arm) in new[] { (caseType, "manual"), (caseType, treatment), (orphanCaseType, treatment) })
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
                rows.Add(row);
            }
        }

        using var engine = new SnapshotEngine(new SnapshotRequest("snap-r", "demo", From, From.AddDays(14), From.AddDays(15), null));
        foreach (var row in rows)
        {
            engine.AddCase(row);
        }

        return engine.ComputeJson();
    }

    [Fact]
    public void Render_MarkupInCaseTypeArmAndWarnings_EverythingEncoded()
    {
        const string CaseType = "<img src=x onerror=alert(1)>";
        const string Arm = "<svg onload=alert(2)>";
        const string Orphan = "<i>no baseline</i>";
        var model = SnapshotReportReader.Read(Snapshot(CaseType, Arm, 40, Orphan));
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
        var json = JsonNode.Parse(Snapshot("a-question", "ai_assisted", 40))!.AsObject();
        Assert.True(json.Remove("breakdowns"));
        var model = SnapshotReportReader.Read(Encoding.UTF8.GetBytes(json.ToJsonString()));

        var html = WebUtility.HtmlDecode(ReportRenderer.Render(model, ReportText.English, Page));

        Assert.Null(model.Breakdowns);
        Assert.Equal(4, Regex.Count(html, Regex.Escape("Not available in this snapshot")));
        Assert.DoesNotContain("id=\"weekly-chart\"", html, StringComparison.Ordinal);
        Assert.Equal(model.Comparisons.Count(), Regex.Count(html, "<g class=\"forest-row\""));
        Assert.Contains("AI-assisted handling was ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithBreakdownsButNoConfig_WeeklyChartAndNoCostFigures()
    {
        var model = SnapshotReportReader.Read(Snapshot("a-question", "ai_assisted", 40));

        var html = WebUtility.HtmlDecode(ReportRenderer.Render(model, ReportText.English, Page));

        Assert.Equal([40L, 0L], model.Breakdowns!.Arms.Single(a => a.Arm == "manual").WeeklyCompleted);
        Assert.Contains("id=\"weekly-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("The collector had no evaluation config for this snapshot", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, Regex.Escape("No figures: see data quality.")));
    }
}
