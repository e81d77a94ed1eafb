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
    private CaseTracker _tracker = null!;
    private TrackedCase _case = null!;
    private DefaultMeterFactory _meterFactory = null!;
    private EvalFrameworkSdkMetrics _metrics = null!;
    private MeterListener _listener = null!;
    private long _measured;

    [GlobalSetup]
    public void Setup()
    {
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
            handler: new InstantOkHandler());
        _case = _tracker.Case("benchmark-reference");

        _meterFactory = new DefaultMeterFactory();
        _metrics = new EvalFrameworkSdkMetrics(_meterFactory, () => 0);
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

    [IterationCleanup]
    public void Drain() => _tracker.FlushAsync().Wait(TimeSpan.FromSeconds(30));

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
