using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EvalFramework.Collector.Snapshots;
using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Postgres;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Testing;
using Microsoft.Extensions.Options;
using NpgsqlTypes;

namespace EvalFramework.Benchmarks;

// dotnet run -c Release --project tests/EvalFramework.Benchmarks -- --filter '*SnapshotPostgres*'
// (needs EVALFW_TEST_POSTGRES: eval "$(.ci/postgres start /tmp/evalfw-pg)")
// BenchmarkDotNet v0.14.0, Debian 12, 2 vCPUs; PostgreSQL 15 (Debian defaults) on the same machine over loopback;
// load average about 2.5. Allocated is per operation.
// | Method                 | Cases   | Mean     | Error      | StdDev    | Median   | Allocated |
// |----------------------- |-------- |---------:|-----------:|----------:|---------:|----------:|
// | ReadAndComputeSnapshot | 1000000 | 877.9 ms | 2,836.4 ms | 155.48 ms | 824.7 ms |  21.06 MB |
// (a second job in the same run: median 775.4 ms, 21.16 MB.) As from SQLite (0.82 s): the one-column read of the
// case records keeps a million-case snapshot under a second, with the server sharing the two cores.

/// <summary>
/// A whole snapshot from PostgreSQL (loopback, EVALFW_TEST_POSTGRES): the period's stored case records streamed in
/// case-id order through the same pipeline as SQLite's (<see cref="SnapshotSqliteBenchmarks"/>), then computed. The
/// database holds the records as the writers leave them, loaded by binary COPY; the events are not read by a
/// snapshot and are left out of the setup.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SnapshotPostgresBenchmarks
{
    private PostgresDatabase _database = null!;
    private EvaluationConfig _config = null!;
    private string _connectionString = null!;

    [Params(1_000_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _config = SyntheticCases.Config();
        _connectionString = TestPostgres.CreateDatabase();
        _database = new PostgresDatabase(Options.Create(new StorageOptions { Provider = "postgres", ConnectionString = _connectionString }));
        _database.Migrate();
        var cases = new SyntheticCases(Cases);
        using var connection = _database.Open();
        using (var import = connection.BeginBinaryImport("COPY case_records (pilot, case_id, started_ms, record) FROM STDIN (FORMAT BINARY)"))
        {
            var row = new CaseRow();
            for (var i = 0; i < cases.Count; i++)
            {
                cases.Fill(i, row);
                import.StartRow();
                import.Write("demo", NpgsqlDbType.Text);
                import.Write(row.CaseId, NpgsqlDbType.Text);
                import.Write(row.StartedMs, NpgsqlDbType.Bigint);
                import.Write(CaseRecordCodec.Encode(row), NpgsqlDbType.Bytea);
            }

            import.Complete();
        }

        using var analyze = connection.CreateCommand();
        analyze.CommandText = "VACUUM ANALYZE case_records";
        analyze.ExecuteNonQuery();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database.Dispose();
        TestPostgres.DropDatabase(_connectionString);
    }

    [Benchmark]
    public int ReadAndComputeSnapshot()
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("bench", "demo", SyntheticCases.From, SyntheticCases.To,
            SyntheticCases.To, _config));
        _database.ReadSnapshotData(new SnapshotEngineSink(engine), "demo", SyntheticCases.From.ToUnixTimeMilliseconds(), SyntheticCases.To.ToUnixTimeMilliseconds(),
            CancellationToken.None);
        return engine.ComputeJson().Length;
    }
}
