using System.Net;
using EvalFramework.Collector.Tests.Infrastructure;
using Npgsql;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// The collector on PostgreSQL when the database goes away: a writer connection the server ends (a restart, a
/// failover) is replaced without the client noticing, a read on an ended pooled connection gets 503 with Retry-After
/// once; while the database refuses connections, requests get 503 with Retry-After and nothing of them is stored;
/// when it is back, a retry stores each event once.
/// </summary>
public sealed class PostgresOutageTests(PostgresCollectorFactory collector) : IClassFixture<PostgresCollectorFactory>, IRunsOnPostgres
{
    [StorageFact]
    public async Task PostEvents_ServerEndsTheWritersConnection_NextRequestStoredOnANewOne()
    {
        using var client = collector.ClientWith(collector.WriterKey);
        var first = NewCase();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Started(first), Effort(first, 60))).StatusCode);
        var before = collector.Count("events");

        using (await client.GetAsync($"/api/v1/cases?pilot={CollectorFactory.PilotA}"))
        {
            // a read leaves a pooled connection, which the server ends below too
        }

        Assert.True(EndSessions() > 0, "the collector had no open connection");

        // A read on an ended pooled connection: 503 with Retry-After (not 500), and the pool is renewed for the retry.
        using (var stale = await client.GetAsync($"/api/v1/cases?pilot={CollectorFactory.PilotA}"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, stale.StatusCode);
            Assert.True(stale.Headers.RetryAfter is not null, "503 without Retry-After");
        }

        using (var retried = await client.GetAsync($"/api/v1/cases?pilot={CollectorFactory.PilotA}"))
        {
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        }

        var second = NewCase();
        using var response = await client.PostAsync(Started(second), Effort(second, 90), Completed(second));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.ReadObjectAsync())["accepted"]!.GetValue<int>());
        Assert.Equal(before + 3, collector.Count("events"));
        Assert.Equal(90.0, collector.Scalar("SELECT effort_seconds FROM cases WHERE case_id = @c", ("@c", second)));
    }

    [StorageFact]
    public async Task PostEvents_DatabaseRefusesConnections_503UntilItIsBackThenStoredOnce()
    {
        using var client = collector.ClientWith(collector.WriterKey);
        var id = NewCase();
        var batch = new[] { Started(id), Effort(id, 45), Effort(id, 30), Completed(id) };
        var before = collector.Count("events");

        AllowConnections(false);
        try
        {
            EndSessions();
            for (var attempt = 0; attempt < 2; attempt++)
            {
                using var refused = await client.PostAsync([.. batch.Select(e => e.DeepClone())]);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.True(refused.Headers.RetryAfter is not null, "503 without Retry-After");
            }

            using var notReady = await collector.CreateClient().GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            using var read = await client.GetAsync($"/api/v1/cases?pilot={CollectorFactory.PilotA}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        }
        finally
        {
            AllowConnections(true);
        }

        using var stored = await client.PostAsync([.. batch.Select(e => e.DeepClone())]);
        using var again = await client.PostAsync([.. batch.Select(e => e.DeepClone())]);

        Assert.Equal(4, (await stored.ReadObjectAsync())["accepted"]!.GetValue<int>());
        Assert.Equal(4, (await again.ReadObjectAsync())["duplicates"]!.GetValue<int>());
        Assert.Equal(before + 4, collector.Count("events"));
        Assert.Equal(75.0, collector.Scalar("SELECT effort_seconds FROM cases WHERE case_id = @c", ("@c", id)));
    }

    /// <summary>
    /// Ends every session on the collector's database, as the server does when it restarts, and returns how many of
    /// them were the collector's. It is done from another database of the server, so it works while the collector's
    /// refuses connections; the test's own pool, whose sessions end too, is cleared.
    /// </summary>
    private long EndSessions()
    {
        using var server = TestPostgres.OpenServer();
        using var command = new NpgsqlCommand(
            """
            SELECT COUNT(*) FILTER (WHERE application_name = 'evalframework-collector') FROM (
                SELECT application_name, pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @database) AS ended
            """,
            server);
        command.Parameters.AddWithValue("database", Database);
        var ended = (long)command.ExecuteScalar()!;
        TestPostgres.ClearPool(collector.PostgresConnectionString);
        return ended;
    }

    /// <summary>Lets the database take new connections, or not (its owner may; from another database of the server).</summary>
    private void AllowConnections(bool allow)
    {
        using var server = TestPostgres.OpenServer();
        using var command = new NpgsqlCommand($"ALTER DATABASE \"{Database}\" WITH ALLOW_CONNECTIONS {(allow ? "true" : "false")}", server);
        command.ExecuteNonQuery();
    }

    private string Database => new NpgsqlConnectionStringBuilder(collector.PostgresConnectionString).Database!;

    private static string NewCase() => "outage-" + Guid.NewGuid().ToString("N");
}
