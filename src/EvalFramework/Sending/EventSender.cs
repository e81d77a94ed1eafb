using System.Threading.Channels;
using EvalFramework.Contract;
using EvalFramework.Telemetry;
using Microsoft.Extensions.Logging;

namespace EvalFramework.Sending;

/// <summary>
/// The one background task that drains the queue, as one pipeline: the <see cref="EventBatcher"/> takes events from
/// the queue, checks, serializes and splits them into request bodies; the <see cref="BatchTransport"/> posts a body and
/// says whether a failure is transient; a delivery buffer holds the bodies until the collector takes them, either in
/// memory (<see cref="MemoryDelivery"/>) or, with a spill folder, on disk (<see cref="SpillDelivery"/>), which falls
/// back to memory if the folder fails. Every outcome is counted in the <see cref="DeliveryLedger"/>. Nothing here ever
/// reaches the code that records events.
/// </summary>
internal sealed class EventSender
{
    private readonly SenderSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly DeliveryLedger _ledger;
    private readonly EventBatcher _batcher;
    private readonly BatchTransport _transport;
    private readonly CancellationTokenSource _abort = new();
    private Task _loop = Task.CompletedTask;
    private SpillDelivery? _spill;

    public EventSender(
        ChannelReader<WireEvent> reader,
        Func<HttpClient> httpClient,
        SenderSettings settings,
        TimeProvider timeProvider,
        TrackerStatistics statistics,
        EvalFrameworkSdkMetrics metrics,
        ILogger logger,
        Func<WireEvent, DateTimeOffset, List<string>?>? validate = null)
    {
        _settings = settings;
        _timeProvider = timeProvider;
        _logger = logger;
        _ledger = new DeliveryLedger(statistics, metrics);
        _batcher = new EventBatcher(reader, settings, timeProvider, _ledger, logger, validate ?? EventValidator.Validate);
        _transport = new BatchTransport(httpClient, settings, timeProvider, _ledger, logger);
    }

    /// <summary>Bytes in the spill folder; zero without one.</summary>
    public long SpillBytes => Volatile.Read(ref _spill)?.Bytes ?? 0;

    /// <summary>Starts the background task.</summary>
    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>
    /// Called by the writer after each queued event with the running total: wakes the sender once a whole batch is
    /// pending, so that filling a batch does not wake it for every event.
    /// </summary>
    public void OnQueued(long queuedTotal) => _batcher.OnQueued(queuedTotal);

    /// <summary>Completes when <paramref name="target"/> events have left the queue and been sent, refused or given up on.</summary>
    public Task FlushAsync(long target, CancellationToken cancellationToken) => _ledger.FlushAsync(target, cancellationToken);

    /// <summary>
    /// Sends what is queued (the writer must already be completed) within <paramref name="timeout"/>, then cuts off
    /// whatever is still in flight and counts it as dropped.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        _ledger.Stop();
        try
        {
            await _loop.WaitAsync(timeout, _timeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        var token = _abort.Token;
        var memory = new MemoryDelivery(_batcher, _transport, _ledger, _logger);
        IDeliveryBuffer buffer = memory;
        try
        {
            if (_settings.SpillDirectory is not null)
            {
                var spill = new SpillDelivery(_batcher, _transport, _ledger, _settings, _timeProvider, _logger);
                if (spill.Open(_settings.SpillDirectory))
                {
                    Volatile.Write(ref _spill, spill);
                    buffer = spill;
                }
            }

            while (true)
            {
                try
                {
                    if (_batcher.Pending.Count == 0 && buffer.WantsBatch)
                    {
                        if (!await _batcher.WaitToReadAsync(token).ConfigureAwait(false))
                        {
                            break;
                        }

                        await _batcher.FillAsync(token).ConfigureAwait(false);
                    }

                    if (!await buffer.DeliverAsync(token).ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (Exception exception) when (buffer is SpillDelivery spill && exception is IOException or UnauthorizedAccessException)
                {
                    spill.Fail(exception);
                    buffer = memory;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shutdown ran out of time: what is left is spilled or counted below.
        }
        catch (Exception exception)
        {
            Log.SenderFailed(_logger, (int)(_batcher.Filling + _batcher.PendingEvents), exception);
        }
        finally
        {
            var spill = Volatile.Read(ref _spill);
            if (spill is { IsOpen: true })
            {
                spill.KeepRest();
            }

            var unsent = _batcher.PendingEvents + _batcher.Discard();
            if (unsent > 0)
            {
                _ledger.Dropped(unsent, DropReasons.Shutdown);
                Log.DroppedAtShutdown(_logger, unsent);
            }

            spill?.Close();
            _ledger.Finish();
        }
    }
}
