// dotnet run -c Release --project tests/EvalFramework.Benchmarks -- --filter '*SdkRecord*' --job short
// BenchmarkDotNet 0.14.0, .NET 10.0.12, X64 RyuJIT AVX2, AMD EPYC (2 vCPU VM, shared), Concurrent Workstation GC
// ShortRun (3 iterations of 20,000 invocations; the queue is drained between iterations; no event dropped).
//
// | Method                     | SenderHeld | Mean     | Error       | StdDev    | Median   | Allocated |
// |--------------------------- |----------- |---------:|------------:|----------:|---------:|----------:|
// | RecordEffort               | False      | 743.6 ns | 6,433.86 ns | 352.66 ns | 844.7 ns |     351 B |
// | RecordAiUsage              | False      | 819.7 ns | 4,165.20 ns | 228.31 ns | 797.0 ns |     351 B |
// | DroppedCounterWithListener | False      | 147.9 ns |    87.53 ns |   4.80 ns | 149.2 ns |         - |
// | RecordEffort               | True       | 593.0 ns | 4,487.55 ns | 245.98 ns | 646.2 ns |     363 B |
// | RecordAiUsage              | True       | 676.8 ns | 6,765.29 ns | 370.83 ns | 530.2 ns |     365 B |
// | DroppedCounterWithListener | True       | 140.3 ns |   106.44 ns |   5.83 ns | 137.2 ns |         - |
// (Event ids are now made by the background sender: ~100 B less per event on the caller's thread.)
//
// Reading: the counter path allocates nothing (0 B) with a listener attached. Recording costs ~0.5-0.85 µs per event
// here (medians); the error bars are wider than the differences, and on this VM even one Counter.Add with a listener
// takes ~0.15 µs, so the 500 ns goal is not met on this machine. "Allocated" is process-wide: the ~300 B WireEvent
// dominates. When ids were made with Guid.CreateVersion7() on the caller's thread (one getrandom system call, ~1.1 µs
// here) the same benchmark measured ~3 µs per event.

using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using EvalFramework.Telemetry;

namespace EvalFramework.Benchmarks;

/// <summary>
/// What recording costs the caller's thread: building the event and queueing it (the background sender drains the
/// queue between iterations), and the SDK's counter path with a listener attached.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(InvocationsPerIteration)]
public class SdkRecordBenchmarks
{
    private const int InvocationsPerIteration = 20_000;
    private GatedOkHandler _handler = null!;
    private CaseTracker _tracker = null!;
    private TrackedCase _case = null!;
    private DefaultMeterFactory _meterFactory = null!;
    private EvalFrameworkSdkMetrics _metrics = null!;
    private MeterListener _listener = null!;
    private long _measured;

    /// <summary>Whether the sender is held at the collector during an iteration (true) or sends alongside (false).</summary>
    [Params(false, true)]
    public bool SenderHeld { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _handler = new GatedOkHandler();
        _tracker = CaseTracker.Create(
            new EvalFrameworkOptions
            {
                CollectorUri = new Uri("http://127.0.0.1:5080/"),
                ApiKey = "benchmark-key",
                Pilot = "demo",
                PseudonymKey = "benchmark-pseudonym-key",
                QueueCapacity = 2 * InvocationsPerIteration,
                MaxBatchSize = 1000,
            },
            handler: _handler);
        _case = _tracker.Case("benchmark-reference");

        _meterFactory = new DefaultMeterFactory();
        _metrics = new EvalFrameworkSdkMetrics(_meterFactory, () => 0, () => 0L);
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == _meterFactory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => _measured += value);
        _listener.Start();
    }

    [IterationSetup]
    public void HoldSender()
    {
        if (SenderHeld)
        {
            _handler.Close();
        }
    }

    [IterationCleanup]
    public void Drain()
    {
        _handler.OpenGate();
        _tracker.FlushAsync().Wait(TimeSpan.FromSeconds(30));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var statistics = _tracker.Statistics;
        Console.WriteLine($"// queued {statistics.Queued}, dropped {statistics.Dropped}, rejected {statistics.Rejected}, measured {_measured}");
        _case.Dispose();
        _tracker.Dispose();
        _listener.Dispose();
        _meterFactory.Dispose();
    }

    [Benchmark]
    public void RecordEffort() => _case.RecordEffort("case-handler", TimeSpan.FromSeconds(90));

    [Benchmark]
    public void RecordAiUsage() => _case.RecordAiUsage("gpt-4o-mini", 1200, 300, TimeSpan.FromMilliseconds(850));

    [Benchmark]
    public void DroppedCounterWithListener() => _metrics.EventsDropped(1, DropReasons.QueueFull);
}
