using EvalFramework.Telemetry;

namespace EvalFramework.Sending;

/// <summary>
/// Where every part of the sending pipeline reports what became of events: each outcome goes to the tracker's
/// statistics and the SDK's metrics at once, and the count of events done with (sent, refused or given up on) releases
/// the callers waiting in <see cref="FlushAsync"/>. The flush and stop signals that cut a batch short live here too.
/// </summary>
internal sealed class DeliveryLedger(TrackerStatistics statistics, EvalFrameworkSdkMetrics metrics)
{
    private readonly Lock _lock = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _waiters = [];
    private readonly TaskCompletionSource _stopSignal = NewSignal();
    private TaskCompletionSource _flushSignal = NewSignal();
    private long _processed;
    private bool _stopping;
    private bool _finished;

    /// <summary>The tracker's counts.</summary>
    public TrackerStatistics Statistics => statistics;

    /// <summary>Completes once a flush is asked for (re-armed when no flush waits any more); stays completed after stop.</summary>
    public Task FlushRequested => Volatile.Read(ref _flushSignal).Task;

    /// <summary>Completes when the tracker is stopping.</summary>
    public Task StopRequested => _stopSignal.Task;

    /// <summary>Whether the tracker is stopping.</summary>
    public bool Stopping => Volatile.Read(ref _stopping);

    /// <summary>Completes when <paramref name="target"/> events are done with, or at once when the sender has finished.</summary>
    public Task FlushAsync(long target, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_lock)
        {
            if (_finished || _processed >= target)
            {
                return Task.CompletedTask;
            }

            done = NewSignal();
            _waiters.Add((target, done));
            _flushSignal.TrySetResult();
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Marks the start of shutdown: batches are cut at once from now on.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _stopping = true;
            _flushSignal.TrySetResult();
        }

        _stopSignal.TrySetResult();
    }

    /// <summary>The collector stored <paramref name="count"/> events (accepted or already held).</summary>
    public void Sent(long count)
    {
        if (count > 0)
        {
            statistics.AddSent(count);
            metrics.EventsSent(count);
        }
    }

    /// <summary><paramref name="count"/> events were refused as invalid, by the SDK's check or the collector.</summary>
    public void Rejected(long count)
    {
        if (count > 0)
        {
            statistics.AddRejected(count);
            metrics.EventsDropped(count, DropReasons.Rejected);
        }
    }

    /// <summary><paramref name="count"/> events were given up on unjudged, for <paramref name="reason"/> (a <see cref="DropReasons"/> value).</summary>
    public void Dropped(long count, string reason)
    {
        statistics.AddDropped(count);
        metrics.EventsDropped(count, reason);
    }

    /// <summary><paramref name="count"/> events were written to the spill folder.</summary>
    public void Spilled(long count)
    {
        statistics.AddSpilled(count);
        metrics.EventsSpilled(count);
    }

    /// <summary>A batch is sent again after a transient failure.</summary>
    public void Retried()
    {
        statistics.AddRetry();
        metrics.Retried();
    }

    /// <summary><paramref name="count"/> more events are done with: releases the flushes they complete.</summary>
    public void Processed(long count)
    {
        lock (_lock)
        {
            _processed += count;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Target <= _processed)
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }

            if (_waiters.Count == 0 && !_stopping && _flushSignal.Task.IsCompleted)
            {
                Volatile.Write(ref _flushSignal, NewSignal());
            }
        }
    }

    /// <summary>The sender has stopped: every flush, waiting or still to come, completes at once.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            _finished = true;
            foreach (var (_, done) in _waiters)
            {
                done.TrySetResult();
            }

            _waiters.Clear();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
