using System.Diagnostics;
using System.Diagnostics.Metrics;
namespace EvalFramework.Collector.Tests.Metrics;

/// <summary>
/// What Prometheus reads from the OpenTelemetry Prometheus exporter as the collector sets it up: the golden file is the
/// contract (promtool checks it too, in the end-to-end tests). Where it differs from the collector's earlier hand-written
/// exporter it follows the OpenTelemetry specification: <c># TYPE</c> before <c># HELP</c>, families in name order, a
/// series without labels written <c>name{}</c>, and unit <c>1</c> adding no <c>_ratio</c>.
/// </summary>
public sealed class PrometheusExporterTests
{
    /// <summary>Set EVALFW_UPDATE_GOLDEN=1 to rewrite the expected file from the current output (then review the diff).</summary>
    private static readonly string GoldenPath = Path.Combine(AppContext.BaseDirectory, "Metrics", "Golden", "exporter.prom");

    [Fact]
    public async Task Scrape_KnownMeasurements_MatchesGoldenFile()
    {
        var meterName = "EvalFramework.Golden." + Guid.NewGuid().ToString("N");
        await using var exporter = await ExporterHost.StartAsync(meterName);
        using var meter = new Meter(meterName);
        Record(meter);

        var text = (await exporter.ScrapeAsync()).Replace(meterName, "GOLDEN", StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable("EVALFW_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(RepoRoot(), "tests", "EvalFramework.Collector.Tests", "Metrics", "Golden", "exporter.prom");
            await File.WriteAllTextAsync(source, text);
        }

        Assert.Equal(await File.ReadAllTextAsync(GoldenPath), text);
    }

    [Fact]
    public async Task Scrape_NoMeasurements_WritesNoFamilies()
    {
        var meterName = "EvalFramework.Empty." + Guid.NewGuid().ToString("N");
        await using var exporter = await ExporterHost.StartAsync(meterName);
        using var meter = new Meter(meterName);
        meter.CreateCounter<long>("nothing.recorded");

        var text = await exporter.ScrapeAsync();

        Assert.Equal("", text);
    }

    [Fact]
    public async Task Scrape_HistogramTwice_BucketsStayCumulative()
    {
        var meterName = "EvalFramework.Cumulative." + Guid.NewGuid().ToString("N");
        await using var exporter = await ExporterHost.StartAsync(meterName);
        using var meter = new Meter(meterName);
        var histogram = meter.CreateHistogram("wait", "s", "Wait.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 10] });
        histogram.Record(0.5);
        await exporter.ScrapeAsync();
        histogram.Record(5);

        var text = await exporter.ScrapeAsync();

        Assert.Contains("wait_seconds_bucket{le=\"1\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("wait_seconds_bucket{le=\"10\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("wait_seconds_bucket{le=\"+Inf\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("wait_seconds_count{} 2\n", text, StringComparison.Ordinal);
    }

    private static void Record(Meter meter)
    {
        var counter = meter.CreateCounter<long>("evalfw.cases.started", "{case}", "Cases started.");
        counter.Add(3, new TagList { { "pilot", "demo" }, { "arm", "manual" } });
        counter.Add(2, new TagList { { "pilot", "demo" }, { "arm", "ai_assisted" } });

        var energy = meter.CreateCounter<double>("evalfw.energy", "J", "Energy in joules.");
        energy.Add(1.5, new KeyValuePair<string, object?>("part", "human"));

        var escaped = meter.CreateCounter<long>("weird.labels_total", null, "Help with a \\ backslash\nand a newline.");
        escaped.Add(1, new KeyValuePair<string, object?>("value", "a\\b\"c\nd"));

        var queue = meter.CreateUpDownCounter<int>("evalfw.collector.writer.queue_depth", "{request}", "Queue.");
        queue.Add(4);
        queue.Add(-1);

        meter.CreateObservableGauge("evalfw.snapshot.value", () => new Measurement<double>(0.25, new KeyValuePair<string, object?>("metric", "error_rate")), null, "Snapshot value.");
        meter.CreateObservableGauge("evalfw.share", () => 0.5, "1", "A share.");
        meter.CreateObservableGauge("evalfw.nan", () => double.NaN, null, "Not a number.");

        var lead = meter.CreateHistogram("evalfw.case.lead_time", "s", "Lead time.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [60, 3600, 86400] });
        lead.Record(30, new KeyValuePair<string, object?>("arm", "manual"));
        lead.Record(120, new KeyValuePair<string, object?>("arm", "manual"));
        lead.Record(100000, new KeyValuePair<string, object?>("arm", "manual"));

        var tokens = meter.CreateHistogram<long>("gen_ai.client.token.usage", "{token}", "Tokens.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 1024] });
        tokens.Record(700, new TagList { { "gen_ai.token.type", "input" }, { "gen_ai.request.model", "m-1" } });
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EvalFramework.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("EvalFramework.sln");
    }
}
