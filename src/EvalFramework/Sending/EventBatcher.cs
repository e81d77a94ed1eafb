using System.Text.Json;
using System.Threading.Channels;
using EvalFramework.Contract;
using EvalFramework.Tracking;
using Microsoft.Extensions.Logging;

namespace EvalFramework.Sending;

/// <summary>
/// The first stage of the sender: takes events from the bounded queue a batch at a time, gives each its id, checks it
/// against the contract and serializes the valid ones into request bodies within the batch limits (count and 1 MiB),
/// which wait in <see cref="Pending"/>, oldest first, until a delivery buffer takes them. An event that cannot be
/// checked or serialized is refused alone; it never takes its batch down with it. Used by the sender's task only,
/// except <see cref="OnQueued"/>.
/// </summary>
internal sealed class EventBatcher
{
    private readonly ChannelReader<WireEvent> _reader;
    private readonly SenderSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly DeliveryLedger _ledger;
    private readonly ILogger _logger;
    private readonly Func<WireEvent, DateTimeOffset, List<string>?> _validate;
    private readonly List<WireEvent> _batch;
    private readonly List<WireEvent> _valid;
    private TaskCompletionSource _batchReady = NewSignal();
    private TaskCompletionSource _pressure = NewSignal();
    private long _dispatched;

    public EventBatcher(
        ChannelReader<WireEvent> reader,
        SenderSettings settings,
        TimeProvider timeProvider,
        DeliveryLedger ledger,
        ILogger logger,
        Func<WireEvent, DateTimeOffset, List<string>?> validate)
    {
        _reader = reader;
        _settings = settings;
        _timeProvider = timeProvider;
        _ledger = ledger;
        _logger = logger;
        _validate = validate;
        _batch = new List<WireEvent>(settings.MaxBatchSize);
        _valid = new List<WireEvent>(settings.MaxBatchSize);
    }

    /// <summary>Serialized bodies not yet delivered or spilled, oldest first.</summary>
    public List<PendingBody> Pending { get; } = [];

    /// <summary>Events taken from the queue whose batch is not cut yet.</summary>
    public int Filling => _batch.Count;

    /// <summary>Events in <see cref="Pending"/>.</summary>
    public long PendingEvents => Pending.Sum(p => (long)p.Count);

    /// <summary>Whether so many events wait in the queue that a slow request must not hold them up: half the queue, at least a batch.</summary>
    public bool UnderPressure => Waiting >= PressureThreshold;

    private long PressureThreshold => Math.Max(_settings.MaxBatchSize, _settings.QueueCapacity / 2);

    private long Waiting => _ledger.Statistics.Queued - Volatile.Read(ref _dispatched);

    /// <summary>
    /// Called by the writer after each queued event with the running total: wakes the sender once a whole batch is
    /// pending, so that filling a batch does not wake it for every event, and once the queue is under pressure.
    /// </summary>
    public void OnQueued(long queuedTotal)
    {
        var waiting = queuedTotal - Volatile.Read(ref _dispatched);
        if (waiting >= _settings.MaxBatchSize)
        {
            var ready = Volatile.Read(ref _batchReady);
            if (!ready.Task.IsCompleted)
            {
                ready.TrySetResult();
            }

            if (waiting >= PressureThreshold)
            {
                var pressure = Volatile.Read(ref _pressure);
                if (!pressure.Task.IsCompleted)
                {
                    pressure.TrySetResult();
                }
            }
        }
    }

    /// <summary>Waits until an event is queued; false when the queue is completed and empty.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken token) => _reader.WaitToReadAsync(token);

    /// <summary>Re-arms the batch signal if it has fired and returns it; null when a whole batch is already queued.</summary>
    public TaskCompletionSource? ArmBatchSignal()
    {
        var ready = Volatile.Read(ref _batchReady);
        if (ready.Task.IsCompleted)
        {
            ready = NewSignal();
            Interlocked.Exchange(ref _batchReady, ready);
        }

        return Waiting >= _settings.MaxBatchSize ? null : ready;
    }

    /// <summary>Re-arms the pressure signal if it has fired and returns it: it completes when the queue comes under pressure.</summary>
    public Task ArmPressureSignal()
    {
        var pressure = Volatile.Read(ref _pressure);
        if (pressure.Task.IsCompleted)
        {
            pressure = NewSignal();
            Interlocked.Exchange(ref _pressure, pressure);
        }

        return pressure.Task;
    }

