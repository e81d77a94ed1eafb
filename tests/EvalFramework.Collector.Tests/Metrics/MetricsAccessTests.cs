using System.Net;
using System.Net.Http.Headers;
using EvalFramework.Collector.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests.Metrics;

/// <summary>Who may scrape <c>/metrics</c>, and what each key sees: a read right, and only the series of its pilots.</summary>
public sealed class MetricsAccessTests : IClassFixture<CollectorFactory>
{
    private readonly CollectorFactory _collector;

    public MetricsAccessTests(CollectorFactory collector) => _collector = collector;

    [Fact]
    public async Task Metrics_DefaultWithoutKey_401WithBearerAndBasicChallenges()
    {
        using var client = _collector.CreateClient();

        using var response = await client.GetAsync("/metrics");

        // The landing page links /metrics: a browser gets the Basic challenge and asks for the key as a password.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Basic", "Bearer"], response.Headers.WwwAuthenticate.Select(h => h.Scheme).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Metrics_KeyWithoutReadRight_403()
    {
        using var ingestOnly = _collector.ClientWith(_collector.IngestOnlyKey);
        using var adminOnly = _collector.ClientWith(_collector.AdminOnlyKey);

        using var ingest = await ingestOnly.GetAsync("/metrics");
        using var admin = await adminOnly.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, ingest.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }

    [Fact]
    public async Task Metrics_TwoPilotsKeysWithinOneCachedScrape_EachSeesItsPilotsSeriesAndTheCollectorWideOnes()
    {
        // One collection serves both scrapes (cached for a minute): the filtering is per request, never cached per key.
        using var app = _collector.WithWebHostBuilder(b => b.UseSetting("Metrics:ScrapeCacheMilliseconds", "60000"));
        await PostBothPilotsAsync(app);

        var pilotB = await ScrapeAsync(app, _collector.PilotBKey);
        var pilotA = await ScrapeAsync(app, _collector.ReaderKey);
        var again = await ScrapeAsync(app, _collector.PilotBKey);

        Assert.Contains("pilot=\"pilot-a\"", pilotA, StringComparison.Ordinal);
        Assert.DoesNotContain("pilot=\"pilot-b\"", pilotA, StringComparison.Ordinal);
        Assert.Contains("pilot=\"pilot-b\"", pilotB, StringComparison.Ordinal);
        Assert.DoesNotContain("pilot=\"pilot-a\"", pilotB, StringComparison.Ordinal);
        Assert.Equal(pilotB, again);
        foreach (var text in new[] { pilotA, pilotB })
        {
            Assert.Contains("\nevalfw_collector_writer_queue_depth{} ", text, StringComparison.Ordinal);
            Assert.Contains("\nevalfw_collector_ingest_batches_total{result=\"stored\"} ", text, StringComparison.Ordinal);
        }

        AssertEveryFamilyHasSamples(pilotA);
    }

    [Fact]
    public async Task Metrics_OpenMetricsAsPrometheusAsksForIt_PilotKeySeesItsPilotsSeriesAndTheEndMarker()
    {
        using var app = _collector.WithWebHostBuilder(b => b.UseSetting("Metrics:ScrapeCacheMilliseconds", "0"));
        await PostBothPilotsAsync(app);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _collector.PilotBKey);
        // The Accept header Prometheus 2 sends.
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept",
            "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");

        using var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/openmetrics-text", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), response.Content.Headers.ContentLength);
        Assert.Contains("evalfw_cases_started_total{arm=\"manual\",case_type=\"building-permit-question\",pilot=\"pilot-b\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pilot=\"pilot-a\"", text, StringComparison.Ordinal);
        Assert.Contains("\nevalfw_collector_ingest_batches_total{result=\"stored\"} ", text, StringComparison.Ordinal);
        Assert.EndsWith("\n# EOF\n", text, StringComparison.Ordinal);
        AssertEveryFamilyHasSamples(text);
    }

    [Theory]
    [InlineData("text/plain;version=0.0.4")]
    [InlineData("application/openmetrics-text;version=1.0.0")]
    public async Task Metrics_PilotKeyAskingForGzip_StillOnlyItsPilotsSeries(string accept)
    {
        // Prometheus sends Accept-Encoding: gzip by default, and the exporter compresses when asked: the cut must still apply.
        using var app = _collector.WithWebHostBuilder(b => b.UseSetting("Metrics:ScrapeCacheMilliseconds", "0"));
        await PostBothPilotsAsync(app);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _collector.PilotBKey);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "gzip");

        using var response = await client.GetAsync("/metrics");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = response.Content.Headers.ContentEncoding.Contains("gzip")
            ? new StreamReader(new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)).ReadToEnd()
            : System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pilot=\"pilot-b\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pilot=\"pilot-a\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_RequireKeyFalse_OpenWithoutKeyWithEveryPilot()
    {
        using var app = _collector.WithWebHostBuilder(b => b.UseSetting("Metrics:RequireKey", "false").UseSetting("Metrics:ScrapeCacheMilliseconds", "0"));
        await PostBothPilotsAsync(app);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("pilot=\"pilot-a\"", text, StringComparison.Ordinal);
        Assert.Contains("pilot=\"pilot-b\"", text, StringComparison.Ordinal);
    }

    /// <summary>A family left without series is left out whole: each family's metadata is followed by one of its samples.</summary>
    private static void AssertEveryFamilyHasSamples(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var sample = lines.Skip(i + 1).FirstOrDefault(l => !l.StartsWith('#')) ?? "";
                Assert.True(sample.StartsWith(lines[i].Split(' ')[2], StringComparison.Ordinal), lines[i]);
            }
        }
    }

    private async Task PostBothPilotsAsync(WebApplicationFactory<Program> app)
    {
        using var writer = app.CreateClient();
        writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _collector.WriterKey);
        using var pilotB = app.CreateClient();
        pilotB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _collector.PilotBKey);
        Assert.Equal(HttpStatusCode.OK, (await writer.PostAsync(Started("ma-" + Token()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pilotB.PostAsync(Started("mb-" + Token(), pilot: CollectorFactory.PilotB))).StatusCode);
    }

    private static async Task<string> ScrapeAsync(WebApplicationFactory<Program> app, string key)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
