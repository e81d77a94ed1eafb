using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EvalFramework.Telemetry;

/// <summary>The SDK's own instruments, created once from an <see cref="IMeterFactory"/>.</summary>
internal sealed class EvalFrameworkSdkMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "EvalFramework.Sdk";

    private const string ReasonTag = "reason";
    private readonly Counter<long> _queued;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _spilled;

    /// <param name="meterFactory">Where the meter comes from.</param>
    /// <param name="queueDepth">Reads how many events wait in the queue, for the gauge.</param>
    /// <param name="spillBytes">Reads how many bytes the spill folder holds, for the gauge.</param>
    public EvalFrameworkSdkMetrics(IMeterFactory meterFactory, Func<int> queueDepth, Func<long> spillBytes)
    {
        ArgumentNullException.ThrowIfNull(spillBytes);
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(queueDepth);
        var meter = meterFactory.Create(new MeterOptions(MeterName));
        _queued = meter.CreateCounter<long>("evalfw.sdk.events.queued", "{event}", "Events accepted into the SDK's queue.");
        _sent = meter.CreateCounter<long>("evalfw.sdk.events.sent", "{event}", "Events the collector stored (accepted or duplicate).");
        _dropped = meter.CreateCounter<long>("evalfw.sdk.events.dropped", "{event}", "Events lost, by reason: queue_full, rejected, shutdown, spill_full or spill_corrupt.");
        _retries = meter.CreateCounter<long>("evalfw.sdk.retries", "{retry}", "Batches sent again after a transient failure.");
        meter.CreateObservableGauge("evalfw.sdk.queue.depth", queueDepth, "{event}", "Events waiting in the SDK's queue.");
        _spilled = meter.CreateCounter<long>("evalfw.sdk.events.spilled", "{event}", "Events written to the spill folder while the collector could not be reached.");
        meter.CreateObservableGauge("evalfw.sdk.spill.size", spillBytes, "By", "Bytes in the spill folder's segment files.");
    }

    public void EventQueued()
    {
        if (_queued.Enabled)
        {
            _queued.Add(1);
        }
    }

    public void EventsSent(long count)
    {
        if (_sent.Enabled)
        {
            _sent.Add(count);
        }
    }

    /// <param name="count">How many.</param>
    /// <param name="reason">One of <see cref="DropReasons"/>.</param>
    public void EventsDropped(long count, string reason)
    {
        if (_dropped.Enabled)
        {
            var tags = new TagList { { ReasonTag, reason } };
            _dropped.Add(count, in tags);
        }
    }

    public void Retried()
    {
        if (_retries.Enabled)
        {
            _retries.Add(1);
        }
    }

    public void EventsSpilled(long count)
    {
        if (_spilled.Enabled)
        {
            _spilled.Add(count);
        }
    }
}
