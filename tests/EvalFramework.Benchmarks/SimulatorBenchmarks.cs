using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using EvalFramework.Evaluation.Simulation;

namespace EvalFramework.Benchmarks;

// BenchmarkDotNet v0.14.0, Debian GNU/Linux 12 (bookworm), AMD EPYC, 1 CPU, 2 logical and 2 physical cores
// .NET SDK 10.0.401, .NET 10.0.12, X64 RyuJIT AVX2; IterationCount=3 LaunchCount=1 RunStrategy=Monitoring WarmupCount=1
// Measured on a shared machine (load average about 9 on its 2 cores from other builds and test runs).
//
// | Method        | Mean     | Error    | StdDev   | Gen0      | Allocated |
// |-------------- |---------:|---------:|---------:|----------:|----------:|
// | GenerateAYear | 222.6 ms | 666.2 ms | 36.52 ms | 1000.0000 |    7.7 MB |
//
// About 69,000 events in 0.22 s: some 300,000 events/s, fifty times what the collector stores through the SDK here.

/// <summary>
/// The pilot simulator alone: one year of the demo pilot (about 13,000 cases and 69,000 events with the default
/// effects), generated and counted, nothing sent. The generator must be far faster than the collector takes events,
/// so that <c>evalctl simulate --load</c> measures the collector.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SimulatorBenchmarks
{
    private static readonly SimulationSettings Year = new()
    {
        Pilot = SimulationPilot.Demo,
        Seed = 1,
        Start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Days = 365,
    };

    [Benchmark]
    public int GenerateAYear()
    {
        var count = 0;
        foreach (var _ in new PilotSimulator(Year).Events())
        {
            count++;
        }

        return count;
    }
}
