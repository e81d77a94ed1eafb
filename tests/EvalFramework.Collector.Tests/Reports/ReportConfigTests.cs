using System.Net;
using EvalFramework.Collector.Tests.Infrastructure;

namespace EvalFramework.Collector.Tests.Reports;

/// <summary>The report with other collector settings: public pilots, and a display name that is markup.</summary>
public sealed class ReportConfigTests : IClassFixture<PublicReportsCollectorFactory>, IClassFixture<MarkupNameCollectorFactory>
{
    private readonly PublicReportsCollectorFactory _public;
    private readonly MarkupNameCollectorFactory _markup;

    public ReportConfigTests(PublicReportsCollectorFactory publicReports, MarkupNameCollectorFactory markup)
    {
        _public = publicReports;
        _markup = markup;
    }

    private static async Task<string> SnapshotOfSmallPilotAsync(SnapshotCollectorFactory collector, int seed)
    {
        using var admin = collector.ClientWith(collector.AdminKey);
        var pilot = new SimulatedPilot(seed, new DateTimeOffset(2025, 2, 3, 0, 0, 0, TimeSpan.Zero), weeks: 1, casesPerWeek: 3);
        await SimulatedReportFixture.PostAsync(admin, pilot);
        return (await SimulatedReportFixture.CreateSnapshotAsync(admin, pilot.From, pilot.To)).Id;
    }

    [Fact]
    public async Task Report_PublicPilot_PageJsonAndCsvWithoutKeyButNotTheApi()
    {
        var id = await SnapshotOfSmallPilotAsync(_public, seed: 91);
        using var anonymous = _public.CreateClient();

        var page = await anonymous.GetAsync($"/reports/{id}");
        var json = await anonymous.GetAsync($"/reports/{id}/snapshot.json");
        var csv = await anonymous.GetAsync($"/reports/{id}/snapshot.csv");
        var api = await anonymous.GetAsync($"/api/v1/snapshots/{id}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl is { Public: true, MaxAge: not null }, page.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("case_type,arm,metric,value,ci_low,ci_high,n\n", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Report_PublicPilots_OtherPilotStillNeedsAKey()
    {
        using var anonymous = _public.CreateClient();

        var latest = await anonymous.GetAsync("/reports/latest?pilot=pilot-a");

        Assert.Equal(HttpStatusCode.Unauthorized, latest.StatusCode);
    }

    [Fact]
    public async Task Report_DisplayNameWithMarkup_ShownAsTextNeverAsMarkup()
    {
        var id = await SnapshotOfSmallPilotAsync(_markup, seed: 92);
        using var reader = _markup.ClientWith(_markup.DemoReaderKey);

        var html = await reader.GetStringAsync($"/reports/{id}?lang=en");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Kommun", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Kommun&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Evaluation report: " + MarkupNameCollectorFactory.DisplayName + " (demo)</h1>", WebUtility.HtmlDecode(html),
            StringComparison.Ordinal);
    }
}
