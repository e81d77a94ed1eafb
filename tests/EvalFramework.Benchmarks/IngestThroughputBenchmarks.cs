// dotnet run -c Release --project tests/EvalFramework.Benchmarks -- --filter '*IngestThroughput*' --job short
// (the postgres cases need EVALFW_TEST_POSTGRES: eval "$(.ci/postgres start /tmp/evalfw-pg)")
// BenchmarkDotNet 0.14.0, .NET 10.0.12, 2 vCPU VM (shared), quiet machine. One operation = one stored event.
// | Method           | Clients | Mean     | Error     | StdDev   | Allocated |
// |----------------- |-------- |---------:|----------:|---------:|----------:|
// | PostBatchesOf100 | 8       | 53.75 us |  76.51 us | 4.194 us |   4.69 KB |
// | PostBatchesOf100 | 32      | 51.87 us | 133.07 us | 7.294 us |   4.75 KB |
// (an earlier run of the 8-client case: 63.13 us.) About 16,000-19,000 durably committed events/s over loopback
// HTTP, client and server sharing the two cores; more clients do not help, so it is CPU-bound, not commit-bound.
//
// Both providers (PostgreSQL 15, Debian defaults, on the same 2 vCPUs over loopback), load average 2-3:
// | Method           | Provider | Clients | Mean     | Error     | StdDev   | Median   | Allocated |
// |----------------- |--------- |-------- |---------:|----------:|---------:|---------:|----------:|
// | PostBatchesOf100 | postgres | 8       | 65.74 us |  42.10 us | 2.308 us | 66.67 us |   3.42 KB |
// | PostBatchesOf100 | postgres | 32      | 75.15 us | 119.67 us | 6.559 us | 73.93 us |   3.36 KB |
// | PostBatchesOf100 | sqlite   | 8       | 43.86 us |  29.55 us | 1.620 us | 44.09 us |   4.95 KB |
// | PostBatchesOf100 | sqlite   | 32      | 59.59 us |  42.04 us | 2.304 us | 60.71 us |   4.95 KB |
// An earlier run (means): postgres 68.67 / 71.29 us, sqlite 47.38 / 48.00 us. PostgreSQL about 1.2-1.5x SQLite per
// event end to end: about 13,500-15,000 events/s for one replica whose database shares its two cores.

using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using EvalFramework.Collector.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace EvalFramework.Benchmarks;

/// <summary>
/// Collector ingest over loopback HTTP into a real SQLite file with durable commits (WAL, synchronous=FULL), or into
/// PostgreSQL on loopback (synchronous_commit on): 100-event batches from several concurrent clients. One operation =
/// one stored event.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class IngestThroughputBenchmarks
{
    private const int BatchSize = 100;
    private const int BatchesPerInvoke = 100;
    private const int EventsPerInvoke = BatchSize * BatchesPerInvoke;

    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;
    private BenchmarkStore _store = null!;

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [Params(8, 32)]
    public int Clients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new BenchmarkStore(Provider);
        var key = ApiKeyStore.NewKey();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (name, value) in _store.Settings)
            {
                b.UseSetting(name, value);
            }

            b.UseSetting("Evaluation:ConfigPath", _store.WriteFile("evaluation.yaml", BenchmarkBatches.EvaluationConfig));
            b.UseSetting("Auth:Keys:0:Name", "bench");
            b.UseSetting("Auth:Keys:0:Sha256", ApiKeyStore.HashKey(key));
            b.UseSetting("Auth:Keys:0:Pilots:0", "bench");
            b.UseSetting("Auth:Keys:0:Rights:0", "ingest");
            b.UseSetting("RateLimit:RequestsPerSecond", "1000000");
            b.UseSetting("RateLimit:Burst", "1000000");
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _factory.Dispose();
        _store.Dispose();
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public async Task PostBatchesOf100()
    {
        var next = -1;
        var workers = new Task[Clients];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) < BatchesPerInvoke)
                {
                    using var content = new ByteArrayContent(BenchmarkBatches.Next(BatchSize));
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    using var response = await _client.PostAsync("/api/v1/events", content);
                    response.EnsureSuccessStatusCode();
                }
            });
        }

        await Task.WhenAll(workers);
    }
}
