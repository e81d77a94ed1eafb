// dotnet run -c Release --project tests/EvalFramework.Benchmarks -- --filter '*MetricsScrape*' --job short --inProcess --iterationCount 15
// BenchmarkDotNet 0.14.0, .NET 10.0.12, X64 RyuJIT AVX-512, AMD EPYC (2 vCPU VM, shared with other builds: load 10-15),
// InProcessEmitToolchain, 15 iterations. 2,050 series per scrape.
//
// | Method        | Mean       | Error      | StdDev      | Median     | Gen0    | Gen1    | Gen2    | Allocated |
// |-------------- |-----------:|-----------:|------------:|-----------:|--------:|--------:|--------:|----------:|
// | Scrape        | 3,727.2 us | 1,360.6 us | 1,136.13 us | 3,894.5 us | 15.6250 | 15.6250 | 15.6250 | 225.98 KB |
// | CutToOnePilot |   586.0 us |   112.0 us |    93.54 us |   582.3 us | 46.8750 | 23.4375 | 23.4375 | 269.63 KB |
//
// Reading: a scrape of 2,050 series through the endpoint takes about 4 ms (median), within the 5 ms goal; the same
// series through the earlier hand-written exporter, called directly without HTTP, took 0.88 ms median (307 KB), run
// just before on the same busy VM. The new figure includes the HTTP pipeline (test server, response stream) and the
// exporter's collection manager; it allocates less. A key for one pilot adds its cut, about 0.6 ms. The 300 ms cache
// (Metrics:ScrapeCacheMilliseconds) shares one collection among scrapers; the cut is per request.

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using EvalFramework.Collector.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;

namespace EvalFramework.Benchmarks;

/// <summary>
/// One <c>/metrics</c> scrape without the 300 ms cache: OpenTelemetry collection plus the OpenTelemetry Prometheus
/// exporter behind its endpoint (on a test server, so the HTTP pipeline is in it too), over 2,000 series (1,500 counter
/// series and 25 lead-time histograms of 19 buckets + sum + count); and the per-key cut of that text to one pilot's
/// series. Goal: ≤ 5 ms.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MetricsScrapeBenchmarks
{
    private Meter _meter = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private byte[] _text = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var name = "EvalFramework.Bench." + Guid.NewGuid().ToString("N");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(name).AddCollectorPrometheusExporter());
        builder.Services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
        _app = builder.Build();
        _app.MapPrometheusScrapingEndpoint();
        await _app.StartAsync();
        _client = _app.GetTestClient();
        _meter = new Meter(name);
        var completed = _meter.CreateCounter<long>("evalfw.cases.completed", "{case}", "Cases completed.");
        for (var i = 0; i < 1500; i++)
        {
            completed.Add(i + 1, new TagList
            {
                { "pilot", "pilot-" + (i % 10).ToString(CultureInfo.InvariantCulture) },
                { "case_type", "case-type-" + (i / 10 % 15).ToString(CultureInfo.InvariantCulture) },
                { "arm", i / 150 % 2 == 0 ? "manual" : "ai_assisted" },
                { "outcome", "outcome-" + (i / 300).ToString(CultureInfo.InvariantCulture) },
            });
        }

        var lead = _meter.CreateHistogram("evalfw.case.lead_time", "s", "Lead time.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CollectorMetrics.LeadTimeBuckets });
        for (var i = 0; i < 25; i++)
        {
            for (var v = 0; v < 40; v++)
            {
                lead.Record(Math.Pow(2, v % 22), new TagList
                {
                    { "pilot", "pilot-" + (i % 5).ToString(CultureInfo.InvariantCulture) },
                    { "case_type", "case-type-" + (i / 5).ToString(CultureInfo.InvariantCulture) },
                });
            }
        }

        _text = await _client.GetByteArrayAsync("/metrics");
        if (Encoding.UTF8.GetString(_text).Split('\n').Count(l => l.Length > 0 && l[0] != '#') != 2050)
        {
            throw new InvalidOperationException("the scrape does not hold the 2,050 series");
        }
    }

    [Benchmark]
    public async Task<int> Scrape() => (await _client.GetByteArrayAsync("/metrics")).Length;

    /// <summary>What a key for one of the ten pilots adds to a scrape: its cut of the text.</summary>
    [Benchmark]
    public int CutToOnePilot() => PilotSeriesCut.Keep(_text, p => p == "pilot-3").Length;

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _meter.Dispose();
    }
}
