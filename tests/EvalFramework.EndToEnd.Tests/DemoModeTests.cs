using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalFramework.EndToEnd.Tests.Infrastructure;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>What a newcomer sees after the README's demo command: a populated snapshot and non-zero metrics within a minute.</summary>
public sealed partial class DemoModeTests
{
    [Fact]
    public Task Demo_ShortlyAfterStart_SnapshotWithBothArmsAndNonZeroCounters() => DemoShortlyAfterStartAsync([]);

    [PostgresFact]
    public async Task Demo_OnPostgres_ShortlyAfterStart_SnapshotWithBothArmsAndNonZeroCounters()
    {
        var database = TestPostgres.CreateDatabase();
        try
        {
            await DemoShortlyAfterStartAsync(new() { ["Storage__Provider"] = "postgres", ["Storage__ConnectionString"] = database });
        }
        finally
        {
            TestPostgres.DropDatabase(database);
        }
    }

    private static async Task DemoShortlyAfterStartAsync(Dictionary<string, string> storage)
    {
        var environment = new Dictionary<string, string>(storage)
        {
            ["Evaluation__ConfigPath"] = RepoRoot.ShippedConfig,
            ["Logging__LogLevel__EvalFramework.Collector.Demo"] = "Information",
        };
        await using var collector = new CollectorProcess(pilot: "demo", extraArgs: ["--demo"], environment: environment);
        await collector.StartAsync();
        var clock = Stopwatch.StartNew(); // from the collector's start, which other processes on the machine slow down
        using var client = collector.CreateClient();

        JsonArray snapshots = [];
        while ((snapshots.Count == 0 || !collector.Output.Contains("Demo snapshot", StringComparison.Ordinal)) && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(250);
            snapshots = JsonNode.Parse(await client.GetStringAsync("api/v1/snapshots?pilot=demo"))!["snapshots"]!.AsArray();
        }

        Assert.True(snapshots.Count > 0, "no snapshot within a minute:\n" + collector.Output);
        var id = snapshots[0]!["id"]!.GetValue<string>();
        var snapshot = JsonNode.Parse(await client.GetStringAsync("api/v1/snapshots/" + id))!;
        var metrics = await client.GetStringAsync("metrics");

        Assert.Matches("Demo API key: [A-Za-z0-9_-]+", collector.Output);
        Assert.Contains("Demo snapshot " + id, collector.Output, StringComparison.Ordinal);
        var caseTypes = snapshot["caseTypes"]!.AsArray();
        Assert.Equal(["building-permit-question", "direct-procurement-advice", "social-services-documentation"],
            caseTypes.Select(c => c!["caseType"]!.GetValue<string>()));
        foreach (var caseType in caseTypes)
        {
            var arms = caseType!["arms"]!.AsArray();
            Assert.Equal(["manual", "ai_assisted"], arms.Select(a => a!["arm"]!.GetValue<string>()));
            Assert.All(arms, a => Assert.True(a!["metrics"]!["cases_completed"]!["value"]!.GetValue<double>() >= 30,
                $"{caseType["caseType"]}/{a["arm"]}: fewer than 30 completed cases"));
        }

        // The default effects' story shows in the largest case type: a quarter less staff time, more escalations.
        string Verdict(string metric) => caseTypes[0]!["comparisons"]!.AsArray().Single(c => c!["metric"]!.GetValue<string>() == metric)!["verdict"]!.GetValue<string>();
        Assert.Equal("improved", Verdict("effort_seconds_mean"));
        Assert.Equal("worsened", Verdict("escalation_rate"));

        Assert.DoesNotContain(snapshot["dataQuality"]!["warnings"]!.AsArray(), w => w!.GetValue<string>().Contains("no price", StringComparison.Ordinal));
        foreach (var counter in new[] { "evalfw_cases_started_total", "evalfw_cases_completed_total", "evalfw_quality_reviews_total",
                     "evalfw_case_escalations_total", "evalfw_integration_failures_total", "evalfw_maintenance_seconds_total" })
        {
            Assert.True(Sum(metrics, counter) > 0, counter + " is zero:\n" + metrics);
        }
    }

    [Fact]
    public async Task Demo_RestartedOnTheSameDatabase_SkipsTheBackfillAndSnapshotsTheSameHistory()
    {
        await using var collector = new CollectorProcess(pilot: "demo", extraArgs: ["--demo"], environment: new Dictionary<string, string>
        {
            ["Evaluation__ConfigPath"] = RepoRoot.ShippedConfig,
            ["Logging__LogLevel__EvalFramework.Collector.Demo"] = "Information",
            ["Demo__BackfillDays"] = "20",
        });
        await collector.StartAsync();
        using var client = collector.CreateClient();
        var first = await LatestSnapshotAsync(client, collector, count: 1);
        collector.Kill();

        await collector.StartAsync();
        var second = await LatestSnapshotAsync(client, collector, count: 2);

        Assert.Contains("Demo backfill skipped: pilot 'demo' already has", collector.Output, StringComparison.Ordinal);
        var (before, after) = ((long)first["dataQuality"]!["casesInPeriod"]!, (long)second["dataQuality"]!["casesInPeriod"]!);
        Assert.True(before > 100, $"{before} cases backfilled");
        Assert.True(after < before * 1.05, $"{before} cases in the first snapshot, {after} after the restart: backfilled twice");
    }

    private static async Task<JsonNode> LatestSnapshotAsync(HttpClient client, CollectorProcess collector, int count)
    {
        var clock = Stopwatch.StartNew();
        JsonArray snapshots = [];
        while (snapshots.Count < count && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(250);
            snapshots = JsonNode.Parse(await client.GetStringAsync("api/v1/snapshots?pilot=demo"))!["snapshots"]!.AsArray();
        }

        Assert.True(snapshots.Count >= count, $"fewer than {count} snapshot(s) within a minute:\n" + collector.Output);
        var id = snapshots.Select(s => s!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal).Last();
        return JsonNode.Parse(await client.GetStringAsync("api/v1/snapshots/" + id))!;
    }

    private static double Sum(string exposition, string name) => Sample().Matches(exposition)
        .Where(m => m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains("pilot=\"demo\"", StringComparison.Ordinal))
        .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)\{(?<labels>[^}]*)\} (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
