using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalFramework.Collector.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EvalFramework.Collector.Tests.Reports;

/// <summary>The report pages over HTTP: sections, languages, plain-language verdicts, suppression, encoding and access.</summary>
public sealed class ReportsApiTests : IClassFixture<SimulatedReportFixture>
{
    private readonly SimulatedReportFixture _fixture;

    public ReportsApiTests(SimulatedReportFixture fixture) => _fixture = fixture;

    private SnapshotCollectorFactory Collector => _fixture.Collector;

    private async Task<(HttpResponseMessage Response, string Html)> GetPageAsync(string path, string? key, string? acceptLanguage = null)
    {
        using var client = Collector.ClientWith(key);
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var response = await client.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static JsonNode ArmMetric(JsonNode snapshot, string caseType, string arm, string metric) =>
        snapshot["caseTypes"]!.AsArray().Single(c => (string)c!["caseType"]! == caseType)!["arms"]!.AsArray()
            .Single(a => (string)a!["arm"]! == arm)!["metrics"]![metric]!;

    /// <summary>The first table row of the section whose header cell is <paramref name="header"/>, as decoded HTML.</summary>
    private static string Row(string html, string section, string header)
    {
        var at = html.IndexOf("<th scope=\"row\">" + header + "</th>", html.IndexOf($"<section id=\"{section}\"", StringComparison.Ordinal),
            StringComparison.Ordinal);
        Assert.True(at >= 0, "no row " + header);
        return WebUtility.HtmlDecode(html[at..html.IndexOf("</tr>", at, StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Report_Swedish_EverySectionWithDecimalCommaAndMinusSign()
    {
        var (response, html) = await GetPageAsync($"/reports/{_fixture.SnapshotId}?lang=sv", Collector.DemoReaderKey);
        var decoded = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("sv", Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"sv\">", html, StringComparison.Ordinal);
        foreach (var (id, swedish, _) in ReportSectionTitles.All)
        {
            Assert.Contains($"<h2 id=\"{id}-h\">{swedish}</h2>", decoded, StringComparison.Ordinal);
        }

        // CSAT of the manual arm, two decimals with a decimal comma: the first value cell of its row.
        var csat = (double)ArmMetric(_fixture.Snapshot, "building-permit-question", "manual", "csat_mean")["value"]!;
        var expected = Math.Round(csat, 2).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
        Assert.StartsWith($"<th scope=\"row\">Nöjdhet (CSAT, 1–5)</th><td class=\"num\">{expected}<", Row(html, "q6-satisfaction", "Nöjdhet (CSAT, 1–5)"),
            StringComparison.Ordinal);

        // Less staff time with the AI arm: a negative difference, written with the minus sign U+2212, never a hyphen.
        var effort = Row(html, "q1-time", "Personaltid per ärende");
        Assert.Matches("\u2212[0-9]+(,[0-9]+)?\u00A0(s|min|h)", effort);
        Assert.DoesNotMatch("-[0-9]", effort);
        Assert.Contains("AI-stödd handläggning krävde ", decoded, StringComparison.Ordinal);
        Assert.Contains("mindre personaltid per ärende (95\u00A0% konfidensintervall ", decoded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_English_EverySectionWithDecimalPoint()
    {
        var (response, html) = await GetPageAsync($"/reports/{_fixture.SnapshotId}?lang=en", Collector.DemoReaderKey);
        var decoded = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        foreach (var (id, _, english) in ReportSectionTitles.All)
        {
            Assert.Contains($"<h2 id=\"{id}-h\">{english}</h2>", decoded, StringComparison.Ordinal);
        }

        var csat = (double)ArmMetric(_fixture.Snapshot, "building-permit-question", "manual", "csat_mean")["value"]!;
        var expected = Math.Round(csat, 2).ToString("0.00", CultureInfo.InvariantCulture);
        Assert.StartsWith($"<th scope=\"row\">Citizen satisfaction (CSAT, 1–5)</th><td class=\"num\">{expected}<",
            Row(html, "q6-satisfaction", "Citizen satisfaction (CSAT, 1–5)"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB,en;q=0.9,sv;q=0.8", "en")]
    [InlineData("sv-SE,sv;q=0.9,en;q=0.5", "sv")]
    [InlineData("de-DE,en;q=0.7", "en")]
    [InlineData("de-DE", "sv")]
    public async Task Report_NoLangParameter_LanguageFromAcceptLanguage(string acceptLanguage, string expected)
    {
        var (response, html) = await GetPageAsync($"/reports/{_fixture.SnapshotId}", Collector.DemoReaderKey, acceptLanguage);

        Assert.Equal(expected, Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Contains($"<html lang=\"{expected}\">", html, StringComparison.Ordinal);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task Report_SimulatedPilot_OneForestRowAndOneTableRowPerComparison()
    {
        var comparisons = _fixture.Snapshot["caseTypes"]!.AsArray().Sum(c => c!["comparisons"]!.AsArray().Count)
            + _fixture.Snapshot["pilotComparisons"]!.AsArray().Count;

        var (_, html) = await GetPageAsync($"/reports/{_fixture.SnapshotId}?lang=en", Collector.AdminKey);

        Assert.True(comparisons >= 40, $"the simulated pilot has {comparisons} comparisons");
        Assert.Equal(comparisons, Regex.Count(html, "<g class=\"forest-row\""));
        var tables = Regex.Matches(html, "<table class=\"forest-table\" data-role=\"(?<role>[a-z]+)\">(?<body>.*?)</table>", RegexOptions.Singleline);
        Assert.Equal(["primary", "guardrail", "secondary"], tables.Select(t => t.Groups["role"].Value));
        Assert.Equal(comparisons, tables.Sum(t => Regex.Count(t.Groups["body"].Value, "<tr data-metric=\"[a-z0-9_]+\"><td>")));
        Assert.Contains("<svg class=\"chart bars\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart stacked\" role=\"img\" viewBox=\"0 0 960 ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Page_NoScriptNoExternalReferenceAndAStrictContentSecurityPolicy()
    {
        var (response, html) = await GetPageAsync($"/reports/{_fixture.SnapshotId}", Collector.AdminKey);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href|xlink:href|action)=\"(https?:)?//", html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", csp, StringComparison.Ordinal);
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style))) + "'", csp, StringComparison.Ordinal);
        Assert.Contains("@media print", style, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_DataSection_LinksServeTheStoredBytesWithTheShownHashes()
    {
        using var client = Collector.ClientWith(Collector.DemoReaderKey);
        var html = await client.GetStringAsync($"/reports/{_fixture.SnapshotId}");

        var json = await client.GetByteArrayAsync($"/reports/{_fixture.SnapshotId}/snapshot.json");
        var csv = await client.GetByteArrayAsync($"/reports/{_fixture.SnapshotId}/snapshot.csv");
        var apiCsv = await client.GetByteArrayAsync($"/api/v1/snapshots/{_fixture.SnapshotId}?format=csv");

        Assert.Equal(_fixture.SnapshotBytes, json);
        Assert.Equal(apiCsv, csv);
        Assert.Contains($"href=\"/reports/{_fixture.SnapshotId}/snapshot.json\"", html, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(json)), html, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(csv)), html, StringComparison.Ordinal);
        Assert.Contains((string)_fixture.Snapshot["dataSha256"]!, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_FewCasesAndSmallStaffGroups_TooFewCasesToTellAndNoStaffFigure()
    {
        // One week, four cases per case type and arm (minimum 30): every verdict is insufficient_data. Staff survey:
        // three answers per arm from team kontaktcenter and two more for the AI arm from team upphandling: all three
        // team × arm × week groups are under k = 5, so no answer is in any figure, not even the AI arm's 5 together.
        var pilot = new SimulatedPilot(seed: 81, from: new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), weeks: 1, casesPerWeek: 4, staffAnswers: 3);
        using var admin = Collector.ClientWith(Collector.AdminKey);
        await SimulatedReportFixture.PostAsync(admin, pilot);
        var (id, bytes) = await SimulatedReportFixture.CreateSnapshotAsync(admin, pilot.From, pilot.To);
        var snapshot = JsonNode.Parse(bytes)!;
        Assert.Equal(3, (long)snapshot["dataQuality"]!["suppressedStaffGroups"]!);
        foreach (var arm in new[] { "manual", "ai_assisted" })
        {
            var wellbeing = ArmMetric(snapshot, "building-permit-question", arm, "staff_wellbeing_mean");
            Assert.Null(wellbeing["value"]);
            Assert.Equal(0, (long)wellbeing["n"]!);
        }

        var effort = snapshot["caseTypes"]![0]!["comparisons"]!.AsArray().Single(c => (string)c!["metric"]! == "effort_seconds_mean")!;
        Assert.Equal("insufficient_data", (string)effort["verdict"]!);

        var (_, english) = await GetPageAsync($"/reports/{id}?lang=en", Collector.DemoReaderKey);
        var (_, swedish) = await GetPageAsync($"/reports/{id}?lang=sv", Collector.DemoReaderKey);

        var en = WebUtility.HtmlDecode(english);
        Assert.Contains($"Staff time per case:</strong> Too few cases to tell (manual handling {(long)effort["baselineN"]!}, "
            + $"AI-assisted handling {(long)effort["treatmentN"]!}; at least 30 per arm are needed).", en, StringComparison.Ordinal);
        Assert.Contains("3 staff-survey groups (team × arm × week) had fewer than 5 persons answering: to protect the staff's anonymity, their answers are left out of every figure.", en, StringComparison.Ordinal);
        Assert.Contains("groups (team × arm × week) with fewer than 5 persons answering and weeks not wholly in the period are left out of every figure", en, StringComparison.Ordinal);
        Assert.Contains("No staff-survey figure for this period", en, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr data-arm=", WellbeingSection(english), StringComparison.Ordinal);

        var sv = WebUtility.HtmlDecode(swedish);
        Assert.Contains("Personaltid per ärende:</strong> För få ärenden för att avgöra (manuell handläggning ", sv, StringComparison.Ordinal);
        Assert.Contains("för få ärenden för att avgöra", sv.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("grupper (team × grupp × vecka) där färre än 5 personer svarat och veckor som inte ligger helt inom perioden utanför alla siffror", sv, StringComparison.Ordinal);
        Assert.Contains("Ingen siffra från personalenkäten för perioden", sv, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr data-arm=", WellbeingSection(swedish), StringComparison.Ordinal);
    }

    /// <summary>The staff well-being section of a page.</summary>
    private static string WellbeingSection(string html)
    {
        var at = html.IndexOf("<section id=\"q3-wellbeing\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "no well-being section");
        return html[at..html.IndexOf("</section>", at, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Report_NoKey_401WithBasicAndBearerChallenges()
    {
        var (response, _) = await GetPageAsync($"/reports/{_fixture.SnapshotId}", key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic" && h.Parameter!.Contains("realm=", StringComparison.Ordinal));
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Report_KeyAsBasicPassword_200AndWrongPassword401()
    {
        using var client = Collector.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:" + Collector.DemoReaderKey)));
        var ok = await client.GetAsync($"/reports/{_fixture.SnapshotId}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:not-the-key")));
        var refused = await client.GetAsync($"/reports/{_fixture.SnapshotId}");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True(ok.Headers.CacheControl is { Private: true, NoStore: true }, ok.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Report_KeyOfAnotherPilot_403()
    {
        var (response, _) = await GetPageAsync($"/reports/{_fixture.SnapshotId}", Collector.PilotBKey);
        var (json, _) = await GetPageAsync($"/reports/{_fixture.SnapshotId}/snapshot.json", Collector.PilotBKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);
    }

    [Fact]
    public async Task Report_UnknownIdOrBadQuery_404And400()
    {
        var (unknown, _) = await GetPageAsync("/reports/snap-does-not-exist", Collector.AdminKey);
        var (noPilot, _) = await GetPageAsync("/reports/latest", Collector.AdminKey);
        var (badPilot, _) = await GetPageAsync("/reports/latest?pilot=Not%20A%20Slug", Collector.AdminKey);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noPilot.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPilot.StatusCode);
    }

    [Fact]
    public async Task ReportLatest_Pilot_RedirectsToItsNewestSnapshotKeepingTheLanguage()
    {
        using var admin = Collector.ClientWith(Collector.AdminKey);
        var (newest, _) = await SimulatedReportFixture.CreateSnapshotAsync(admin, _fixture.Pilot.From, _fixture.Pilot.To);
        using var client = Collector.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Collector.DemoReaderKey);

        var response = await client.GetAsync("/reports/latest?pilot=demo&lang=en");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/reports/{newest}?lang=en", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ReportLatest_LookBackSnapshotOfAnEarlierPeriodMadeLater_DoesNotReplaceTheCurrentReportOrGauges()
    {
        using var admin = Collector.ClientWith(Collector.AdminKey);
        var (current, currentBytes) = await SimulatedReportFixture.CreateSnapshotAsync(admin, _fixture.Pilot.From, _fixture.Pilot.To);
        var (lookBack, _) = await SimulatedReportFixture.CreateSnapshotAsync(admin, _fixture.Pilot.From, _fixture.Pilot.From.AddDays(14));
        using var client = Collector.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Collector.DemoReaderKey);

        var response = await client.GetAsync("/reports/latest?pilot=demo");
        var lookBackPage = await client.GetAsync("/reports/" + lookBack);
        var metrics = await client.GetStringAsync("/metrics");

        // The look-back is kept and served by its id; the current report and the gauges stay on the period that ends last.
        Assert.Equal($"/reports/{current}", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, lookBackPage.StatusCode);
        var created = DateTimeOffset.Parse((string)JsonNode.Parse(currentBytes)!["createdAt"]!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() / 1000.0;
        var line = metrics.Split('\n').Single(l => l.StartsWith("evalfw_snapshot_created_seconds{", StringComparison.Ordinal) && l.Contains("pilot=\"demo\"", StringComparison.Ordinal));
        Assert.Equal(created, double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture), 3);
    }
}
