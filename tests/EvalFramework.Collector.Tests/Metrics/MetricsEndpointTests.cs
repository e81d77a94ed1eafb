using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Metrics;
using EvalFramework.Collector.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using static EvalFramework.Collector.Tests.Infrastructure.Events;
using static EvalFramework.Collector.Tests.Infrastructure.PrometheusText;

namespace EvalFramework.Collector.Tests.Metrics;

[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests : IClassFixture<CollectorFactory>
{
    private const string Pilot = CollectorFactory.PilotA;

    /// <summary>A key that reads every pilot's series (/metrics needs a key with the read right): these tests count.</summary>
    private static readonly string ScraperKey = Auth.ApiKeyStore.NewKey();

    private readonly CollectorFactory _collector;

    public MetricsEndpointTests(CollectorFactory collector) => _collector = collector;

    [Fact]
    public async Task Metrics_SameBatchTwice_EventsCountedOnceAndDuplicatesApart()
    {
        using var app = Uncached();
        using var client = WriterClient(app);
        var caseId = "m-" + Guid.NewGuid().ToString("N");
        var batch = new JsonNode[] { Started(caseId), Effort(caseId, 120), Completed(caseId) };
        var before = await ScrapeAsync(app);

        await client.PostAsync(batch.Select(e => e.DeepClone()).ToArray());
        await client.PostAsync(batch.Select(e => e.DeepClone()).ToArray());
        var after = await ScrapeAsync(app);

        Assert.Equal(1, Delta(before, after, "evalfw_collector_events_stored_total", ("pilot", Pilot), ("event_type", "case.started")));
        Assert.Equal(1, Delta(before, after, "evalfw_cases_completed_total", ("pilot", Pilot), ("outcome", "resolved")));
        Assert.Equal(120, Delta(before, after, "evalfw_human_effort_seconds_sum", ("pilot", Pilot), ("arm", "manual")));
        Assert.Equal(3, Delta(before, after, "evalfw_collector_events_duplicates_total", ("pilot", Pilot)));
    }

    [Fact]
    public async Task Metrics_CaseStartedThenCompleted_LeadTimeFromEventTimesWithCaseLabels()
    {
        using var app = Uncached();
        using var client = WriterClient(app);
        var caseId = "m-" + Guid.NewGuid().ToString("N");
        var completedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        var before = await ScrapeAsync(app);

        await client.PostAsync(Started(caseId, "direct-procurement-advice", "ai_assisted", at: completedAt.AddSeconds(-600)), Completed(caseId, "escalated", at: completedAt));
        var after = await ScrapeAsync(app);

        var labels = new[] { ("pilot", Pilot), ("case_type", "direct-procurement-advice"), ("arm", "ai_assisted"), ("outcome", "escalated") };
        Assert.Equal(600, Delta(before, after, "evalfw_case_lead_time_seconds_sum", labels), 3);
        Assert.Equal(1, Delta(before, after, "evalfw_case_lead_time_seconds_count", labels));
        Assert.Equal(1, Delta(before, after, "evalfw_case_lead_time_seconds_bucket", [.. labels, ("le", "600")]));
        Assert.Equal(0, Delta(before, after, "evalfw_case_lead_time_seconds_bucket", [.. labels, ("le", "300")]));
    }

    [Fact]
    public async Task Metrics_CaseEventsOfEveryType_EachCountedWithTheCaseArm()
    {
        using var app = Uncached();
        using var client = WriterClient(app);
        var caseId = "m-" + Guid.NewGuid().ToString("N");
        var before = await ScrapeAsync(app);

        await client.PostAsync(OneOfEachType(caseId));
        var after = await ScrapeAsync(app);

        (string, string)[] manual = [("pilot", Pilot), ("arm", "manual"), ("case_type", "building-permit-question")];
        Assert.Equal(1, Delta(before, after, "evalfw_case_escalations_total", manual));
        Assert.Equal(1, Delta(before, after, "evalfw_case_errors_total", [.. manual, ("source", "complaint"), ("severity", "major")]));
        Assert.Equal(1, Delta(before, after, "evalfw_quality_reviews_total", [.. manual, ("correct", "false"), ("consistent", "true")]));
        Assert.Equal(1, Delta(before, after, "evalfw_integration_failures_total", manual));
        Assert.Equal(4, Delta(before, after, "evalfw_survey_csat_sum", manual));
        Assert.Equal(9, Delta(before, after, "evalfw_survey_nps_sum", manual));
        Assert.Equal(1000, Delta(before, after, "gen_ai_client_token_usage_sum", ("pilot", Pilot), ("arm", "manual"), ("gen_ai_token_type", "input")));
        Assert.Equal(200, Delta(before, after, "gen_ai_client_token_usage_sum", ("pilot", Pilot), ("arm", "manual"), ("gen_ai_token_type", "output")));
        Assert.DoesNotContain("evalfw_survey_staff", after, StringComparison.Ordinal); // staff answers only in k-anonymous snapshots
        Assert.Equal(2.5 * 3600, Delta(before, after, "evalfw_maintenance_seconds_total", ("pilot", Pilot)));
        // The test config's prices: 300 s of handler time at 600 SEK/h; gpt-4o-mini 1.6 / 6.3 SEK per million tokens in / out.
        Assert.Equal(50, Delta(before, after, "evalfw_cost_sek_total", [.. manual, ("part", "human")]), 9);
        Assert.Equal((1000 * 1.6 / 1e6) + (200 * 6.3 / 1e6), Delta(before, after, "evalfw_cost_sek_total", [.. manual, ("part", "ai")]), 9);
        // 150 W for 300 s of staff time.
        Assert.Equal(150 * 300, Delta(before, after, "evalfw_energy_joules_total", [.. manual, ("part", "human")]), 6);
    }

    [Fact]
    public async Task Metrics_CaseStartedBeforeRestart_CompletionAfterRestartHasLeadTime()
    {
        var caseId = "m-" + Guid.NewGuid().ToString("N");
        var completedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        using (var first = Uncached())
        {
            using var client = WriterClient(first);
            await client.PostAsync(Started(caseId, "social-services-documentation", "ai_assisted", at: completedAt.AddSeconds(-300)));
        }

        using var second = Uncached();
        using var again = WriterClient(second);
        var before = await ScrapeAsync(second);

        await again.PostAsync(Completed(caseId, at: completedAt));
        var after = await ScrapeAsync(second);

        var labels = new[] { ("pilot", Pilot), ("case_type", "social-services-documentation"), ("arm", "ai_assisted") };
        Assert.Equal(1, Delta(before, after, "evalfw_case_lead_time_seconds_count", labels));
        Assert.Equal(300, Delta(before, after, "evalfw_case_lead_time_seconds_sum", labels), 3);
    }

    [Fact]
    public async Task Metrics_SnapshotLoaderRegistered_NewestSnapshotsExportedAfterStart()
    {
        // The stored snapshot is of pilot demo: the shipped config's pilot, whose vocabulary its labels come from.
        using var app = _collector.WithWebHostBuilder(b => WithScraperKey(b)
            .UseSetting("Metrics:ScrapeCacheMilliseconds", "0")
            .UseSetting("Evaluation:ConfigPath", Path.Combine(RepoRoot(), "metrics-config", "evaluation.yaml"))
            .ConfigureTestServices(s => s.AddSingleton<ISnapshotGaugeLoader, FixedSnapshotLoader>()));
        var text = "";

        for (var i = 0; i < 50 && !text.Contains("evalfw_snapshot_value{", StringComparison.Ordinal); i++)
        {
            text = await ScrapeAsync(app);
            await Task.Delay(100);
        }

        Assert.Equal(0.05, Sum(text, "evalfw_snapshot_value", ("pilot", "demo"), ("metric", "error_rate")));
        Assert.Equal(2, Sum(text, "evalfw_snapshot_comparison_verdict", ("pilot", "demo"), ("metric", "effort_seconds_mean")));
    }

    [Fact]
    public async Task Metrics_EventOfUnknownCase_LabelledOtherWithoutLeadTime()
    {
        using var app = Uncached();
        using var client = WriterClient(app);
        var before = await ScrapeAsync(app);

        await client.PostAsync(Completed("never-started-" + Guid.NewGuid().ToString("N")));
        var after = await ScrapeAsync(app);

        Assert.Equal(1, Delta(before, after, "evalfw_cases_completed_total", ("pilot", Pilot), ("case_type", "_OTHER"), ("arm", "_OTHER")));
        Assert.Equal(0, Delta(before, after, "evalfw_case_lead_time_seconds_count", ("pilot", Pilot), ("case_type", "_OTHER")));
    }

    [Fact]
    public async Task Metrics_PartlyRejectedBatch_RejectedCountedByFieldAndBatchByResult()
    {
        using var app = Uncached();
        using var client = WriterClient(app);
        var bad = Started("m-" + Guid.NewGuid().ToString("N"));
        bad.Remove("caseType");
        var before = await ScrapeAsync(app);

        await client.PostAsync(bad, Started("m-" + Guid.NewGuid().ToString("N")));
        await client.PostAsync(bad.DeepClone());
        var after = await ScrapeAsync(app);

        Assert.Equal(2, Delta(before, after, "evalfw_collector_events_rejected_total", ("reason", "caseType")));
        Assert.Equal(1, Delta(before, after, "evalfw_collector_ingest_batches_total", ("result", "partially_rejected")));
        Assert.Equal(1, Delta(before, after, "evalfw_collector_ingest_batches_total", ("result", "rejected")));
    }

    [Fact]
    public async Task Metrics_WithEvaluationConfig_CostEnergyAndCo2eFromPriceTableAndFactors()
    {
        var demoKey = Auth.ApiKeyStore.NewKey();
        using var app = _collector.WithWebHostBuilder(b => WithScraperKey(b)
            .UseSetting("Metrics:ScrapeCacheMilliseconds", "0")
            .UseSetting("Evaluation:ConfigPath", Path.Combine(RepoRoot(), "metrics-config", "evaluation.yaml"))
            .UseSetting("Auth:Keys:3:Name", "demo-writer")
            .UseSetting("Auth:Keys:3:Sha256", Auth.ApiKeyStore.HashKey(demoKey))
            .UseSetting("Auth:Keys:3:Pilots:0", "demo")
            .UseSetting("Auth:Keys:3:Rights:0", "ingest"));
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", demoKey);
        var caseId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)); // demo takes pseudonyms only
        var ai = Base("ai.usage", caseId, "demo");
        ai["model"] = "mistral-small-3.1";
        ai["inputTokens"] = 1_000_000;
        ai["outputTokens"] = 1_000_000;
        var effort = Base("human.effort", caseId, "demo");
        effort["role"] = "handlaggare";
        effort["seconds"] = 3600;
        var before = await ScrapeAsync(app);

        var response = await client.PostAsync(Started(caseId, pilot: "demo", arm: "ai_assisted"), ai, effort);
        var after = await ScrapeAsync(app);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("evalfw_cost_sek_total{", after, StringComparison.Ordinal);
        (string, string)[] at = [("pilot", "demo"), ("arm", "ai_assisted"), ("case_type", "building-permit-question")];
        // Price table: 1.05 + 3.15 SEK per million input / output tokens; handlaggare 650 SEK/h.
        Assert.Equal(4.2, Delta(before, after, "evalfw_cost_sek_total", [.. at, ("part", "ai")]), 9);
        Assert.Equal(650, Delta(before, after, "evalfw_cost_sek_total", [.. at, ("part", "human")]), 9);
        // 150 W for an hour = 150 Wh = 540 000 J; at 40 g/kWh = 6 g.
        Assert.Equal(540_000, Delta(before, after, "evalfw_energy_joules_total", [.. at, ("part", "human")]), 6);
        Assert.Equal(6, Delta(before, after, "evalfw_co2e_grams_total", [.. at, ("part", "human")]), 9);
        // EcoLogits: (1.1665e-6 · e^(-0.011206·64) · 24 + 4.0529e-5) Wh per output token × 10^6 tokens × PUE 1.2.
        var aiWh = ((1.1665e-6 * Math.Exp(-0.011206 * 64) * 24) + 4.0529e-5) * 1_000_000 * 1.2;
        Assert.Equal(aiWh * 3600, Delta(before, after, "evalfw_energy_joules_total", [.. at, ("part", "ai")]), 3);
        Assert.Equal(aiWh / 1000 * 40, Delta(before, after, "evalfw_co2e_grams_total", [.. at, ("part", "ai")]), 6);
    }

    [Fact]
    public async Task Metrics_ReadKey_PrometheusContentType()
    {
        using var client = _collector.ClientWith(_collector.ReaderKey);

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Metrics_RequireKeyWithoutKey_Unauthorized()
    {
        using var app = _collector.WithWebHostBuilder(b => b.UseSetting("Metrics:RequireKey", "true"));
        using var anonymous = app.CreateClient();
        using var withKey = app.CreateClient();
        withKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _collector.ReaderKey);

        using var refused = await anonymous.GetAsync("/metrics");
        using var allowed = await withKey.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    private WebApplicationFactory<Program> Uncached() =>
        _collector.WithWebHostBuilder(b => WithScraperKey(b).UseSetting("Metrics:ScrapeCacheMilliseconds", "0"));

    private static IWebHostBuilder WithScraperKey(IWebHostBuilder builder) => builder
        .UseSetting("Auth:Keys:9:Name", "scraper")
        .UseSetting("Auth:Keys:9:Sha256", Auth.ApiKeyStore.HashKey(ScraperKey))
        .UseSetting("Auth:Keys:9:Pilots:0", "*")
        .UseSetting("Auth:Keys:9:Rights:0", "read");

    private HttpClient WriterClient(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _collector.WriterKey);
        return client;
    }

    private static async Task<string> ScrapeAsync(WebApplicationFactory<Program> app)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScraperKey);
        return await client.GetStringAsync("/metrics");
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

    private static double Delta(string before, string after, string name, params (string, string)[] labels) =>
        Sum(after, name, labels) - Sum(before, name, labels);

    private sealed class FixedSnapshotLoader : ISnapshotGaugeLoader
    {
        public Task<IReadOnlyList<SnapshotGauges>> LoadCurrentAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SnapshotGauges>>([LatestSnapshotGaugesTests.Snapshot("stored", DateTimeOffset.UtcNow, 0.05, "improved")]);
    }
}
