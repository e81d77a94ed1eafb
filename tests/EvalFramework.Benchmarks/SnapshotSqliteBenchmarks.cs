using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EvalFramework.Collector.Snapshots;
using EvalFramework.Collector.Storage;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EvalFramework.Benchmarks;

// BenchmarkDotNet v0.14.0, Debian GNU/Linux 12 (bookworm), AMD EPYC, 1 CPU, 2 logical and 2 physical cores
// .NET SDK 10.0.401, .NET 10.0.12, X64 RyuJIT AVX2; IterationCount=3 LaunchCount=1 RunStrategy=Monitoring WarmupCount=1
// Measured on a shared machine (load average 8-10 on its 2 cores from other builds and test runs during the
// run): absolute times are pessimistic and noisy (see StdDev). Allocated is per operation.
//
// | Method                 | Cases   | Mean    | Error   | StdDev  | Gen0       | Gen1      | Gen2      | Allocated |
// |----------------------- |-------- |--------:|--------:|--------:|-----------:|----------:|----------:|----------:|
// | ReadAndComputeSnapshot | 1000000 | 17.85 s | 26.54 s | 1.455 s | 31000.0000 | 3000.0000 | 2000.0000 | 495.92 MB |
//
// Not at the engine's 1 s: reading 19 columns per case plus one JSON-extracted effort event per case through
// Microsoft.Data.Sqlite dominates (an earlier plan that sorted cases and grouped effort events took 42 s; the
// read now streams in index order without sorts). Next steps if needed: read fewer columns as strings (GetString
// allocates per call), keep effort by role in a table maintained at ingest instead of json_extract at read time.

/// <summary>
/// A whole snapshot from SQLite: the period's cases streamed in case-id order, merged with their effort by role
/// (aggregated from the human.effort events' JSON) and AI usage, then computed. One human.effort event per case.
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

    [Params(1_000_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _config = SyntheticCases.Config();
        _directory = Path.Combine(Path.GetTempPath(), "evalfw-bench", Guid.NewGuid().ToString("N"));
        _database = new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = Path.Combine(_directory, "snapshot.db") }));
        var cases = new SyntheticCases(Cases);
        using var connection = _database.Open();
        Migrations.Apply(connection);
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
            SnapshotDataReader.Read(connection, engine, "demo", SyntheticCases.From.ToUnixTimeMilliseconds(),
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
