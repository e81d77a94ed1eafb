using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EvalFramework.Collector.Snapshots;
using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Sqlite;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EvalFramework.Benchmarks;

// BenchmarkDotNet v0.14.0, Debian GNU/Linux 12 (bookworm), AMD EPYC, 1 CPU, 2 logical and 2 physical cores
// .NET SDK 10.0.401, .NET 10.0.12, X64 RyuJIT AVX2; IterationCount=3 LaunchCount=1 RunStrategy=Monitoring WarmupCount=1
// Quiet machine (load average below 1). Allocated is per operation.
//
// | Method                 | Cases    | Mean       | Error      | StdDev    | Gen0      | Gen1      | Gen2      | Allocated |
// |----------------------- |--------- |-----------:|-----------:|----------:|----------:|----------:|----------:|----------:|
// | ReadAndComputeSnapshot | 1000000  |   810.1 ms |   715.4 ms |  39.22 ms | 2000.0000 | 2000.0000 | 2000.0000 |  21.03 MB |
// | ReadAndComputeSnapshot | 10000000 | 8,122.6 ms | 4,962.9 ms | 272.03 ms | 3000.0000 | 3000.0000 | 3000.0000 |  148.4 MB |
//
// Medians of the iterations: 1M 0.82 s (0.77-0.84), 10M 7.97 s (7.96-8.44). Targets <= 1 s and <= 10 s with
// <= 1 GiB: met. Before the case records (19 columns per case plus a JSON-extracted effort event, one thread):
// 1M took 13.6-17.9 s and allocated 336-496 MB. Under a load average of 8-10 from other work the same code took
// 1.5-2.6 s for 1M and 8.1-12.8 s for 10M.

/// <summary>
/// A whole snapshot from SQLite: the period's stored case records streamed in case-id order (SQLite on one thread,
/// decoding, hashing and the metrics on a second), then computed. The file holds the case rows and their records
/// as the writer leaves them; the events are not read by a snapshot and are left out of the setup.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SnapshotSqliteBenchmarks
{
    private const string InsertCase = """
        INSERT INTO cases (pilot, case_id, case_type, arm, started_ms, completed_ms, outcome, effort_seconds, effort_events,
            ai_calls, ai_input_tokens, ai_output_tokens, ai_duration_ms, escalations, reviews, reviews_incorrect,
            reviews_consistency_set, reviews_consistent, integration_failures, csat_count, csat_sum, nps_count, nps_promoters,
            nps_detractors, updated_ms)
        VALUES ('demo', $id, $type, $arm, $started, $completed, 'resolved', $effort, 1, $calls, $in, $out, $dur, $esc, $rev,
            $inc, $rev, $cons, $int, $csat, $csatSum, $csat, $prom, $det, 0)
        """;

    private const string InsertRecord = """
        INSERT INTO case_records (pilot, case_id, started_ms, record) VALUES ('demo', $id, $started, $record)
        """;

    private SqliteDatabase _database = null!;
    private EvaluationConfig _config = null!;
    private string _directory = null!;

    [Params(1_000_000, 10_000_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _config = SyntheticCases.Config();
        _directory = Path.Combine(Path.GetTempPath(), "evalfw-bench", Guid.NewGuid().ToString("N"));
        _database = new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = Path.Combine(_directory, "snapshot.db") }));
        var cases = new SyntheticCases(Cases);
        using var connection = _database.Open();
        SqliteMigrations.Apply(connection);
        using var transaction = connection.BeginTransaction();
        using var insertCase = Prepare(connection, transaction, InsertCase, "$id", "$type", "$arm", "$started", "$completed", "$effort", "$calls",
            "$in", "$out", "$dur", "$esc", "$rev", "$inc", "$cons", "$int", "$csat", "$csatSum", "$prom", "$det");
        using var insertRecord = Prepare(connection, transaction, InsertRecord, "$id", "$started", "$record");
        var row = new CaseRow();
        for (var i = 0; i < cases.Count; i++)
        {
            cases.Fill(i, row);
            var usage = row.AiUsage.Count > 0 ? row.AiUsage[0] : default;
            Run(insertCase, row.CaseId, row.CaseType, row.Arm, row.StartedMs, (object?)row.CompletedMs ?? DBNull.Value, row.EffortSeconds,
                row.AiUsage.Count, usage.InputTokens, usage.OutputTokens, row.AiDurationMs, row.Escalations, row.Reviews,
                row.ReviewsIncorrect, row.ReviewsConsistent, row.IntegrationFailures, row.CsatCount, row.CsatSum, row.NpsPromoters,
                row.NpsDetractors);
            Run(insertRecord, row.CaseId, row.StartedMs, CaseRecordCodec.Encode(row));
        }

        transaction.Commit();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public int ReadAndComputeSnapshot()
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("bench", "demo", SyntheticCases.From, SyntheticCases.To,
            SyntheticCases.To, _config));
        using (var connection = _database.Open())
        {
            SqliteSnapshotReader.Read(connection, new SnapshotEngineSink(engine), "demo", SyntheticCases.From.ToUnixTimeMilliseconds(),
                SyntheticCases.To.ToUnixTimeMilliseconds(), CancellationToken.None);
        }

        return engine.ComputeJson().Length;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
