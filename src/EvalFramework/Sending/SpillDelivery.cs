using System.Runtime.ExceptionServices;
using EvalFramework.Telemetry;
using Microsoft.Extensions.Logging;

namespace EvalFramework.Sending;

/// <summary>
/// The delivery buffer with a spill folder: batches go straight to the collector while nothing is spilled; a transient
/// failure spills the batch, and from then on every batch is appended to the spill (so the queue keeps draining) while
/// the oldest spilled batch is retried with backoff. A slow or hanging request does not make the queue drop events
/// either: once the queue is under pressure it moves to the spill, behind the body in flight. The spilled batches are
/// sent oldest first when the collector answers again, also by the next process after a restart.
/// </summary>
internal sealed class SpillDelivery(
    EventBatcher batcher,
    BatchTransport transport,
    DeliveryLedger ledger,
    SenderSettings settings,
    TimeProvider timeProvider,
    ILogger logger) : IDeliveryBuffer
{
    private SpillStore? _store;
    private ExceptionDispatchInfo? _fault;
    private int _failures;
    private long _nextAttempt;

    /// <summary>Bytes in the spill folder; zero when it is not open. Safe to read from any thread.</summary>
    public long Bytes => Volatile.Read(ref _store)?.Bytes ?? 0;

    /// <summary>Whether the folder is open.</summary>
    public bool IsOpen => _store is not null;

    /// <summary>Only while nothing is spilled (and no failure of the folder waits to be thrown).</summary>
    public bool WantsBatch => _fault is null && _store is { IsEmpty: true };

    /// <summary>Takes the folder and picks up what an earlier process left there; false (logged) when it cannot be used.</summary>
    public bool Open(string directory)
    {
        SpillStore? store = null;
        try
        {
            store = new SpillStore(directory, settings.MaxSpillBytes, OnDrop, logger);
            var leftover = store.Open();
            if (leftover > 0)
            {
                Log.SpillResumed(logger, leftover, store.Directory);
            }

            Volatile.Write(ref _store, store);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Log.SpillUnavailable(logger, directory, exception);
            try
            {
                store?.Dispose();
            }
            catch (Exception disposeException) when (disposeException is IOException or UnauthorizedAccessException)
            {
                // Already reported.
            }

            return false;
        }
    }

    /// <summary>
    /// One step. While nothing is spilled: cuts the batch filled and sends its bodies straight to the collector; at a
    /// transient failure they (and everything after them) go to disk. While something is spilled: moves what is queued
    /// to disk, then makes one attempt at the oldest spilled batch when it is due, or waits for work. I/O errors of the
    /// folder are thrown (the caller then calls <see cref="Fail"/> and goes on in memory); one met during a request is
    /// thrown at the next step, so the request's answer is not lost.
    /// </summary>
    /// <returns>False when stopping while the collector cannot be reached: the spill keeps the rest (<see cref="KeepRest"/>).</returns>
    public async Task<bool> DeliverAsync(CancellationToken token)
    {
        var store = _store!;
        Interlocked.Exchange(ref _fault, null)?.Throw();
        if (store.IsEmpty)
        {
            ledger.Processed(batcher.Cut());
            await SendDirectAsync(store, token).ConfigureAwait(false);
            SpillPending();
            return true;
        }

        SpillQueued();
        if (timeProvider.GetElapsedTime(_nextAttempt) >= TimeSpan.Zero && store.TryPeek(out var record))
        {
            await SendSpilledAsync(store, record, token).ConfigureAwait(false);
            return true;
        }

        if (ledger.Stopping && !store.IsEmpty)
        {
            return false;
        }

        await WaitForWorkAsync(token).ConfigureAwait(false);
        return true;
    }

    /// <summary>The folder failed: logs it and closes the folder; what was about to be spilled stays in <see cref="EventBatcher.Pending"/>.</summary>
    public void Fail(Exception exception)
    {
        Log.SpillFailed(logger, _store!.Directory, exception);
        Close();
    }

    /// <summary>At the end, puts what is still in memory or queued on disk; false (logged) when the folder failed.</summary>
    public bool KeepRest()
    {
        try
        {
            if (batcher.Filling > 0)
            {
                ledger.Processed(batcher.Cut());
            }

            SpillPending();
            SpillQueued();
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.SpillFailed(logger, _store!.Directory, exception);
            return false;
        }
    }

    /// <summary>Closes the folder (fsyncing the open segment); what is spilled stays for the next process.</summary>
    public void Close()
    {
        var store = Interlocked.Exchange(ref _store, null);
        try
        {
            store?.Dispose();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.SpillFailed(logger, store!.Directory, exception);
        }
    }

    /// <summary>Sends the pending bodies while nothing is spilled; stops at the first transient failure.</summary>
    private async Task SendDirectAsync(SpillStore store, CancellationToken token)
    {
        while (batcher.Pending.Count > 0 && store.IsEmpty && _failures == 0)
        {
            var count = batcher.Pending[0].Count;
            var (result, spilledAhead, ahead) = await SendDrainingAsync(batcher.Pending[0].Body, count, direct: true, token).ConfigureAwait(false);
            if (spilledAhead)
            {
                // The queue filled up during the request: this body went to disk first, the rest after it.
                if (result.ShouldRetry)
                {
                    Failed(result, count);
                }
                else if (ahead is not null && store.Advance(ahead))
                {
                    ledger.Processed(count);
                }

                return;
            }

            if (result.ShouldRetry)
            {
                Failed(result, count);
                return;
            }

            batcher.Pending.RemoveAt(0);
            ledger.Processed(count);
        }
    }

    /// <summary>One attempt at the oldest spilled batch.</summary>
    private async Task SendSpilledAsync(SpillStore store, SpillRecord record, CancellationToken token)
    {
        if (_failures > 0)
        {
            ledger.Retried();
        }

        var (result, _, _) = await SendDrainingAsync(record.Body, record.Count, direct: false, token).ConfigureAwait(false);
        if (result.ShouldRetry)
        {
            Failed(result, record.Count);
            return;
        }

        // Advance is false when the record's segment was dropped for room during the request (then it was counted as
        // dropped, and the collector has it anyway).
        _failures = 0;
        if (store.Advance(record) && !record.Inherited)
        {
            ledger.Processed(record.Count);
        }
    }

    /// <summary>
    /// One attempt at a body, meanwhile moving the queue to the spill whenever it comes under pressure, so a slow or
    /// hanging request does not make the queue drop events. A <paramref name="direct"/> body (not spilled yet; it and
    /// the rest of <see cref="EventBatcher.Pending"/> come before anything queued) is spilled first (<c>SpilledAhead</c>),
    /// and returned as <c>Ahead</c>, read back as the spill's oldest record (null if it could not be read back: then it
    /// is sent again later, and the collector deduplicates it).
    /// </summary>
    private async Task<(SendAttempt Result, bool SpilledAhead, SpillRecord? Ahead)> SendDrainingAsync(byte[] body, int count, bool direct, CancellationToken token)
    {
        var sending = transport.SendOnceAsync(body, count, token);
        var spilledAhead = false;
        SpillRecord? ahead = null;
        while (!sending.IsCompleted)
        {
            var pressure = batcher.ArmPressureSignal();
            if (!batcher.UnderPressure)
            {
                await Task.WhenAny(sending, pressure).ConfigureAwait(false);
                continue;
            }

            try
            {
                if (direct && !spilledAhead)
                {
                    SpillFirstPending();
                    spilledAhead = true;
                    _store!.TryPeek(out ahead);
                    SpillPending();
                }

                SpillQueued();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Handled once this attempt is over, so that its answer is not lost.
                _fault = ExceptionDispatchInfo.Capture(exception);
                break;
            }
        }

        return (await sending.ConfigureAwait(false), spilledAhead, ahead);
    }

    /// <summary>Waits until the next attempt is due, a batch's worth is queued, the flush interval passed or stop is asked for.</summary>
    private async Task WaitForWorkAsync(CancellationToken token)
    {
        if (batcher.ArmBatchSignal() is not { } ready)
        {
            return;
        }

        var untilAttempt = -timeProvider.GetElapsedTime(_nextAttempt);
        var wait = untilAttempt < settings.FlushInterval ? untilAttempt : settings.FlushInterval;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var waitCancel = CancellationTokenSource.CreateLinkedTokenSource(token);
        var delay = Task.Delay(wait, timeProvider, waitCancel.Token);
        await Task.WhenAny(ready.Task, delay, ledger.StopRequested).ConfigureAwait(false);
        await waitCancel.CancelAsync().ConfigureAwait(false);
        token.ThrowIfCancellationRequested();
    }

    /// <summary>A transient failure: the next attempt waits for the backoff or the collector's <c>Retry-After</c>.</summary>
    private void Failed(SendAttempt result, int count)
    {
        var delay = transport.RetryDelay(result, _failures);
        _failures++;
        _nextAttempt = timeProvider.GetTimestamp() + (long)(delay.TotalSeconds * timeProvider.TimestampFrequency);
        Log.RetryScheduled(logger, count, result.Reason ?? "unknown", _failures + 1, (long)delay.TotalMilliseconds, result.Exception);
    }

    private void SpillFirstPending()
    {
        var first = batcher.Pending[0];
        _store!.Append(first.Body, first.Count);
        batcher.Pending.RemoveAt(0);
        ledger.Spilled(first.Count);
    }

    /// <summary>Appends every pending body to the spill.</summary>
    private void SpillPending()
    {
        while (batcher.Pending.Count > 0)
        {
            SpillFirstPending();
        }
    }

    /// <summary>Moves everything queued right now to the spill, a batch at a time.</summary>
    private void SpillQueued()
    {
        while (batcher.TryCutQueued(out var refused))
        {
            ledger.Processed(refused);
            SpillPending();
        }
    }

    private void OnDrop(SpillDrop drop)
    {
        ledger.Dropped(drop.Count, drop.Reason);
        if (drop.Reason == DropReasons.SpillFull)
        {
            Log.SpillFull(logger, drop.Count);
        }

        if (!drop.Inherited)
        {
            ledger.Processed(drop.Count);
        }
    }
}