    /// <summary>Takes events into the batch until it is full, the flush interval has passed, or a flush is asked for.</summary>
    public async Task FillAsync(CancellationToken token)
    {
        var started = _timeProvider.GetTimestamp();
        while (_batch.Count < _settings.MaxBatchSize)
        {
            if (_reader.TryRead(out var item))
            {
                _batch.Add(item);
                continue;
            }

            var flush = _ledger.FlushRequested;
            var remaining = _settings.FlushInterval - _timeProvider.GetElapsedTime(started);
            if (flush.IsCompleted || remaining <= TimeSpan.Zero)
            {
                return;
            }

            // Wait for a whole batch, a flush or the end of the interval; not for each event, which would make
            // every TryWrite wake this task (a thread-pool hop the caller pays for).
            if (ArmBatchSignal() is not { } ready)
            {
                continue;
            }

            using var waitCancel = CancellationTokenSource.CreateLinkedTokenSource(token);
            var delay = Task.Delay(remaining, _timeProvider, waitCancel.Token);
            await Task.WhenAny(ready.Task, delay, flush).ConfigureAwait(false);
            await waitCancel.CancelAsync().ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Cuts the batch: checks its events and serializes the valid ones into <see cref="Pending"/>. The refused are
    /// logged and counted as rejected here; the caller counts them as done with.
    /// </summary>
    /// <returns>How many events were refused.</returns>
    public int Cut()
    {
        Interlocked.Add(ref _dispatched, _batch.Count);
        _valid.Clear();
        var now = _timeProvider.GetUtcNow();
        var refused = 0;
        foreach (var item in _batch)
        {
            var errors = Check(item, now);
            if (errors is null)
            {
                _valid.Add(item);
            }
            else
            {
                Log.EventInvalid(_logger, item.Type, string.Join("; ", errors));
                refused++;
            }
        }

        _batch.Clear();
        _ledger.Rejected(refused);
        if (_valid.Count > 0)
        {
            refused += AddBodies(_valid);
        }

        _valid.Clear();
        return refused;
    }

    /// <summary>Tops the batch up from what is queued right now and cuts it; false when there was nothing to cut.</summary>
    /// <param name="refused">How many of its events were refused.</param>
    public bool TryCutQueued(out int refused)
    {
        refused = 0;
        while (_batch.Count < _settings.MaxBatchSize && _reader.TryRead(out var item))
        {
            _batch.Add(item);
        }

        if (_batch.Count == 0)
        {
            return false;
        }

        refused = Cut();
        return true;
    }

    /// <summary>Forgets the batch being filled and the pending bodies; returns how many events they held.</summary>
    public long Abandon()
    {
        var count = PendingEvents + _batch.Count;
        Pending.Clear();
        _batch.Clear();
        return count;
    }

    /// <summary>Forgets the batch being filled and whatever is still queued; returns how many events that was.</summary>
    public long Discard()
    {
        long count = _batch.Count;
        _batch.Clear();
        while (_reader.TryRead(out _))
        {
            count++;
        }

        return count;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The batch body, or null when serializing throws (then the caller splits the batch to find the culprit).</summary>
    private static byte[]? Serialize(List<WireEvent> events)
    {
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(new EventBatch { Events = events }, ContractJsonContext.Default.EventBatch);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>
    /// Gives the event its id (made here, off the caller's thread, from the recording time: UUIDv7, time-ordered; kept
    /// for every retry and spill, so the collector counts it once) and checks it against the contract. A check that
    /// throws refuses the event, never the batch.
    /// </summary>
    private List<string>? Check(WireEvent item, DateTimeOffset now)
    {
        try
        {
            item.Id ??= EventIds.NewId(item.Time ?? now);
            return _validate(item, now);
        }
        catch (Exception exception)
        {
            return ["event: could not be checked (" + exception.GetType().Name + ")"];
        }
    }

    /// <summary>Serializes <paramref name="events"/> into bodies, halving until each fits; returns how many could not be sent at all.</summary>
    private int AddBodies(List<WireEvent> events)
    {
        var body = Serialize(events);
        if (body is not null && body.Length <= EventBatch.MaxBytes)
        {
            Pending.Add(new PendingBody(body, events.Count));
            return 0;
        }

        if (events.Count > 1)
        {
            var half = events.Count / 2;
            return AddBodies(events.GetRange(0, half)) + AddBodies(events.GetRange(half, events.Count - half));
        }

        Log.EventInvalid(_logger, events[0].Type, body is null ? "could not be serialized" : "larger than the 1 MiB batch limit");
        _ledger.Rejected(1);
        return 1;
    }
}
