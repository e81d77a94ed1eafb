using System.Globalization;
using EvalFramework.Collector.Tests.Infrastructure;

namespace EvalFramework.Collector.Tests.Metrics;

/// <summary>
/// A collector that has stored nothing exports every count whose labels the config and the wire contract fix in advance,
/// at 0: an ingest-health panel on a fresh collector shows 0 for rejections and duplicates, not "No data".
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class KnownSeriesTests
{
    private static readonly string[] Pilots = [CollectorFactory.PilotA, CollectorFactory.PilotB];

    // The wire contract's closed sets, written out here rather than read from the code under test.
    private static readonly string[] Outcomes = ["resolved", "escalated", "abandoned", "rejected"];
    private static readonly string[] Sources = ["quality_review", "reopened", "complaint", "self_reported"];
    private static readonly string[] Severities = ["minor", "major", "critical"];
    private static readonly string[] EventTypes =
    [
        "case.started", "case.completed", "ai.usage", "human.effort", "case.escalated", "case.error", "quality.review",
        "integration.failure", "survey.citizen", "survey.staff", "pilot.maintenance",
    ];

    private static readonly string[] IngestResults =
        ["stored", "partially_rejected", "rejected", "malformed", "forbidden", "too_large", "unsupported_media_type", "storage_unavailable"];

    [Fact]
    public async Task Scrape_FreshCollector_EveryKnownCountSeriesAtZero()
    {
        using var collector = new CollectorFactory();
        using var app = collector.WithWebHostBuilder(b => b.UseSetting("Metrics:RequireKey", "false").UseSetting("Metrics:ScrapeCacheMilliseconds", "0"));
        using var client = app.CreateClient();

        var samples = Samples(await client.GetStringAsync("/metrics"));

        var expected = new List<string>();
        expected.AddRange(IngestResults.Select(r => Series("evalfw_collector_ingest_batches_total", ("result", r))));
        expected.AddRange(new[] { "caseType", "arm", "outcome", "time", "pilot", "id", "type", "caseId" }
            .Select(r => Series("evalfw_collector_events_rejected_total", ("reason", r))));
        expected.AddRange(new[] { "not_gen_ai", "no_case_id", "not_a_model_call", "no_usage" }
            .Select(r => Series("evalfw_collector_otlp_spans_ignored_total", ("reason", r))));
        foreach (var pilot in Pilots)
        {
            expected.Add(Series("evalfw_collector_events_duplicates_total", ("pilot", pilot)));
            expected.AddRange(EventTypes.Select(t => Series("evalfw_collector_events_stored_total", ("event_type", t), ("pilot", pilot))));
            foreach (var caseType in TestVocabulary.CaseTypes)
            {
                foreach (var arm in TestVocabulary.Arms)
                {
                    (string, string)[] cell = [("arm", arm), ("case_type", caseType), ("pilot", pilot)];
                    expected.Add(Series("evalfw_cases_started_total", cell));
                    expected.Add(Series("evalfw_case_escalations_total", cell));
                    expected.Add(Series("evalfw_integration_failures_total", cell));
                    expected.AddRange(Outcomes.Select(o => Series("evalfw_cases_completed_total", [.. cell, ("outcome", o)])));
                    expected.AddRange(Sources.SelectMany(s => Severities.Select(v =>
                        Series("evalfw_case_errors_total", [.. cell, ("severity", v), ("source", s)]))));
                    expected.AddRange(new[] { "true", "false" }.SelectMany(c => new[] { "true", "false", "unset" }.Select(k =>
                        Series("evalfw_quality_reviews_total", [.. cell, ("consistent", k), ("correct", c)]))));
                }
            }
        }

        Assert.All(expected, series => Assert.Equal(0, samples.TryGetValue(series, out var value) ? value : double.NaN));
        // 2 pilots × 3 case types × 3 arms, and 12 error series per cell: no more, no _OTHER, no cross-pilot mix.
        Assert.Equal(18, samples.Keys.Count(k => k.StartsWith("evalfw_cases_started_total{", StringComparison.Ordinal)));
        Assert.Equal(18 * 12, samples.Keys.Count(k => k.StartsWith("evalfw_case_errors_total{", StringComparison.Ordinal)));
        Assert.DoesNotContain(samples.Keys, k => k.Contains("_OTHER", StringComparison.Ordinal));
        Assert.All(samples.Where(s => s.Key.StartsWith("evalfw_collector_events_rejected_total{", StringComparison.Ordinal)), s => Assert.Equal(0, s.Value));
        // A histogram starts with its first observation: a 0 recorded there would be one.
        Assert.DoesNotContain(samples.Keys, k => k.StartsWith("evalfw_case_lead_time_seconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scrape_AfterOneCaseStarted_ItsSeriesCountsFromZeroAndTheOthersStayAtZero()
    {
        using var collector = new CollectorFactory();
        using var app = collector.WithWebHostBuilder(b => b.UseSetting("Metrics:RequireKey", "false").UseSetting("Metrics:ScrapeCacheMilliseconds", "0"));
        using var writer = app.CreateClient();
        writer.DefaultRequestHeaders.Authorization = new("Bearer", collector.WriterKey);

        var posted = await writer.PostAsync(Events.Started("k-" + Guid.NewGuid().ToString("N"), "direct-procurement-advice", "ai_automated"));
        var samples = Samples(await writer.GetStringAsync("/metrics"));

        Assert.Equal(System.Net.HttpStatusCode.OK, posted.StatusCode);
        (string, string)[] cell = [("arm", "ai_automated"), ("case_type", "direct-procurement-advice"), ("pilot", CollectorFactory.PilotA)];
        Assert.Equal(1, samples[Series("evalfw_cases_started_total", cell)]);
        Assert.Equal(0, samples[Series("evalfw_cases_started_total", [("arm", "manual"), ("case_type", "direct-procurement-advice"), ("pilot", CollectorFactory.PilotA)])]);
        Assert.Equal(0, samples[Series("evalfw_collector_events_duplicates_total", ("pilot", CollectorFactory.PilotA))]);
        Assert.Equal(1, samples[Series("evalfw_collector_ingest_batches_total", ("result", "stored"))]);
    }

    [Fact]
    public async Task Scrape_ConfigWithMoreSeriesThanOpenTelemetrysDefaultLimit_EverySeriesItsOwnNoOverflow()
    {
        // 2 pilots × 80 case types × 3 arms × 12 error series = 5,760 per instrument, well past OpenTelemetry's default
        // of 2,000, beyond which counts go into one otel_metric_overflow series that has no pilot and mixes pilots.
        using var collector = new CollectorFactory();
        var caseTypes = Enumerable.Range(1, 80).Select(i => $"case-type-{i:D2}").ToArray();
        var config = Path.Combine(Path.GetTempPath(), "evalfw-wide-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(config, TestVocabulary.Yaml.Replace(
            "caseTypes: [" + string.Join(", ", TestVocabulary.CaseTypes) + "]", "caseTypes: [" + string.Join(", ", caseTypes) + "]", StringComparison.Ordinal));
        try
        {
            using var app = collector.WithWebHostBuilder(b => b.UseSetting("Evaluation:ConfigPath", config)
                .UseSetting("Metrics:RequireKey", "false").UseSetting("Metrics:ScrapeCacheMilliseconds", "0"));
            using var client = app.CreateClient();

            var text = await client.GetStringAsync("/metrics");

            Assert.DoesNotContain("otel_metric_overflow", text, StringComparison.Ordinal);
            var samples = Samples(text);
            Assert.Equal(2 * 80 * 3 * 12, samples.Keys.Count(k => k.StartsWith("evalfw_case_errors_total{", StringComparison.Ordinal)));
            Assert.Equal(0, samples[Series("evalfw_case_errors_total",
                ("arm", "ai_automated"), ("case_type", "case-type-80"), ("pilot", CollectorFactory.PilotB), ("severity", "critical"), ("source", "self_reported"))]);
        }
        finally
        {
            File.Delete(config);
        }
    }

    /// <summary>A series as the exporter writes it: its labels in name order.</summary>
    private static string Series(string name, params (string Name, string Value)[] labels) =>
        name + "{" + string.Join(",", labels.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => $"{l.Name}=\"{l.Value}\"")) + "}";

    /// <summary>Each sample of a scrape: series (name and labels) → value.</summary>
    private static Dictionary<string, double> Samples(string text) => text.Split('\n')
        .Where(line => line.Length > 0 && line[0] != '#')
        .ToDictionary(line => line[..line.LastIndexOf(' ')], line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
