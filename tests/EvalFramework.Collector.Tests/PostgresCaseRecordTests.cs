using System.Text.Json.Nodes;
using EvalFramework.Collector.Storage.Postgres;
using EvalFramework.Collector.Tests.Infrastructure;
using Npgsql;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// PostgreSQL's writer keeps the same case records as SQLite's, byte for byte, for the same events in the same batches
/// (SQLite's are checked against records rebuilt from its source tables in <see cref="CaseRecordTests"/>), including a
/// record rebuilt because it could not be found.
/// </summary>
public sealed class PostgresCaseRecordTests(CollectorFactory sqlite, PostgresCollectorFactory postgres)
    : IClassFixture<CollectorFactory>, IClassFixture<PostgresCollectorFactory>, IRunsOnPostgres
{
    [StorageFact]
    public async Task StoredRecords_SameEventsInSameBatches_SameBytesAsSqlite()
    {
        var prefix = "pg-rec-" + Token(6) + "-";
        var events = RandomCases.Events(new Random(20251202), prefix, 60);

        await PostToBothAsync(new Random(5), events);

        var onSqlite = Records(sqlite, prefix);
        Assert.Equal(60, onSqlite.Count);
        Assert.Equal(onSqlite, Records(postgres, prefix));
    }

    [StorageFact]
    public async Task StoredRecordMissing_RebuiltFromSourceTables_SameBytesAsSqlite()
    {
        var prefix = "pg-miss-" + Token(6) + "-";
        await PostToBothAsync(new Random(8), RandomCases.Events(new Random(3), prefix, 3));
        foreach (var collector in new CollectorFactory[] { sqlite, postgres })
        {
            Assert.Equal(3L, collector.Scalar("SELECT COUNT(*) FROM case_records WHERE case_id LIKE @p", ("@p", prefix + "%")));
            using var connection = collector.OpenStore();
            using var delete = connection.Command("DELETE FROM case_records WHERE case_id LIKE @p", ("@p", prefix + "%"));
            Assert.Equal(3, delete.ExecuteNonQuery());
        }

        await PostToBothAsync(new Random(9), [Effort(prefix + "0", 45, "handler"), AiUsage(prefix + "1", "gpt-4o-mini")]);

        var onPostgres = Records(postgres, prefix);
        Assert.Equal(2, onPostgres.Count);
        Assert.Equal(Records(sqlite, prefix), onPostgres);
    }

    [StorageFact]
    public async Task Backfill_InChunksSmallerThanTheCases_RebuildsTheSameBytes()
    {
        var prefix = "pg-fill-" + Token(6) + "-";
        await PostToBothAsync(new Random(12), RandomCases.Events(new Random(13), prefix, 7));
        var before = Records(postgres, prefix);

        using (var connection = (NpgsqlConnection)postgres.OpenStore())
        {
            using var transaction = connection.BeginTransaction();
            using (var delete = new NpgsqlCommand("DELETE FROM case_records", connection, transaction))
            {
                Assert.True(delete.ExecuteNonQuery() >= 7);
            }

            // Keyset pages of 3 over every case of the database (this class's others too): each page's last key starts the next.
            PostgresCaseRecordBackfill.Run(connection, transaction, chunkSize: 3);
            transaction.Commit();
        }

        Assert.Equal(7, before.Count);
        Assert.Equal(before, Records(postgres, prefix));
        Assert.Equal(postgres.Scalar("SELECT COUNT(*) FROM cases"), postgres.Scalar("SELECT COUNT(*) FROM case_records"));
    }

    /// <summary>The same random batches, in the same order, to the SQLite collector and the PostgreSQL one.</summary>
    private async Task PostToBothAsync(Random random, List<JsonObject> events)
    {
        using var toSqlite = sqlite.ClientWith(sqlite.WriterKey);
        using var toPostgres = postgres.ClientWith(postgres.WriterKey);
        for (var at = 0; at < events.Count;)
        {
            var size = Math.Min(random.Next(1, 12), events.Count - at);
            foreach (var client in new[] { toSqlite, toPostgres })
            {
                var response = await client.PostAsync([.. events.Skip(at).Take(size).Select(e => e.DeepClone())]);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }

            at += size;
        }
    }

    /// <summary>The records of the prefix's cases in case id order, with their start.</summary>
    private static List<string> Records(CollectorFactory collector, string prefix)
    {
        using var connection = collector.OpenStore();
        using var select = connection.Command(
            "SELECT case_id, started_ms, record FROM case_records WHERE case_id LIKE @p ORDER BY case_id", ("@p", prefix + "%"));
        using var reader = select.ExecuteReader();
        var records = new List<string>();
        while (reader.Read())
        {
            records.Add($"{reader.GetString(0)}|{reader.GetValue(1)}|{Convert.ToHexString((byte[])reader.GetValue(2))}");
        }

        return records;
    }
}
