using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.EndToEnd.Tests.Infrastructure;
using Npgsql;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>Several collector processes on one PostgreSQL database, as replicas behind a load balancer run.</summary>
public sealed class ReplicaTests
{
    [PostgresFact]
    public async Task TwoReplicas_SameEventsConcurrently_EachStoredOnceAndSnapshotEqualsSqlite()
    {
        // Arrange: six weeks of a two-arm pilot (every event type), in batches of 100.
        var pilot = new SimulatedPilot(seed: 9, from: new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero), weeks: 6, casesPerWeek: 20);
        var starts = Batches(pilot.Events.Where(e => (string)e["type"]! == "case.started"));
        var otherEvents = pilot.Events.Where(e => (string)e["type"]! != "case.started").ToList();
        var rest = Batches(otherEvents);
        var restBackwards = Batches(Enumerable.Reverse(otherEvents)); // the same events, each batch and every event in it reversed
        var database = TestPostgres.CreateDatabase();
        try
        {
            var postgres = new Dictionary<string, string>
            {
                ["Storage__Provider"] = "postgres",
                ["Storage__ConnectionString"] = database,
                ["Evaluation__ConfigPath"] = RepoRoot.ShippedConfig,
            };
            await using var a = new CollectorProcess(SimulatedPilot.Pilot, environment: postgres);
            await using var b = new CollectorProcess(SimulatedPilot.Pilot, environment: postgres);
            await using var sqlite = new CollectorProcess(SimulatedPilot.Pilot,
                environment: new Dictionary<string, string> { ["Evaluation__ConfigPath"] = RepoRoot.ShippedConfig });
            await Task.WhenAll(a.StartAsync(), b.StartAsync(), sqlite.StartAsync()); // both replicas migrate the new database at once

            // Act: the case starts, half to each replica; then every other event to both replicas at once, four
            // clients each, the second replica in the reverse order, so the same events and the same cases are written
            // by two processes at the same moments, meeting in opposite orders.
            var halves = await Task.WhenAll(SendAll(a, [.. starts.Where((_, i) => i % 2 == 0)]), SendAll(b, [.. starts.Where((_, i) => i % 2 == 1)]));
            var started = (Accepted: halves[0].Accepted + halves[1].Accepted, Duplicates: 0);
            var sent = await Task.WhenAll(SendAll(a, rest), SendAll(b, restBackwards));
            await SendAll(sqlite, [.. starts, .. rest]);

            // Assert: each event stored once, whichever replica took it.
            var events = pilot.Events.Count;
            var others = events - started.Accepted;
            Assert.Equal(others, sent[0].Accepted + sent[1].Accepted);
            Assert.Equal(others, sent[0].Accepted + sent[0].Duplicates);
            Assert.Equal(others, sent[1].Accepted + sent[1].Duplicates);
            Assert.True(sent[0].Accepted > 0 && sent[1].Accepted > 0, $"one replica stored everything: {sent[0].Accepted} / {sent[1].Accepted}");
            Assert.Equal((long)events, await ScalarAsync(database, "SELECT COUNT(*) FROM events"));
            // The writers lock rows in one order, so they never wait for each other in a circle (PostgreSQL would retry it).
            Assert.Equal(0L, await ScalarAsync(database, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"));
            Assert.Equal(await ScalarAsync(database, "SELECT COUNT(DISTINCT case_id) FROM events WHERE case_id IS NOT NULL"),
                await ScalarAsync(database, "SELECT COUNT(*) FROM case_records"));

            // Each replica labels the completions it stored with the case's type and arm, also where only the other
            // replica stored the start: the writer learns it from the case row it upserts.
            var completed = 0.0;
            foreach (var replica in new[] { a, b })
            {
                using var client = replica.CreateClient();
                var lines = (await client.GetStringAsync("metrics")).Split('\n')
                    .Where(l => l.StartsWith("evalfw_cases_completed_total{", StringComparison.Ordinal)).ToList();
                Assert.DoesNotContain(lines, l => l.Contains("_OTHER", StringComparison.Ordinal));
                completed += lines.Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            }

            Assert.Equal(pilot.Events.Count(e => (string)e["type"]! == "case.completed"), (int)completed);

            // The snapshot of either replica equals the one SQLite makes of the same events, but for its id and time.
            var fromA = await SnapshotAsync(a, pilot);
            var fromB = await SnapshotAsync(b, pilot);
            var fromSqlite = await SnapshotAsync(sqlite, pilot);
            Assert.Equal((string)fromSqlite["dataSha256"]!, (string)fromA["dataSha256"]!);
            Assert.Equal(WithoutIdentity(fromSqlite), WithoutIdentity(fromA));
            Assert.Equal(WithoutIdentity(fromSqlite), WithoutIdentity(fromB));
            Assert.Equal(6, fromA["caseTypes"]!.AsArray().Sum(c => c!["arms"]!.AsArray().Count));
        }
        finally
        {
            TestPostgres.DropDatabase(database);
        }
    }

    private static List<string> Batches(IEnumerable<JsonObject> events) =>
        [.. events.Chunk(100).Select(chunk => new JsonObject { ["events"] = new JsonArray([.. chunk.Select(e => e.DeepClone())]) }.ToJsonString())];

    private static async Task<(int Accepted, int Duplicates)> SendAll(CollectorProcess collector, IReadOnlyList<string> batches)
    {
        using var client = collector.CreateClient();
        var (accepted, duplicates) = (0, 0);
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, cancellationToken) =>
        {
            using var response = await client.PostAsync("api/v1/events", new StringContent(batch, Encoding.UTF8, "application/json"),
                cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}\n{collector.Output}");
            var answer = JsonNode.Parse(body)!;
            Interlocked.Add(ref accepted, (int)answer["accepted"]!);
            Interlocked.Add(ref duplicates, (int)answer["duplicates"]!);
        });
        return (accepted, duplicates);
    }

    private static async Task<JsonObject> SnapshotAsync(CollectorProcess collector, SimulatedPilot pilot)
    {
        using var client = collector.CreateClient();
        using var response = await client.PostAsJsonAsync("api/v1/snapshots",
            new { pilot = SimulatedPilot.Pilot, from = pilot.From.ToString("O"), to = pilot.To.ToString("O") });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The snapshot's JSON without what differs between any two snapshots (id, creation time).</summary>
    private static string WithoutIdentity(JsonObject snapshot)
    {
        var copy = snapshot.DeepClone().AsObject();
        copy.Remove("id");
        copy.Remove("createdAt");
        return copy.ToJsonString();
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
