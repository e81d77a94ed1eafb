using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Benchmarks;

// BenchmarkDotNet v0.14.0, Debian GNU/Linux 12 (bookworm), AMD EPYC, 1 CPU, 2 logical and 2 physical cores
// .NET SDK 10.0.401, .NET 10.0.12, X64 RyuJIT AVX2; IterationCount=3 LaunchCount=1 RunStrategy=Monitoring WarmupCount=1
// Measured on a shared machine (load average 8-10 on its 2 cores from other builds and test runs during the
// run): absolute times are pessimistic and noisy (see StdDev); the same code measured 0.6-1.3 s for 1M cases
// across runs. Allocated is per operation; the live set is one double per completed case plus small totals.
//
// | Method          | Cases    | Mean       | Error      | StdDev   | Allocated |
// |---------------- |--------- |-----------:|-----------:|---------:|----------:|
// | ComputeSnapshot | 1000000  |   826.5 ms | 2,101.2 ms | 115.2 ms |  16.58 MB |
// | ComputeSnapshot | 10000000 | 6,525.8 ms | 8,518.3 ms | 466.9 ms | 143.95 MB |
//
// Targets: 1M cases <= 1 s, 10M <= 10 s with <= 1 GiB: met (engine: streaming, data hash, metrics, bootstrap, JSON).

/// <summary>
/// The snapshot engine alone over synthetic cases (two arms, three case types, with costs, energy, surveys,
/// reviews): streaming every case in, the data hash, all metrics, comparisons with the median bootstrap, JSON out.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SnapshotEngineBenchmarks
{
    private SyntheticCases _cases = null!;
    private EvaluationConfig _config = null!;

    [Params(1_000_000, 10_000_000)]
    public int Cases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cases = new SyntheticCases(Cases);
        _config = SyntheticCases.Config();
    }

    [Benchmark]
    public int ComputeSnapshot()
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("bench", "demo", SyntheticCases.From, SyntheticCases.To,
            SyntheticCases.To, _config));
        var row = new CaseRow();
        for (var i = 0; i < _cases.Count; i++)
        {
            _cases.Fill(i, row);
            engine.AddCase(row);
        }

        return engine.ComputeJson().Length;
    }
}
