using System.Globalization;
using EvalFramework.Collector.Snapshots;
using EvalFramework.Collector.Storage;
using EvalFramework.Evaluation.Snapshots;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Tests;

/// <summary>The snapshot read's pipeline over many chunks of records, and its failures.</summary>
public sealed class SnapshotDataReaderTests : IDisposable
{
    private static readonly DateTimeOffset From = new(2025, 2, 3, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "evalfw-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;

    public SnapshotDataReaderTests()
    {
        _database = new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = Path.Combine(_directory, "reader.db") }));
        using var connection = _database.Open();
        Migrations.Apply(connection);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static CaseRow Row(int i)
    {
        var row = new CaseRow
        {
            CaseId = "c" + i.ToString("D6", CultureInfo.InvariantCulture),
            CaseType = i % 3 == 0 ? "direct-procurement-advice" : "building-permit-question",
            Arm = i % 2 == 0 ? "manual" : "ai_assisted",
            StartedMs = From.AddMinutes(i % 10_000).ToUnixTimeMilliseconds(),
            CompletedMs = i % 10 == 0 ? null : From.AddMinutes(i % 10_000).ToUnixTimeMilliseconds() + (1000L * (60 + (i % 997))),
            EffortSeconds = 30 + (i % 101),
            Reviews = i % 4 == 0 ? 1 : 0,
            ReviewsIncorrect = i % 16 == 0 ? 1 : 0,
        };
        row.EffortByRole.Add(new RoleEffort("handlaggare", row.EffortSeconds));
        if (i % 2 == 1)
        {
            row.AiUsage.Add(new ModelUsage("mistral-small-3.1", 1000 + i, 100 + (i % 50), 0, 0, 0));
        }

        return row;
    }

    private void Store(IEnumerable<(string CaseId, long StartedMs, byte[] Record)> records)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO case_records (pilot, case_id, started_ms, record) VALUES ('demo', $id, $started, $record)";
        var id = insert.Parameters.Add("@id", SqliteType.Text);
        var started = insert.Parameters.Add("$started", SqliteType.Integer);
        var record = insert.Parameters.Add("$record", SqliteType.Blob);
        foreach (var r in records)
        {
            (id.Value, started.Value, record.Value) = (r.CaseId, r.StartedMs, r.Record);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private SnapshotEngine Engine() =>
        new(new SnapshotRequest("snap-reader", "demo", From, From.AddDays(14), From.AddDays(15), null));

    [Fact]
    public void Read_RecordsOverManyChunks_SameSnapshotAsTheRowsInOrder()
    {
        // ~20,000 records of ~200 bytes: several 1 MiB chunks through the pipeline, stored in reverse order.
        var rows = Enumerable.Range(0, 20_000).Select(Row).ToList();
        Store(rows.AsEnumerable().Reverse().Select(r => (r.CaseId, r.StartedMs, CaseRecordCodec.Encode(r))));
        using var expected = Engine();
        foreach (var row in rows)
        {
            expected.AddCase(row);
        }

        using var engine = Engine();
        using (var connection = _database.Open())
        {
            SnapshotDataReader.Read(connection, engine, "demo", From.ToUnixTimeMilliseconds(), From.AddDays(14).ToUnixTimeMilliseconds(),
                CancellationToken.None);
        }

        Assert.Equal(expected.ComputeJson(), engine.ComputeJson());
    }

    [Fact]
    public async Task Read_CorruptRecordAmongMany_ThrowsTheFormatErrorAndEnds()
    {
        var rows = Enumerable.Range(0, 9_000).Select(Row).ToList();
        Store(rows.Select((r, i) => (r.CaseId, r.StartedMs, i == 8_500 ? [(byte)'C', 1, 2] : CaseRecordCodec.Encode(r))));
        using var engine = Engine();
        using var connection = _database.Open();

        var read = Task.Run(() => SnapshotDataReader.Read(connection, engine, "demo", From.ToUnixTimeMilliseconds(),
            From.AddDays(14).ToUnixTimeMilliseconds(), CancellationToken.None));

        var error = await Assert.ThrowsAsync<FormatException>(() => read.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("case record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Cancelled_ThrowsOperationCanceled()
    {
        Store(Enumerable.Range(0, 2_000).Select(Row).Select(r => (r.CaseId, r.StartedMs, CaseRecordCodec.Encode(r))));
        using var engine = Engine();
        using var connection = _database.Open();

        Assert.ThrowsAny<OperationCanceledException>(() => SnapshotDataReader.Read(connection, engine, "demo",
            From.ToUnixTimeMilliseconds(), From.AddDays(14).ToUnixTimeMilliseconds(), new CancellationToken(canceled: true)));
    }
}
