using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using EvalFramework.Cli.Commands;

namespace EvalFramework.Cli.Tests;

/// <summary><c>evalctl plan --collector URL</c> plans from the pilot's newest snapshot in a collector running the demo.</summary>
[Collection(CollectorCommandsCollection.Name)]
public sealed class PlanPowerCollectorTests(DemoKestrelCollector collector) : IClassFixture<DemoKestrelCollector>
{
    private async Task<(string Id, JsonNode Snapshot)> DemoSnapshotAsync()
    {
        using var http = new HttpClient { BaseAddress = collector.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", collector.Key);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var snapshots = JsonNode.Parse(await http.GetStringAsync("api/v1/snapshots?pilot=demo"))!["snapshots"]!.AsArray();
            if (snapshots.Count > 0)
            {
                var id = snapshots[0]!["id"]!.GetValue<string>();
                return (id, JsonNode.Parse(await http.GetStringAsync("api/v1/snapshots/" + id))!);
            }

            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the demo made no snapshot within three minutes");
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task Plan_FromTheCollector_UsesTheNewestSnapshotsBaseline()
    {
        var (id, snapshot) = await DemoSnapshotAsync();
        var permits = snapshot["caseTypes"]!.AsArray().Single(c => (string)c!["caseType"]! == "building-permit-question")!;
        var manual = permits["arms"]!.AsArray().Single(a => (string)a!["arm"]! == "manual")!;
        var baseline = (double)manual["metrics"]!["consistency_rate"]!["value"]!;

        using var @out = new StringWriter();
        using var err = new StringWriter();
        var code = EvalCtl.Run(["plan", "--pilot", "demo", "--case-type", "building-permit-question", "--metric", "consistency_rate", "--change", "5%",
            "--collector", collector.Address.ToString(), "--config", RepoRoot.ShippedConfig, "--simulations", "200"], @out, err,
            new Dictionary<string, string> { [CollectorRequests.KeyVariable] = collector.Key });

        Assert.True(code == 0, err.ToString());
        Assert.Contains("from: snapshot " + id + " (", @out.ToString(), StringComparison.Ordinal);
        Assert.Contains("baseline " + baseline.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) + ";", @out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(collector.Key, @out.ToString() + err, StringComparison.Ordinal);
    }
}
