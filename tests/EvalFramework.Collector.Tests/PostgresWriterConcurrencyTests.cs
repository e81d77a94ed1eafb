using System.Text.Json;
using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Postgres;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Contract;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// Two writers (two replicas' worth) committing the same events and cases at the same moment in opposite orders: each
/// event is stored once, each case row has every event once, and the writers never deadlock, because both lock rows
/// in key order whatever order the events came in.
/// </summary>
public sealed class PostgresWriterConcurrencyTests : IRunsOnPostgres, IDisposable
{
    private const int Rounds = 12;
    private const int Cases = 30;
    private const int EffortsPerCase = 6;
    private readonly string _connectionString;
    private readonly PostgresDatabase _database;

    public PostgresWriterConcurrencyTests()
    {
        // No pooling: a closed connection ends its server session, which then publishes its statistics (deadlocks).
        _connectionString = new NpgsqlConnectionStringBuilder(TestPostgres.CreateDatabase()) { Pooling = false }.ConnectionString;
        _database = new PostgresDatabase(Options.Create(new StorageOptions { Provider = "postgres", ConnectionString = _connectionString }));
        _database.Migrate();
    }

    public void Dispose()
    {
        _database.Dispose();
        TestPostgres.DropDatabase(_connectionString);
    }

    [StorageFact]
    public async Task Commit_TwoWritersSameEventsOppositeOrders_EachStoredOnceNoDeadlock()
    {
        var (first, second) = (new bool[Rounds][], new bool[Rounds][]);
        using (var a = _database.OpenWriter())
        using (var b = _database.OpenWriter())
        {
            for (var round = 0; round < Rounds; round++)
            {
                var events = Efforts(round);
                var reversed = Enumerable.Reverse(events).ToList();
                using var start = new Barrier(2);
                var r = round;
                await Task.WhenAll(
                    Task.Run(() => { start.SignalAndWait(); first[r] = a.Commit([new WriteRequest(events, "a")], 1)[0]; }),
                    Task.Run(() => { start.SignalAndWait(); second[r] = b.Commit([new WriteRequest(reversed, "b")], 2)[0]; }));
            }
        }

        using var connection = _database.Open();
        for (var round = 0; round < Rounds; round++)
        {
            // Event i of the first writer is event (n - 1 - i) of the second: exactly one of them stored it.
            var n = first[round].Length;
            Assert.All(Enumerable.Range(0, n), i => Assert.True(first[round][i] ^ second[round][n - 1 - i], $"round {round}, event {i}"));
        }

        Assert.Equal((long)Rounds * Cases * EffortsPerCase, Scalar(connection, "SELECT COUNT(*) FROM events"));
        Assert.Equal((long)Rounds * Cases, Scalar(connection, $"SELECT COUNT(*) FROM cases WHERE effort_events = {EffortsPerCase} AND effort_seconds = {EffortsPerCase * 10}"));
        Assert.Equal(0L, await DeadlocksAsync(connection));
    }

    /// <summary>A round's events: efforts of 10 s for each of its cases, the cases interleaved.</summary>
    private static List<PendingEvent> Efforts(int round)
    {
        var events = new List<PendingEvent>();
        for (var i = 0; i < EffortsPerCase; i++)
        {
            for (var c = 0; c < Cases; c++)
            {
                var e = new WireEvent
                {
                    Id = $"r{round}-c{c}-e{i}", Type = EventTypes.HumanEffort, Time = DateTimeOffset.UnixEpoch.AddDays(20_000),
                    Pilot = CollectorFactory.PilotA, CaseId = $"r{round}-case-{c}", Role = "handler", Seconds = 10,
                };
                events.Add(new PendingEvent(e, JsonSerializer.Serialize(e, ContractJsonContext.Default.WireEvent)));
            }
        }

        return events;
    }

    /// <summary>Deadlocks the server counted in this database, once the writers' sessions have ended and reported them.</summary>
    private static async Task<long> DeadlocksAsync(NpgsqlConnection connection)
    {
        for (var wait = 0; wait < 20 && Scalar(connection, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()") > 1; wait++)
        {
            await Task.Delay(100);
        }

        return Scalar(connection, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
    }

    private static long Scalar(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
