using System.Text.Json.Nodes;
using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Sqlite;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Evaluation.Snapshots;
using Microsoft.Data.Sqlite;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// The writer keeps each case's record (what snapshots read and hash) equal to the record built afresh from the
/// case row, the effort events and the AI usage rows, whatever the order and batching of the events.
/// </summary>
public sealed class CaseRecordTests : IClassFixture<CollectorFactory>
{
    private readonly CollectorFactory _collector;

    public CaseRecordTests(CollectorFactory collector) => _collector = collector;

    private async Task PostInRandomBatchesAsync(Random random, List<JsonObject> events)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        for (var at = 0; at < events.Count;)
        {
            var size = Math.Min(random.Next(1, 12), events.Count - at);
            var response = await client.PostAsync([.. events.Skip(at).Take(size)]);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            at += size;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_collector.DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Every case of the prefix: (case id, stored record, record rebuilt from the source tables).</summary>
    private List<(string CaseId, byte[]? Stored, byte[] Rebuilt)> Records(string prefix)
    {
        using var connection = Open();
        using var source = new CaseRecordSource(connection, null);
        using var select = connection.CreateCommand();
        select.CommandText = $"""
            SELECT case_id, (SELECT record FROM case_records r WHERE r.pilot = c.pilot AND r.case_id = c.case_id),
                   {CaseRecordRow.Columns}
            FROM cases c
            WHERE pilot = $pilot AND case_id LIKE $prefix || '%'
            ORDER BY case_id
            """;
        select.Parameters.AddWithValue("$pilot", CollectorFactory.PilotA);
        select.Parameters.AddWithValue("$prefix", prefix);
        var result = new List<(string, byte[]?, byte[])>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var row = new CaseRow();
            var caseId = reader.GetString(0);
            CaseRecordRow.Read(reader, caseId, row, offset: 2);
            source.Load(CollectorFactory.PilotA, caseId, row);
            result.Add((caseId, reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1), CaseRecordCodec.Encode(row)));
        }

        return result;
    }

    [Fact]
    public async Task StoredRecord_EventsShuffledInRandomBatches_EqualsRecordRebuiltFromSourceTables()
    {
        var random = new Random(20250301);
        var prefix = "rec-" + Token(6) + "-";
        await PostInRandomBatchesAsync(random, RandomCases.Events(random, prefix, 60));

        var records = Records(prefix);

        Assert.Equal(60, records.Count);
        Assert.All(records, r => Assert.Equal(r.Rebuilt, r.Stored));
        var rows = records.Select(r =>
        {
            var row = new CaseRow();
            CaseRecordCodec.Read(r.Stored, row, new Utf8StringCache(), withCaseId: true);
            return row;
        }).ToList();
        Assert.Contains(rows, r => r.EffortByRole.Count >= 2);
        Assert.Contains(rows, r => r.AiUsage.Count >= 2 && r.AiUsage.Any(u => u.CostSek > 0));
        Assert.All(rows, r => Assert.True(r.CompletedMs is not null && r.CaseType.Length > 0));
    }

    [Fact]
    public async Task StoredRecord_CaseEventsBeforeItsStart_RecordHasNoStartUntilTheStartArrives()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var id = "rec-late-" + Token(6);
        await client.PostAsync(Effort(id, 120, "handler"), AiUsage(id));

        Assert.True(_collector.Scalar("SELECT started_ms FROM case_records WHERE case_id = @c", ("@c", id)) is DBNull);

        await client.PostAsync(Started(id), Effort(id, 30, "handler"));

        Assert.IsType<long>(_collector.Scalar("SELECT started_ms FROM case_records WHERE case_id = @c", ("@c", id)));
        var record = Assert.Single(Records(id));
        Assert.Equal(record.Rebuilt, record.Stored);
    }

    [Fact]
    public async Task WriteCases_StoredRecordMissing_RebuiltFromSourceTables()
    {
        var random = new Random(7);
        var prefix = "rec-miss-" + Token(6) + "-";
        await PostInRandomBatchesAsync(random, RandomCases.Events(random, prefix, 3));
        using (var connection = Open())
        using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM case_records WHERE case_id LIKE $p || '%'";
            delete.Parameters.AddWithValue("$p", prefix);
            Assert.Equal(3, delete.ExecuteNonQuery());
        }

        using var client = _collector.ClientWith(_collector.WriterKey);
        await client.PostAsync(Effort(prefix + "0", 45, "handler"), AiUsage(prefix + "1", "gpt-4o-mini"));

        var records = Records(prefix);
        Assert.Equal(records[0].Rebuilt, records[0].Stored);
        Assert.Equal(records[1].Rebuilt, records[1].Stored);
        Assert.Null(records[2].Stored);
    }

    [Fact]
    public async Task Backfill_RecordsDeleted_RebuildsTheSameBytes()
    {
        var random = new Random(11);
        var prefix = "rec-fill-" + Token(6) + "-";
        await PostInRandomBatchesAsync(random, RandomCases.Events(random, prefix, 20));
        var before = Records(prefix);

        using (var connection = Open())
        {
            using var transaction = connection.BeginTransaction();
            using (var delete = connection.CreateCommand())
            {
                delete.Transaction = transaction;
                delete.CommandText = "DELETE FROM case_records WHERE case_id LIKE $p || '%'";
                delete.Parameters.AddWithValue("$p", prefix);
                delete.ExecuteNonQuery();
            }

            CaseRecordBackfill.Run(connection, transaction);
            transaction.Commit();
        }

        var after = Records(prefix);
        Assert.Equal(20, after.Count);
        Assert.Equal(before.Select(r => r.Stored), after.Select(r => r.Stored));
    }
}
