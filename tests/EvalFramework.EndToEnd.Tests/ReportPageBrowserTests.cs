using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>
/// The report page in a real headless Chromium (Debian's, driven by Playwright) against a real collector process:
/// a simulated two-arm pilot, a snapshot, and the page as a person would open it, in Swedish and English, on screen
/// and in print. Screenshots and a PDF are written as test artifacts (the path is printed).
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ReportPageBrowserTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task ReportPage_SimulatedPilotInChromium_EverySectionOneForestRowPerComparisonTablesAndNothingExternal()
    {
        // Arrange: a real collector with the shipped config, eight weeks of a simulated pilot and a snapshot of them.
        await using var collector = new CollectorProcess(SimulatedPilot.Pilot,
            environment: new Dictionary<string, string> { ["Evaluation__ConfigPath"] = RepoRoot.ShippedConfig });
        await collector.StartAsync();
        using var client = collector.CreateClient();
        var pilot = new SimulatedPilot(seed: 2025, from: new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-90), TimeSpan.Zero), weeks: 8, casesPerWeek: 15);
        foreach (var batch in pilot.Batches())
        {
            var posted = await client.PostAsync("api/v1/events", new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var request = new JsonObject { ["pilot"] = SimulatedPilot.Pilot, ["from"] = pilot.From.ToString("O"), ["to"] = pilot.To.ToString("O") };
        var created = await client.PostAsync("api/v1/snapshots", new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var snapshot = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var id = (string)snapshot["id"]!;
        var comparisons = snapshot["caseTypes"]!.AsArray().Sum(c => c!["comparisons"]!.AsArray().Count) + snapshot["pilotComparisons"]!.AsArray().Count;
        var primary = snapshot["caseTypes"]!.AsArray().Sum(c => c!["comparisons"]!.AsArray().Count(x => (string?)x!["role"] == "primary"));
        var artifacts = Chromium.ArtifactsDirectory("report-page");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "sv-SE",
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + collector.Key },
        });
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, r) => requested.Add(r.Url);

        // Act: open the pilot's newest report as a person would; the browser's language (sv-SE) picks Swedish.
        var response = await page.GotoAsync(collector.BaseAddress + "reports/latest?pilot=" + SimulatedPilot.Pilot);

        // Assert: the page, its sections, the forest plot and the table behind every chart.
        Assert.Equal(200, response!.Status);
        Assert.EndsWith("/reports/" + id, page.Url, StringComparison.Ordinal);
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
        foreach (var (section, swedish, _) in ReportSectionTitles.All)
        {
            Assert.Equal(swedish, await page.Locator($"#{section} > h2").InnerTextAsync());
        }

        Assert.True(comparisons >= 40, $"the simulated pilot has {comparisons} comparisons");
        Assert.Equal(comparisons, await page.Locator("svg.forest g.forest-row").CountAsync());
        Assert.Equal(comparisons, await page.Locator("table.forest-table tbody tr").CountAsync());
        // The plan first, with its warning (the demo's plan is not registered), then the comparisons by role: primary,
        // guardrails, exploratory; a forest plot each, and no verdict on a descriptive metric.
        Assert.True(await page.Locator("#plan .plan-warning").IsVisibleAsync());
        Assert.Equal(["primary", "guardrail", "secondary"],
            await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#comparisons .role-group')].map(g => g.dataset.role)"));
        Assert.True(primary > 0, "the shipped plan gave no primary comparison");
        Assert.Equal(primary, await page.Locator("#comparisons-primary svg.forest g.forest-row").CountAsync());
        Assert.Equal(0, await page.Locator("g.forest-row[data-metric=ai_seconds_mean], g.forest-row[data-metric=cases_completed]").CountAsync());
        Assert.True(await page.GetByText("Utforskande").First.IsVisibleAsync());
        foreach (var role in new[] { "primary", "guardrail", "secondary" })
        {
            var forest = await page.Locator($"#comparisons-{role} svg.forest").BoundingBoxAsync();
            Assert.True(forest is { Width: > 800, Height: > 100 }, $"{role} forest plot drawn at {forest?.Width}×{forest?.Height}");
        }

        foreach (var (chart, table) in new[] { ("#weekly-chart", "#q7-throughput table.weeks"), ("#cost-chart", "#q4-cost table.parts"),
                     ("#co2e-chart", "#q2-environment table.parts"), ("#maintenance-chart", "#q9-sustainability table.weeks") })
        {
            Assert.Equal(1, await page.Locator(chart).CountAsync());
            Assert.True(await page.Locator(table).CountAsync() >= 1, "no table beside " + chart);
            var labelledBy = (await page.Locator(chart).GetAttributeAsync("aria-labelledby"))!.Split(' ')[0];
            Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#" + labelledBy).TextContentAsync()), chart + " has no title");
        }

        var text = await page.Locator("main").InnerTextAsync();
        Assert.Matches("[0-9],[0-9]", text);
        Assert.Contains("konfidensintervall", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("script").CountAsync());
        var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[src],[href]')].map(e => e.getAttribute('src') ?? e.getAttribute('href'))");
        Assert.All(links, link => Assert.True(link.StartsWith('/') || link.StartsWith('#') || link.StartsWith('?'), "external reference " + link));
        Assert.All(requested, url => Assert.StartsWith(collector.BaseAddress.ToString(), url, StringComparison.Ordinal));

        var swedishPng = Path.Combine(artifacts, "report-sv.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = swedishPng, FullPage = true });

        // Print: the language links are hidden and the data links show where they point.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("nav.lang").IsVisibleAsync());
        var pdf = Path.Combine(artifacts, "report-sv.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        // English through the language link.
        // The document is what is checked, so its parse is enough to wait for; a generous timeout, because CI runs the
        // other test projects beside this one on two cores (a 30 s wait for the load event once ran out there).
        await page.Locator("nav.lang a[hreflang=en]").ClickAsync();
        await page.WaitForURLAsync("**/reports/" + id + "?lang=en",
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 90_000 });
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        foreach (var (section, _, english) in ReportSectionTitles.All)
        {
            Assert.Equal(english, await page.Locator($"#{section} > h2").InnerTextAsync());
        }

        Assert.Contains("interval", await page.Locator("#comparisons").InnerTextAsync(), StringComparison.Ordinal);
        var englishPng = Path.Combine(artifacts, "report-en.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = englishPng, FullPage = true });

        Assert.True(new FileInfo(swedishPng).Length > 50_000 && new FileInfo(englishPng).Length > 50_000 && new FileInfo(pdf).Length > 10_000);
        output.WriteLine($"report screenshots: {swedishPng}, {englishPng}; print PDF: {pdf}");
    }
}
