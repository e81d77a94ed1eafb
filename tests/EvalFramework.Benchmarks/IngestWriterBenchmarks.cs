// dotnet run -c Release --project tests/EvalFramework.Benchmarks -- --filter '*IngestWriter*' --job short
// (the postgres case needs EVALFW_TEST_POSTGRES: eval "$(.ci/postgres start /tmp/evalfw-pg)")
// BenchmarkDotNet 0.14.0, .NET 10.0.12, 2 vCPU VM (shared), quiet machine. One operation = one stored event.
// | Method             | Mean     | Error    | StdDev   | Allocated |
// |------------------- |---------:|---------:|---------:|----------:|
// | WriteRequestsOf100 | 17.82 us | 65.93 us | 3.614 us |   3.14 KB |
// About 56,000 events/s through the single writer (WAL, synchronous=FULL, group commit).
// With the case records (the writer also rewrites each touched case's record: the upsert's RETURNING, a read of
// the stored record when an earlier transaction added effort or AI usage, one record upsert), measured against
// the code before them on the same quiet machine another day, three alternating short runs each (--inProcess):
// before 30.7 / 35.1 / 36.3 us, after 43.4 / 35.0 / 37.6 us per event: medians 35.1 vs 37.6 us, about 7 % more.
//
// Both providers (Provider param; PostgreSQL 15 from Debian with its default settings, synchronous_commit on, on the
// same 2 vCPUs over loopback, started by .ci/postgres), two short runs on a machine with a load average of 2-3:
// | Method             | Provider | Mean     | Error    | StdDev   | Median   | Allocated |
// |------------------- |--------- |---------:|---------:|---------:|---------:|----------:|
// | WriteRequestsOf100 | postgres | 42.89 us | 86.35 us | 4.733 us | 45.38 us |   1.79 KB |
// | WriteRequestsOf100 | sqlite   | 27.05 us | 66.16 us | 3.626 us | 25.01 us |   3.39 KB |
// second run: medians postgres 44.41 us, sqlite 22.98 us (an earlier run without the median column: means 36.8 / 16.5 us).
// After the array statements insert in explicit array order (WITH ORDINALITY ... ORDER BY): medians postgres 40.56 us,
// sqlite 20.03 us (load average 2-2.7).
// PostgreSQL takes about twice SQLite's time per event (1.8-2.2x): about 22,000-27,000 events/s through one replica's
// writer, where the database server shares the two cores with the writer.

using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Sqlite;
using EvalFramework.Collector.Storage.Postgres;
using EvalFramework.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EvalFramework.Benchmarks;

/// <summary>The storage half of ingest alone: the single writer committing 100-event requests durably. One operation = one event.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class IngestWriterBenchmarks
{
    private const int Requests = 100;
    private const int BatchSize = 100;

    private IngestWriter _writer = null!;
    private BenchmarkStore _store = null!;
    private ICollectorDatabase _database = null!;
    private long _sequence;

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _store = new BenchmarkStore(Provider);
        var options = Options.Create(new ConfigurationBuilder().AddInMemoryCollection(_store.Settings!).Build()
            .GetSection(StorageOptions.SectionName).Get<StorageOptions>()!);
        _database = options.Value.IsPostgres ? new PostgresDatabase(options) : new SqliteDatabase(options);
        _database.Migrate();
        _writer = new IngestWriter(_database, TimeProvider.System, options, NullLogger<IngestWriter>.Instance);
        _writer.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        (_database as IDisposable)?.Dispose();
        _store.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Requests * BatchSize)]
    public async Task WriteRequestsOf100()
    {
        var writes = new Task[Requests];
        for (var r = 0; r < Requests; r++)
        {
            writes[r] = _writer.WriteAsync(NewRequest(), "bench", CancellationToken.None);
        }

        await Task.WhenAll(writes);
    }

    private List<PendingEvent> NewRequest()
    {
        var events = new List<PendingEvent>(BatchSize);
        var time = DateTimeOffset.UtcNow;
        for (var i = 0; i < BatchSize; i++)
        {
            var n = Interlocked.Increment(ref _sequence);
            var e = n % 2 == 0
                ? new WireEvent { Type = EventTypes.HumanEffort, Role = "handler", Seconds = 120 }
                : new WireEvent { Type = EventTypes.AiUsage, Model = "gpt-4o-mini", InputTokens = 1200, OutputTokens = 300, DurationMs = 1800 };
            e.Id = Guid.CreateVersion7().ToString();
            e.Time = time;
            e.Pilot = "bench";
            e.CaseId = "case-" + (n / 5);
            events.Add(new PendingEvent(e, JsonSerializer.Serialize(e, ContractJsonContext.Default.WireEvent)));
        }

        return events;
    }
}
