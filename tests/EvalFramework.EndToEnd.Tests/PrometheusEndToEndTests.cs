using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalFramework.EndToEnd.Tests.Infrastructure;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>
/// A real Prometheus (Debian package, 2.42 in CI) scraping a real collector on loopback. Skipped only when
/// prometheus/promtool are not installed (<see cref="PrometheusFactAttribute"/>); .ci/run installs them.
/// </summary>
public sealed class PrometheusEndToEndTests
{
    [PrometheusFact]
    public async Task DashboardQueries_PrometheusScrapingCollector_EveryPanelQueryReturnsData()
    {
        using var collector = new LiveCollector();
        collector.Start();
        // The gauges are fed a known snapshot through the interface the snapshot service calls, so the values are known.
        collector.SnapshotGauges.Publish(PilotTraffic.Snapshot());
        await PostRoundAsync(collector);
        await using var prometheus = new PrometheusServer();
        await prometheus.StartAsync(collector.Target, collector.ScrapeKey, Path.Combine(RepositoryPaths.Root, "metrics-config", "rules.yml"));
        await prometheus.WaitUntilAsync(async () => (await prometheus.QueryAsync("evalfw_cases_started_total")).Count > 0, "first scrape");

        // A second round while Prometheus watches, so every rate has something to show.
        await PostRoundAsync(collector);
        await prometheus.WaitUntilAsync(
            async () => (await prometheus.QueryAsync("sum(rate(evalfw_collector_events_stored_total[1m])) > 0")).Count > 0
                && (await prometheus.QueryAsync("evalfw:cases_completed:rate5m > 0")).Count > 0,
            "rates after the second round",
            seconds: 60);

        var problems = new List<string>();
        var queries = 0;
        foreach (var (file, dashboard) in Dashboards.All())
        {
            foreach (var (panel, expr) in Dashboards.Queries(dashboard))
            {
                queries++;
                var promql = Dashboards.Substitute(expr, PilotTraffic.Pilot);
                var result = await prometheus.QueryAsync(promql);
                if (!result.Any(HasNumber))
                {
                    problems.Add($"{file}: '{panel["title"]}' returned no data for {promql}");
                }
            }
        }

        Assert.True(queries >= 40, $"{queries} queries");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [PrometheusFact]
    public async Task DashboardQueries_CleanTrafficOnly_RefusalPanelsShowZeroNotNoData()
    {
        // Nothing rejected, nothing sent twice: the counts of refusals never move. They are exported at 0 from the
        // start, so their panels (and the recording rule over them) show 0 where they would show "No data".
        using var collector = new LiveCollector();
        collector.Start();
        (await collector.Client.PostAsync("/api/v1/events", PilotTraffic.Body(PilotTraffic.Round(casesPer: 1)))).EnsureSuccessStatusCode();
        await using var prometheus = new PrometheusServer();
        await prometheus.StartAsync(collector.Target, collector.ScrapeKey, Path.Combine(RepositoryPaths.Root, "metrics-config", "rules.yml"));
        // A rate needs two samples in its window.
        await prometheus.WaitUntilAsync(
            async () => (await prometheus.QueryAsync("count_over_time(evalfw_collector_events_duplicates_total[1m]) >= 3")).Count > 0
                && (await prometheus.QueryAsync("evalfw:events_rejected:rate5m")).Count > 0,
            "three scrapes and a rule evaluation");

        string[] neverMoved = ["evalfw_collector_events_rejected_total", "evalfw_collector_events_duplicates_total"];
        var refusals = Dashboards.All()
            .SelectMany(d => Dashboards.Queries(d.Dashboard).Select(q => (d.File, Title: q.Panel["title"]!.GetValue<string>(), q.Expr)))
            .Where(q => Dashboards.MetricNames(q.Expr).Any(neverMoved.Contains))
            .ToList();
        var problems = new List<string>();
        foreach (var (file, title, expr) in refusals)
        {
            var promql = Dashboards.Substitute(expr, PilotTraffic.Pilot);
            var result = await prometheus.QueryAsync(promql);
            if (result.Count == 0 || !result.All(s => Value(s) == 0))
            {
                problems.Add($"{file}: '{title}' gave {result.ToJsonString()} for {promql}, expected 0");
            }
        }

        var byResult = await prometheus.QueryAsync("sum by (result) (rate(evalfw_collector_ingest_batches_total[1m]))");
        var rejectedRule = await prometheus.QueryAsync("evalfw:events_rejected:rate5m");

        Assert.Equal(2, refusals.Count);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Equal(0, Value(byResult.Single(s => s!["metric"]!["result"]!.GetValue<string>() == "malformed")));
        Assert.Contains(byResult, s => s!["metric"]!["result"]!.GetValue<string>() == "stored");
        Assert.All(rejectedRule, s => Assert.Equal(0, Value(s)));
        Assert.Contains(rejectedRule, s => s!["metric"]!["reason"]!.GetValue<string>() == "caseType");
    }

    [PrometheusFact]
    public async Task RecordingRules_Evaluated_EveryRuleHasData()
    {
        using var collector = new LiveCollector();
        collector.Start();
        await PostRoundAsync(collector);
        await using var prometheus = new PrometheusServer();
        await prometheus.StartAsync(collector.Target, collector.ScrapeKey, Path.Combine(RepositoryPaths.Root, "metrics-config", "rules.yml"));
        await prometheus.WaitUntilAsync(async () => (await prometheus.QueryAsync("evalfw_cases_started_total")).Count > 0, "first scrape");
        await PostRoundAsync(collector);
        var records = (await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Root, "metrics-config", "rules.yml")))
            .Select(l => l.Trim()).Where(l => l.StartsWith("- record: ", StringComparison.Ordinal))
            .Select(l => l["- record: ".Length..]).ToList();

