using System.Net;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Evaluation;

namespace EvalFramework.Collector.Tests;

/// <summary><c>/</c> answers a person with a page (not a JSON 404): what runs, each configured pilot's newest report, the endpoints.</summary>
public sealed class HomePageTests : IClassFixture<CollectorFactory>
{
    private readonly CollectorFactory _collector;

    public HomePageTests(CollectorFactory collector) => _collector = collector;

    [Fact]
    public async Task GetRoot_WithoutKey_HtmlPageWithThePilotsReportsAndTheEndpoints()
    {
        using var client = _collector.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>EvalFramework collector</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Methodology " + Methodology.Version, html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/reports/latest?pilot=" + CollectorFactory.PilotB + "\">", html, StringComparison.Ordinal);
        foreach (var endpoint in new[] { "/healthz", "/readyz", "/metrics" })
        {
            Assert.Contains("<a href=\"" + endpoint + "\">", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetRoot_LinkedReportOfAPilot_AsksForAKeyAndShowsNoData()
    {
        using var client = _collector.CreateClient();

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var report = await client.GetAsync(new Uri("/reports/latest?pilot=" + CollectorFactory.PilotB, UriKind.Relative));

        // The page names pilots from the config only; their reports stay behind a key.
        Assert.DoesNotContain("caseId", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, report.StatusCode);
    }
}
