using EvalFramework.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>
/// A new user's first page: the README's demo collector (a real process, <c>--demo</c> on the shipped config) opened at
/// <c>/</c> in a real headless Chromium. Every link on it leads somewhere that answers, nothing comes from elsewhere,
/// and a screenshot is written as a test artifact (the path is printed).
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class LandingPageBrowserTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task LandingPage_DemoInChromium_LinksTheReportApiMetricsAndHealth_AndEachAnswers()
    {
        // Arrange: the demo as the README starts it; its first snapshot gives the landing page a report to link.
        await using var collector = new CollectorProcess(pilot: "demo", extraArgs: ["--demo"], environment: new Dictionary<string, string>
        {
            ["Evaluation__ConfigPath"] = RepoRoot.ShippedConfig,
            ["Logging__LogLevel__EvalFramework.Collector.Demo"] = "Information",
        });
        await collector.StartAsync();
        for (var waited = 0; !collector.Output.Contains("Demo snapshot", StringComparison.Ordinal) && waited < 600; waited++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("Demo snapshot", collector.Output, StringComparison.Ordinal);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + collector.Key },
        });
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, r) => requested.Add(r.Url);

        // Act: open the landing page, then every link on it.
        var response = await page.GotoAsync(collector.BaseAddress.ToString());
        var png = Path.Combine(Chromium.ArtifactsDirectory("landing-page"), "landing.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = png, FullPage = true });
        output.WriteLine("screenshot: " + png);
        var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))");

        // Assert: the page, the links a new user needs, each answering 200 (the report after its redirect), all on this host.
        Assert.Equal(200, response!.Status);
        Assert.Equal("EvalFramework collector", await page.Locator("h1").InnerTextAsync());
        foreach (var expected in new[] { "/reports/latest?pilot=demo", "/api", "/openapi/v1.json", "/metrics", "/healthz", "/readyz" })
        {
            Assert.Contains(expected, links);
        }

        foreach (var link in links)
        {
            var answer = await context.APIRequest.GetAsync(new Uri(collector.BaseAddress, link).ToString());
            Assert.True(answer.Status == 200, $"{link} answered {answer.Status}");
        }

        Assert.All(requested, url => Assert.StartsWith(collector.BaseAddress.ToString(), url, StringComparison.Ordinal));
    }
}