        foreach (var record in records)
        {
            await prometheus.WaitUntilAsync(async () => (await prometheus.QueryAsync(record)).Count > 0, "recording rule " + record);
        }

        Assert.True(records.Count >= 5, $"{records.Count} rules");
    }

    [PrometheusFact]
    public async Task RulesFile_PromtoolCheckRules_Passes()
    {
        var (exitCode, output) = await PrometheusServer.PromtoolAsync(null, "check", "rules", Path.Combine(RepositoryPaths.Root, "metrics-config", "rules.yml"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [PrometheusFact]
    public async Task PrometheusConfig_PromtoolCheckConfig_Passes()
    {
        // promtool checks that the key files exist; they are the stack's, made at run time and never in the repository,
        // so the config is checked beside stand-ins at the same relative paths.
        var directory = Directory.CreateTempSubdirectory("evalfw-promtool").FullName;
        try
        {
            var config = Path.Combine(directory, "prometheus.yml");
            File.Copy(Path.Combine(RepositoryPaths.Root, "metrics-config", "prometheus.yml"), config);
            File.Copy(Path.Combine(RepositoryPaths.Root, "metrics-config", "rules.yml"), Path.Combine(directory, "rules.yml"));
            var keyFiles = Regex.Matches(await File.ReadAllTextAsync(config), @"^\s*credentials_file:\s*(\S+)", RegexOptions.Multiline)
                .Select(m => m.Groups[1].Value).ToList();
            foreach (var keyFile in keyFiles)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, keyFile))!);
                await File.WriteAllTextAsync(Path.Combine(directory, keyFile), "stand-in");
            }

            var (exitCode, output) = await PrometheusServer.PromtoolAsync(null, "check", "config", config);

            Assert.Equal(2, keyFiles.Count);
            Assert.True(exitCode == 0, output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [PrometheusFact]
    public async Task Scrape_CollectorProcessInDemoModeFromConfig_PromtoolCheckMetricsPasses()
    {
        await using var collector = new CollectorProcess(environment: new Dictionary<string, string>
        {
            ["Demo__Enabled"] = "true",
            ["Evaluation__ConfigPath"] = Path.Combine(RepositoryPaths.Root, "metrics-config", "evaluation.yaml"),
        });
        await collector.StartAsync();
        // The demo key, as a local Prometheus would take it: from the file the demo says it wrote, in its data folder.
        var keyFile = Regex.Match(collector.Output, "^Demo API key file: (.+)$", RegexOptions.Multiline).Groups[1].Value.Trim();
        Assert.StartsWith(collector.DataDirectory + Path.DirectorySeparatorChar, keyFile, StringComparison.Ordinal);
        var key = await File.ReadAllTextAsync(keyFile);
        Assert.Contains("Demo API key: " + key + Environment.NewLine, collector.Output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(keyFile));
        }

        using var client = new HttpClient { BaseAddress = collector.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        // Demo:Enabled=true (no --demo) starts the demo traffic: simulated history, then live cases, through the SDK.
        var scrape = "";
        for (var i = 0; i < 100 && !scrape.Contains("evalfw_cases_completed_total{", StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
            scrape = await client.GetStringAsync("metrics");
        }

        var (exitCode, output) = await PrometheusServer.PromtoolAsync(scrape, "check", "metrics");

        Assert.Contains("Demo API key:", collector.Output, StringComparison.Ordinal);
        Assert.Contains("pilot=\"demo\"", scrape, StringComparison.Ordinal);
        Assert.True(exitCode == 0, output + "\n" + scrape);
        Assert.Equal("", output.Trim());
    }

    [PrometheusFact]
    public async Task GoldenExporterText_PromtoolCheckMetrics_Passes()
    {
        var golden = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "tests", "EvalFramework.Collector.Tests", "Metrics", "Golden", "exporter.prom"));

        var (exitCode, output) = await PrometheusServer.PromtoolAsync(golden, "check", "metrics");

        Assert.True(exitCode == 0, output);
    }

    private static async Task PostRoundAsync(LiveCollector collector)
    {
        var round = PilotTraffic.Round(casesPer: 2);
        (await collector.Client.PostAsync("/api/v1/events", PilotTraffic.Body(round))).EnsureSuccessStatusCode();
        (await collector.Client.PostAsync("/api/v1/events", PilotTraffic.Body(round.Take(3)))).EnsureSuccessStatusCode();
        await collector.Client.PostAsync("/api/v1/events", PilotTraffic.Body([PilotTraffic.Rejected()]));
    }

    private static double Value(JsonNode? sample) =>
        double.Parse(sample!["value"]![1]!.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool HasNumber(JsonNode? sample)
    {
        var value = sample?["value"]?[1]?.GetValue<string>();
        return value is not null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !double.IsNaN(number);
    }
}
