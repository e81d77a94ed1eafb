using System.Globalization;
using EvalFramework.Collector.Snapshots;
using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// The snapshot read's pipeline over many chunks of records, in case id order whatever the storage order, and its
/// failures: one suite, run on SQLite and on PostgreSQL (<see cref="StorageSuites"/>).
/// </summary>
public abstract class SnapshotDataReaderTests
{
    private static readonly DateTimeOffset From = new(2025, 2, 3, 0, 0, 0, TimeSpan.Zero);
    private readonly ICollectorDatabase _database;

    private protected SnapshotDataReaderTests(ICollectorDatabase database)
    {
        _database = database;
        _database.Migrate();
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
            Outcome = i % 10 == 0 ? null : CaseOutcomes.All[i % 4],
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
        insert.CommandText = "INSERT INTO case_records (pilot, case_id, started_ms, record) VALUES ('demo', @id, @started, @record)";
        var (id, started, record) = (Parameter(insert, "@id"), Parameter(insert, "@started"), Parameter(insert, "@record"));
        foreach (var r in records)
        {
            (id.Value, started.Value, record.Value) = (r.CaseId, r.StartedMs, r.Record);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private void Read(SnapshotEngine engine, CancellationToken cancellationToken) =>
        _database.ReadSnapshotData(new SnapshotEngineSink(engine), "demo", From.ToUnixTimeMilliseconds(), From.AddDays(14).ToUnixTimeMilliseconds(), cancellationToken);

    private SnapshotEngine Engine() =>
        new(new SnapshotRequest("snap-reader", "demo", From, From.AddDays(14), From.AddDays(15), null));

    [StorageFact]
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
        Read(engine, CancellationToken.None);

        Assert.Equal(expected.ComputeJson(), engine.ComputeJson());
    }

    [StorageFact]
    public void Read_CaseIdsWhoseByteOrderIsNotAlphabetical_InByteOrderAsTheDataHashReadsThem()
    {
        // Upper and lower case, '-' and '_', and Swedish letters: a linguistic collation (sv-SE, as .ci/postgres makes
        // the server's default) orders these unlike UTF-8 bytes; the store must give byte order, or the hash changes.
        string[] stems = ["Case", "case", "CASE", "case_", "case-", "Åsa", "åsa", "Ösa", "zeta", "Zeta"];
        var rows = Enumerable.Range(0, 400).Select(i =>
        {
            var row = Row(i);
            row.CaseId = stems[i % stems.Length] + "-" + (i / stems.Length).ToString(CultureInfo.InvariantCulture);
            return row;
        }).ToList();
        Store(rows.Select(r => (r.CaseId, r.StartedMs, CaseRecordCodec.Encode(r))));
        using var expected = Engine();
        foreach (var row in rows.OrderBy(r => r.CaseId, Comparer<string>.Create(CaseRecordMerge.Utf8Order)))
        {
            expected.AddCase(row);
        }

        using var engine = Engine();
        Read(engine, CancellationToken.None);

        Assert.Equal(expected.ComputeJson(), engine.ComputeJson());
    }

    [StorageFact]
    public async Task Read_CorruptRecordAmongMany_ThrowsTheFormatErrorAndEnds()
    {
        var rows = Enumerable.Range(0, 9_000).Select(Row).ToList();
        Store(rows.Select((r, i) => (r.CaseId, r.StartedMs, i == 8_500 ? [(byte)'C', 1, 2] : CaseRecordCodec.Encode(r))));
        using var engine = Engine();

        var read = Task.Run(() => Read(engine, CancellationToken.None));

        var error = await Assert.ThrowsAsync<FormatException>(() => read.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("case record", error.Message, StringComparison.Ordinal);
    }

    [StorageFact]
    public void Read_Cancelled_ThrowsOperationCanceled()
    {
        Store(Enumerable.Range(0, 2_000).Select(Row).Select(r => (r.CaseId, r.StartedMs, CaseRecordCodec.Encode(r))));
        using var engine = Engine();

        Assert.ThrowsAny<OperationCanceledException>(() => Read(engine, new CancellationToken(canceled: true)));
    }
}
