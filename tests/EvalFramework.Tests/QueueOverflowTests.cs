using System.Diagnostics;
using System.Diagnostics.Metrics;
using EvalFramework.Telemetry;
using EvalFramework.Tests.Support;

namespace EvalFramework.Tests;

public sealed class QueueOverflowTests
{
    [Fact]
    public async Task Record_QueueFullWhileSenderBlocked_DropsWithoutBlockingAndCounts()
    {
        // The sender takes the first event (batch size 1) and blocks in the handler. Then the queue holds exactly
        // QueueCapacity = 10 more, so of the next 1,000 events 10 are queued and 990 dropped.
        using var meterFactory = new TestMeterFactory();
        long droppedQueueFull = 0;
        long droppedOther = 0;
        long queueDepth = -1;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Meter.Name == EvalFrameworkSdkMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "evalfw.sdk.events.dropped")
            {
                var reason = tags.ToArray().Single(t => t.Key == "reason").Value as string;
                Interlocked.Add(ref reason == DropReasons.QueueFull ? ref droppedQueueFull : ref droppedOther, value);
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "evalfw.sdk.queue.depth")
            {
                Interlocked.Exchange(ref queueDepth, value);
            }
        });
        listener.Start();

        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingHandler
        {
            BeforeAnswer = async (_, ct) =>
            {
                entered.TrySetResult();
                await release.Task.WaitAsync(ct);
            },
        };
        await using var tracker = TestTrackers.Create(
            handler,
            o =>
            {
                o.QueueCapacity = 10;
                o.MaxBatchSize = 1;
                o.ShutdownTimeout = TimeSpan.FromMilliseconds(100);
            },
            meterFactory);
        using var tracked = tracker.Case("ref-1");
        tracked.RecordEscalation();
        await entered.Task.WaitAsync(TestTrackers.Patience);

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            tracked.RecordEffort("case-handler", TimeSpan.FromSeconds(1));
        }

        stopwatch.Stop();
        listener.RecordObservableInstruments();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromMilliseconds(500), $"recording took {stopwatch.Elapsed}");
        Assert.Equal(11, tracker.Statistics.Queued);
        Assert.Equal(990, tracker.Statistics.Dropped);
        Assert.Equal(990, Interlocked.Read(ref droppedQueueFull));
        Assert.Equal(0, Interlocked.Read(ref droppedOther));
        Assert.Equal(10, Interlocked.Read(ref queueDepth));
        release.SetResult();
    }
}
