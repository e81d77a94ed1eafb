using EvalFramework.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace EvalFramework.Tests;

/// <summary>A service with its own OpenTelemetry pipeline gets the SDK's instruments with one call.</summary>
public sealed class EvalFrameworkInstrumentationTests
{
    [Fact]
    public async Task AddEvalFrameworkInstrumentation_CaseRecordedAndSent_SdkCountsReachTheServicesMeterProvider()
    {
        using var meterFactory = new TestMeterFactory();
        var exported = new List<Metric>();
        // Other tests run trackers at the same time: this provider keeps only the meter of this test's factory.
        using var provider = Sdk.CreateMeterProviderBuilder()
            .AddEvalFrameworkInstrumentation()
            .AddView(instrument => instrument.Meter.Scope == meterFactory ? null : MetricStreamConfiguration.Drop)
            .AddInMemoryExporter(exported)
            .Build();
        var handler = new RecordingHandler();

        await using (var tracker = TestTrackers.Create(handler, meterFactory: meterFactory))
        {
            using var tracked = tracker.Case("ref-instrumentation");
            tracked.RecordEffort("handler", TimeSpan.FromMinutes(5));
            tracked.RecordEscalation();
            tracked.Complete();
            await tracker.FlushWithin();
        }

        provider.ForceFlush();

        // human.effort, case.escalated, case.completed (a case opened without a case type sends no case.started).
        Assert.Equal(["human.effort", "case.escalated", "case.completed"], handler.Stored.Select(e => e.Type));
        Assert.Equal(3, Sum(exported, "evalfw.sdk.events.queued"));
        Assert.Equal(3, Sum(exported, "evalfw.sdk.events.sent"));
        Assert.Contains(exported, m => m.Name == "evalfw.sdk.queue.depth" && m.MeterName == "EvalFramework.Sdk");
    }

    /// <summary>The counter's value at the last export (cumulative).</summary>
    private static long Sum(List<Metric> exported, string name)
    {
        long sum = 0;
        foreach (ref readonly var point in exported.Last(m => m.Name == name).GetMetricPoints())
        {
            sum += point.GetSumLong();
        }

        return sum;
    }
}
