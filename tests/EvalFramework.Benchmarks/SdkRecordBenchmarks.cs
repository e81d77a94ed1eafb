// dotnet run -c Release --project tests/EvalFramework.Benchmarks -- --filter '*SdkRecord*' --job short
// BenchmarkDotNet 0.14.0, .NET 10.0.12, X64 RyuJIT AVX2, AMD EPYC (2 vCPU VM, shared), Concurrent Workstation GC
// ShortRun (3 iterations of 20,000 invocations; the queue is drained between iterations; no event dropped).
//
// | Method                     | SenderHeld | Mean      | Error       | StdDev    | Median    | Allocated |
// |--------------------------- |----------- |----------:|------------:|----------:|----------:|----------:|
// | RecordEffort               | False      | 744.92 ns |   926.00 ns | 50.757 ns | 715.78 ns |     436 B |
// | RecordAiUsage              | False      | 610.77 ns | 1,269.12 ns | 69.565 ns | 601.52 ns |     467 B |
// | DroppedCounterWithListener | False      | 128.09 ns |   559.27 ns | 30.655 ns | 144.58 ns |         - |
// | RecordEffort               | True       | 483.03 ns | 1,526.53 ns | 83.674 ns | 523.80 ns |     437 B |
// | RecordAiUsage              | True       | 811.64 ns | 1,473.01 ns | 80.741 ns | 851.44 ns |     453 B |
// | DroppedCounterWithListener | True       |  93.71 ns |    20.05 ns |  1.099 ns |  93.23 ns |         - |
//
// Reading: the counter path allocates nothing (0 B) with a listener attached. Recording costs ~0.5-0.85 µs per event
// here; the error bars are wider than the differences, and on this VM even one Counter.Add with a listener takes
// ~0.1 µs, so the 500 ns goal is at the edge rather than clearly met. "Allocated" is process-wide: the ~300 B
// WireEvent and its 36-character id dominate. Before event ids stopped calling Guid.CreateVersion7() (one getrandom
// system call, ~1.1 µs here) the same benchmark measured ~3 µs per event.

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
