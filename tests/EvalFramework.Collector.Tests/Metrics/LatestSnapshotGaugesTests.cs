using EvalFramework.Collector.Configuration;
using EvalFramework.Collector.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace EvalFramework.Collector.Tests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed class LatestSnapshotGaugesTests
{
    private static readonly DateTimeOffset Made = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Publish_Snapshot_ExportsValueIntervalAndVerdictGauges()
    {
        await using var pipeline = await Pipeline.StartAsync();
        pipeline.Gauges.Publish(Snapshot("s1", Made, errorRate: 0.05, verdict: "improved"));

        var text = await pipeline.ScrapeAsync();

        Assert.Contains("evalfw_snapshot_value{arm=\"manual\",case_type=\"building-permit-question\",metric=\"error_rate\",pilot=\"demo\"} 0.05\n", text, StringComparison.Ordinal);
        Assert.Contains("evalfw_snapshot_ci_low{arm=\"manual\",case_type=\"building-permit-question\",metric=\"error_rate\",pilot=\"demo\"} 0.03\n", text, StringComparison.Ordinal);
        Assert.Contains("evalfw_snapshot_ci_high{arm=\"manual\",case_type=\"building-permit-question\",metric=\"error_rate\",pilot=\"demo\"} 0.08\n", text, StringComparison.Ordinal);
        Assert.Contains("evalfw_snapshot_sample_size{arm=\"manual\",case_type=\"building-permit-question\",metric=\"error_rate\",pilot=\"demo\"} 400\n", text, StringComparison.Ordinal);
        Assert.Contains("evalfw_snapshot_comparison_verdict{baseline=\"manual\",case_type=\"building-permit-question\",inference=\"fixed\",metric=\"effort_seconds_mean\",pilot=\"demo\",role=\"primary\",treatment=\"ai_assisted\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("evalfw_snapshot_comparison_difference{baseline=\"manual\",case_type=\"building-permit-question\",inference=\"fixed\",metric=\"effort_seconds_mean\",pilot=\"demo\",role=\"primary\",treatment=\"ai_assisted\"} -120\n", text, StringComparison.Ordinal);
        Assert.Contains("evalfw_snapshot_created_seconds{pilot=\"demo\"} " + Made.ToUnixTimeSeconds() + "\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NewerSnapshotWithoutARow_RowNoLongerExported()
    {
        await using var pipeline = await Pipeline.StartAsync();
        pipeline.Gauges.Publish(Snapshot("s1", Made, errorRate: 0.05, verdict: "improved"));
        await pipeline.ScrapeAsync();
        pipeline.Gauges.Publish(Snapshot("s2", Made.AddDays(1), errorRate: null, verdict: "worsened"));

        var text = await pipeline.ScrapeAsync();

        Assert.DoesNotContain("metric=\"error_rate\"", text, StringComparison.Ordinal);
        Assert.Contains("role=\"primary\",treatment=\"ai_assisted\"} -2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_TwoCollectorsInOneProcess_EachExportsOnlyItsOwn()
    {
        await using var first = await Pipeline.StartAsync();
        await using var second = await Pipeline.StartAsync();
        first.Gauges.Publish(Snapshot("first", Made, errorRate: 0.05, verdict: "improved"));
        second.Gauges.Publish(Snapshot("second", Made.AddDays(2), errorRate: 0.07, verdict: "worsened"));

        var firstText = await first.ScrapeAsync();
        var secondText = await second.ScrapeAsync();

        Assert.Contains("metric=\"error_rate\",pilot=\"demo\"} 0.05\n", firstText, StringComparison.Ordinal);
        Assert.DoesNotContain("0.07", firstText, StringComparison.Ordinal);
        Assert.Contains("metric=\"error_rate\",pilot=\"demo\"} 0.07\n", secondText, StringComparison.Ordinal);
        Assert.Single(firstText.Split('\n'), l => l == "# TYPE evalfw_snapshot_value gauge");
    }

    [Fact]
    public void Publish_OlderSnapshotAfterNewer_KeepsNewer()
    {
        var gauges = new LatestSnapshotGauges(new MetricLabels(VocabularyLabels.ShippedSettings));
        gauges.Publish(Snapshot("new", Made.AddDays(1), 0.05, "improved"));

        var shown = gauges.Publish(Snapshot("old", Made, 0.05, "improved"));

        Assert.False(shown);
        Assert.Equal("new", gauges.For("demo")!.SnapshotId);
    }

    [Fact]
    public async Task Publish_RowsOutsideThePilotsVocabulary_NotExported()
    {
        // A stored snapshot may hold values from before the vocabulary was closed: none of them becomes a label.
        await using var pipeline = await Pipeline.StartAsync();
        var snapshot = Snapshot("s1", Made, errorRate: 0.05, verdict: "improved");
        pipeline.Gauges.Publish(snapshot with
        {
            Metrics =
            [
                .. snapshot.Metrics,
                new SnapshotMetricRow("zq-case-type", "manual", "error_rate", 0.1, 0, 0.2, 10),
                new SnapshotMetricRow("building-permit-question", "zq-arm", "error_rate", 0.1, 0, 0.2, 10),
                new SnapshotMetricRow("building-permit-question", "manual", "zq_metric", 0.1, 0, 0.2, 10),
                new SnapshotMetricRow("_all", "_all", "maintenance_hours", 12, null, null, 3),
            ],
            Comparisons =
            [
                .. snapshot.Comparisons,
                new SnapshotComparisonRow("zq-case-type", "effort_seconds_mean", "manual", "ai_assisted", -1, -2, 0, "improved", "primary"),
                new SnapshotComparisonRow("building-permit-question", "effort_seconds_mean", "zq-arm", "ai_assisted", -1, -2, 0, "improved", "primary"),
                new SnapshotComparisonRow("building-permit-question", "effort_seconds_mean", "manual", "zq-arm", -1, -2, 0, "improved", "primary"),
                new SnapshotComparisonRow("building-permit-question", "zq_metric", "manual", "ai_assisted", -1, -2, 0, "improved", "primary"),
            ],
        });

        var text = await pipeline.ScrapeAsync();

        Assert.DoesNotContain("zq", text, StringComparison.Ordinal);
        Assert.Contains("metric=\"error_rate\",pilot=\"demo\"} 0.05\n", text, StringComparison.Ordinal);
        Assert.Contains("evalfw_snapshot_value{arm=\"_all\",case_type=\"_all\",metric=\"maintenance_hours\",pilot=\"demo\"} 12\n", text, StringComparison.Ordinal);
        Assert.Contains("evalfw_snapshot_comparison_verdict{baseline=\"manual\",case_type=\"building-permit-question\",inference=\"fixed\",metric=\"effort_seconds_mean\",pilot=\"demo\",role=\"primary\",treatment=\"ai_assisted\"} 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ComparisonsWithRoles_RoleLabelFromTheClosedSetAndNoVerdictOnADescriptiveMetric()
    {
        await using var pipeline = await Pipeline.StartAsync();
        var snapshot = Snapshot("s1", Made, errorRate: 0.05, verdict: "improved");
        pipeline.Gauges.Publish(snapshot with
        {
            Comparisons =
            [
                .. snapshot.Comparisons,
                new SnapshotComparisonRow("building-permit-question", "error_rate", "manual", "ai_assisted", 0.01, -0.02, 0.04, "non_inferior", "guardrail", "sequential"),
                new SnapshotComparisonRow("building-permit-question", "escalation_rate", "manual", "ai_assisted", 0.05, 0.03, 0.07, "worsened", "secondary"),
                new SnapshotComparisonRow("_all", "staff_wellbeing_mean", "manual", "ai_assisted", 0.2, -0.1, 0.5, "no_significant_difference", "secondary"),
                // Descriptive metrics (as a snapshot from before analysis plans has them) and an unknown role: not exported.
                new SnapshotComparisonRow("building-permit-question", "ai_seconds_mean", "manual", "ai_assisted", 30, 29, 31, "worsened", "secondary"),
                new SnapshotComparisonRow("building-permit-question", "cases_completed", "manual", "ai_assisted", 3, 1, 5, "improved", "secondary"),
                new SnapshotComparisonRow("building-permit-question", "csat_mean", "manual", "ai_assisted", 0.1, 0, 0.2, "improved", "zq-role"),
            ],
        });

        var text = await pipeline.ScrapeAsync();

        Assert.Contains("evalfw_snapshot_comparison_verdict{baseline=\"manual\",case_type=\"building-permit-question\",inference=\"sequential\",metric=\"error_rate\",pilot=\"demo\",role=\"guardrail\",treatment=\"ai_assisted\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("evalfw_snapshot_comparison_verdict{baseline=\"manual\",case_type=\"building-permit-question\",inference=\"fixed\",metric=\"escalation_rate\",pilot=\"demo\",role=\"secondary\",treatment=\"ai_assisted\"} -2\n", text, StringComparison.Ordinal);
        Assert.Contains("evalfw_snapshot_comparison_difference{baseline=\"manual\",case_type=\"_all\",inference=\"fixed\",metric=\"staff_wellbeing_mean\",pilot=\"demo\",role=\"secondary\",treatment=\"ai_assisted\"} 0.2\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("metric=\"ai_seconds_mean\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("metric=\"cases_completed\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("zq-role", text, StringComparison.Ordinal);
        Assert.DoesNotContain("metric=\"csat_mean\"", text, StringComparison.Ordinal);
        var roles = System.Text.RegularExpressions.Regex.Matches(text, "role=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Subset(new HashSet<string> { "primary", "guardrail", "secondary" }, roles);
    }

    [Fact]
    public async Task Publish_PilotNotInTheConfig_NothingExported()
    {
        await using var pipeline = await Pipeline.StartAsync();

        var shown = pipeline.Gauges.Publish(Snapshot("s1", Made, errorRate: 0.05, verdict: "improved") with { Pilot = "zq-pilot" });
        var text = await pipeline.ScrapeAsync();

        Assert.False(shown);
        Assert.Null(pipeline.Gauges.For("zq-pilot"));
        Assert.DoesNotContain("zq-pilot", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evalfw_snapshot_created_seconds{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NoEvaluationConfig_NothingExported()
    {
        await using var pipeline = await Pipeline.StartAsync(new EvaluationSettings(null, null));

        pipeline.Gauges.Publish(Snapshot("s1", Made, errorRate: 0.05, verdict: "improved"));
        var text = await pipeline.ScrapeAsync();

        Assert.DoesNotContain("pilot=\"demo\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("improved", 2)]
    [InlineData("non_inferior", 1)]
    [InlineData("no_significant_difference", 0)]
    [InlineData("inconclusive", -1)]
    [InlineData("worsened", -2)]
    [InlineData("inferior", -3)]
    [InlineData("insufficient_data", -9)]
    [InlineData("something-new", -10)]
    public void Code_Verdict_DocumentedNumber(string verdict, double expected) =>
        Assert.Equal(expected, SnapshotVerdicts.Code(verdict));

    internal static SnapshotGauges Snapshot(string id, DateTimeOffset createdAt, double? errorRate, string verdict) => new(
        "demo", id, createdAt,
        errorRate is null
            ? [new SnapshotMetricRow("building-permit-question", "manual", "cases_completed", 400, null, null, 400)]
            : [new SnapshotMetricRow("building-permit-question", "manual", "error_rate", errorRate, 0.03, 0.08, 400)],
        [new SnapshotComparisonRow("building-permit-question", "effort_seconds_mean", "manual", "ai_assisted", -120, -150, -90, verdict, "primary")]);

    /// <summary>
    /// The collector's instruments on their host's own meter factory, listened to as the collector does
    /// (<see cref="CollectorMeterProviderBuilderExtensions.AddCollectorInstruments(OpenTelemetry.Metrics.MeterProviderBuilder)"/>)
    /// and read through the real exporter.
    /// </summary>
    private sealed class Pipeline : IAsyncDisposable
    {
        private readonly ExporterHost _host;

        private Pipeline(ExporterHost host)
        {
            _host = host;
            _ = host.Services.GetRequiredService<CollectorMetrics>();
            Gauges = host.Services.GetRequiredService<LatestSnapshotGauges>();
        }

        public LatestSnapshotGauges Gauges { get; }

        public static async Task<Pipeline> StartAsync(EvaluationSettings? evaluation = null) => new(await ExporterHost.StartAsync(
            services => services.AddMetrics()
                .AddSingleton(new MetricLabels(evaluation ?? VocabularyLabels.ShippedSettings))
                .AddSingleton<LatestSnapshotGauges>()
                .AddSingleton<CollectorMetrics>(),
            metrics => metrics.AddCollectorInstruments()));

        public Task<string> ScrapeAsync() => _host.ScrapeAsync();

        public ValueTask DisposeAsync() => _host.DisposeAsync();
    }
}
