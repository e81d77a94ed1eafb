using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Benchmarks;

// RESULTS (pasted below after a run)

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
