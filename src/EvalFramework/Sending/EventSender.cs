using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Threading.Channels;
using EvalFramework.Contract;
using EvalFramework.Tracking;
using EvalFramework.Telemetry;
using Microsoft.Extensions.Logging;

namespace EvalFramework.Sending;

/// <summary>
/// The one background task that drains the queue: it validates events, batches them, posts them to the collector,
/// retries transient failures with the same event ids (the collector deduplicates), and counts every outcome.
/// With a spill folder, a transient failure sends the batch, and every batch after it, to disk instead of waiting in
/// memory; the spilled batches are sent oldest first when the collector answers again. Nothing here ever reaches the
/// code that records events.
/// <para>
/// Transient is everything but a 4xx answer (other than 408 and 429): 5xx and other answers, and every exception of a
/// send (network errors, timeouts, and whatever a handler in the HttpClient pipeline throws, such as Polly's
/// <c>TimeoutRejectedException</c> or <c>BrokenCircuitException</c>), except the cancellation of this sender's own
/// shutdown. Only a 4xx answer, or the per-event rejections of a 200, refuses events. An event that cannot be validated
/// or serialized is refused alone; it never takes its batch or the loop down with it.
/// </para>
/// </summary>
internal sealed class EventSender
{
    private const int MaxProblemChars = 2000;
    private readonly ChannelReader<WireEvent> _reader;
    private readonly Func<HttpClient> _httpClient;
    private readonly SenderSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly TrackerStatistics _statistics;
    private readonly EvalFrameworkSdkMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Func<WireEvent, DateTimeOffset, List<string>?> _validate;
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _flushLock = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _flushWaiters = [];
    private readonly List<WireEvent> _valid;
    private TaskCompletionSource _flushSignal = NewSignal();
    private TaskCompletionSource _batchReady = NewSignal();
    private TaskCompletionSource _pressure = NewSignal();
    private long _dispatched;
    private long _processed;
    private bool _stopping;
    private bool _finished;
    private int _accountedInBatch;
    private readonly TaskCompletionSource _stopSignal = NewSignal();
    private readonly List<(byte[] Body, int Count)> _pending = [];
    private Task _loop = Task.CompletedTask;
    private SpillStore? _spill;
    private ExceptionDispatchInfo? _spillFault;
    private int _failures;
    private long _nextAttempt;

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
        _reader = reader;
        _validate = validate ?? EventValidator.Validate;
        _httpClient = httpClient;
        _settings = settings;
        _timeProvider = timeProvider;
        _statistics = statistics;
        _metrics = metrics;
        _logger = logger;
        _valid = new List<WireEvent>(settings.MaxBatchSize);
    }

    /// <summary>Queued events beyond which a slow request no longer holds up spilling: half the queue, at least a batch.</summary>
    private long PressureThreshold => Math.Max(_settings.MaxBatchSize, _settings.QueueCapacity / 2);

    /// <summary>Bytes in the spill folder; zero without one.</summary>
    public long SpillBytes => Volatile.Read(ref _spill)?.Bytes ?? 0;

    /// <summary>Starts the background task.</summary>
    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>
    /// Called by the writer after each queued event with the running total: wakes the sender once a whole batch is
    /// pending, so that filling a batch does not wake it for every event.
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

    /// <summary>Completes when <paramref name="target"/> events have left the queue and been sent, refused or given up on.</summary>
    public Task FlushAsync(long target, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_flushLock)
        {
            if (_finished || _processed >= target)
            {
                return Task.CompletedTask;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushWaiters.Add((target, done));
            _flushSignal.TrySetResult();
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Sends what is queued (the writer must already be completed) within <paramref name="timeout"/>, then cuts off
    /// whatever is still in flight and counts it as dropped.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        lock (_flushLock)
        {
            _stopping = true;
            _flushSignal.TrySetResult();
        }

        _stopSignal.TrySetResult();

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

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Re-arms the batch signal if it has fired and returns it; null when a whole batch is already queued.</summary>
    private TaskCompletionSource? ArmBatchSignal()
    {
        var ready = Volatile.Read(ref _batchReady);
        if (ready.Task.IsCompleted)
        {
            ready = NewSignal();
            Interlocked.Exchange(ref _batchReady, ready);
        }

        return _statistics.Queued - Volatile.Read(ref _dispatched) >= _settings.MaxBatchSize ? null : ready;
    }

    private async Task RunAsync()
    {
        var batch = new List<WireEvent>(_settings.MaxBatchSize);
        var token = _abort.Token;
        try
        {
            if (_settings.SpillDirectory is not null && OpenSpill(_settings.SpillDirectory))
            {
                await RunSpillingAsync(batch, token).ConfigureAwait(false);
            }

            while (await _reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                await FillAsync(batch, token).ConfigureAwait(false);
                Interlocked.Add(ref _dispatched, batch.Count);
                await ProcessAsync(batch, token).ConfigureAwait(false);
                Processed(batch.Count);
                batch.Clear();
                _accountedInBatch = 0;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shutdown ran out of time: what is left is spilled or counted below.
        }
        catch (Exception exception)
        {
            Log.SenderFailed(_logger, batch.Count - _accountedInBatch, exception);
        }
        finally
        {
            long unsent = batch.Count - _accountedInBatch;
            if (_spill is not null && SpillRest(batch))
            {
                unsent = 0;
            }

            foreach (var (_, count) in _pending)
            {
                unsent += count;
            }

            while (_reader.TryRead(out _))
            {
                unsent++;
            }

            if (unsent > 0)
            {
                _statistics.AddDropped(unsent);
                _metrics.EventsDropped(unsent, DropReasons.Shutdown);
                Log.DroppedAtShutdown(_logger, unsent);
            }

            CloseSpill();
            Finish();
        }
    }

    /// <summary>
    /// The loop while spilling works: batches go straight to the collector while nothing is spilled; a transient
    /// failure spills the batch, and from then on every batch is appended to the spill (so the queue keeps draining)
    /// while the oldest spilled batch is retried with backoff. Returns when the queue is completed and empty (or, when
    /// stopping, as soon as the collector cannot be reached: the spill keeps the rest), or when the spill folder
    /// fails, after sending what was about to be spilled.
    /// </summary>
    private async Task RunSpillingAsync(List<WireEvent> batch, CancellationToken token)
    {
        var spill = _spill!;
        try
        {
            while (true)
            {
                var fault = Interlocked.Exchange(ref _spillFault, null);
                fault?.Throw();
                if (spill.IsEmpty)
                {
                    if (!await _reader.WaitToReadAsync(token).ConfigureAwait(false))
                    {
                        return;
                    }

                    await FillAsync(batch, token).ConfigureAwait(false);
                    Take(batch);
                    while (_pending.Count > 0 && spill.IsEmpty && _failures == 0)
                    {
                        var (body, count) = _pending[0];
                        var (result, spilledAhead, ahead) = await SendDrainingAsync(body, count, direct: true, batch, token).ConfigureAwait(false);
                        if (spilledAhead)
                        {
                            // The queue filled up during the request: this body went to disk first, the rest after it.
                            if (result.ShouldRetry)
                            {
                                Failed(result, count);
                            }
                            else if (ahead is not null && spill.Advance(ahead))
                            {
                                Processed(count);
                            }

                            break;
                        }

                        if (result.ShouldRetry)
                        {
                            Failed(result, count);
                            break;
                        }

                        _pending.RemoveAt(0);
                        Processed(count);
                    }

                    SpillPending();
                    continue;
                }

                SpillQueued(batch);
                if (_timeProvider.GetElapsedTime(_nextAttempt) >= TimeSpan.Zero && spill.TryPeek(out var record))
                {
                    if (_failures > 0)
                    {
                        _statistics.AddRetry();
                        _metrics.Retried();
                    }

                    var (result, _, _) = await SendDrainingAsync(record.Body, record.Count, direct: false, batch, token).ConfigureAwait(false);
                    if (result.ShouldRetry)
                    {
                        Failed(result, record.Count);
                        continue;
                    }

                    // Advance is false when the record's segment was dropped for room during the request (then it
                    // was counted as dropped, and the collector has it anyway).
                    _failures = 0;
                    if (spill.Advance(record) && !record.Inherited)
                    {
                        Processed(record.Count);
                    }

                    continue;
                }

                if (Volatile.Read(ref _stopping) && !spill.IsEmpty)
                {
                    // The collector is still unreachable: what is queued goes to disk (in RunAsync) for the next start.
                    return;
                }

                await WaitForSpillWorkAsync(token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.SpillFailed(_logger, spill.Directory, exception);
            CloseSpill();
            _failures = 0;
            while (_pending.Count > 0)
            {
                var (body, count) = _pending[0];
                await SendWithRetryAsync(body, count, token).ConfigureAwait(false);
                _pending.RemoveAt(0);
                Processed(count);
            }
        }
    }

    /// <summary>
    /// One attempt at a body, meanwhile moving the queue to the spill whenever it fills past
    /// <see cref="PressureThreshold"/>, so a slow or hanging request does not make the queue drop events. A
    /// <paramref name="direct"/> body (not spilled yet; it and the rest of <see cref="_pending"/> come before anything
    /// queued) is spilled first (<c>SpilledAhead</c>), and returned as <c>Ahead</c>, read back as the spill's oldest
    /// record (null if it could not be read back: then it is sent again later, and the collector deduplicates it).
    /// </summary>
    private async Task<(SendAttempt Result, bool SpilledAhead, SpillRecord? Ahead)> SendDrainingAsync(byte[] body, int count, bool direct, List<WireEvent> batch, CancellationToken token)
    {
        var sending = SendOnceAsync(body, count, token);
        var spilledAhead = false;
        SpillRecord? ahead = null;
        while (!sending.IsCompleted)
        {
            var pressure = Volatile.Read(ref _pressure);
            if (pressure.Task.IsCompleted)
            {
                pressure = NewSignal();
                Interlocked.Exchange(ref _pressure, pressure);
            }

            if (_statistics.Queued - Volatile.Read(ref _dispatched) < PressureThreshold)
            {
                await Task.WhenAny(sending, pressure.Task).ConfigureAwait(false);
                continue;
            }

            try
            {
                if (direct && !spilledAhead)
                {
                    var (first, firstCount) = _pending[0];
                    _spill!.Append(first, firstCount);
                    _pending.RemoveAt(0);
                    _statistics.AddSpilled(firstCount);
                    _metrics.EventsSpilled(firstCount);
                    spilledAhead = true;
                    _spill.TryPeek(out ahead);
                    SpillPending();
                }

                SpillQueued(batch);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Handled once this attempt is over, so that its answer is not lost.
                _spillFault = ExceptionDispatchInfo.Capture(exception);
                break;
            }
        }

        return (await sending.ConfigureAwait(false), spilledAhead, ahead);
    }

    /// <summary>Waits until the next attempt is due, a batch's worth is queued, the flush interval passed or stop is asked for.</summary>
    private async Task WaitForSpillWorkAsync(CancellationToken token)
    {
        if (ArmBatchSignal() is not { } ready)
        {
            return;
        }

        var untilAttempt = -_timeProvider.GetElapsedTime(_nextAttempt);
        var wait = untilAttempt < _settings.FlushInterval ? untilAttempt : _settings.FlushInterval;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var waitCancel = CancellationTokenSource.CreateLinkedTokenSource(token);
        var delay = Task.Delay(wait, _timeProvider, waitCancel.Token);
        await Task.WhenAny(ready.Task, delay, _stopSignal.Task).ConfigureAwait(false);
        await waitCancel.CancelAsync().ConfigureAwait(false);
        token.ThrowIfCancellationRequested();
    }

    /// <summary>A transient failure: the next attempt waits for the backoff or the collector's <c>Retry-After</c>.</summary>
    private void Failed(SendAttempt result, int count)
    {
        var delay = result.RetryAfter ?? RetryDelays.Backoff(_failures, _settings.MaxRetryDelay, Random.Shared.NextDouble());
        _failures++;
        _nextAttempt = _timeProvider.GetTimestamp() + (long)(delay.TotalSeconds * _timeProvider.TimestampFrequency);
        Log.RetryScheduled(_logger, count, result.Reason ?? "unknown", _failures + 1, (long)delay.TotalMilliseconds, result.Exception);
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

    /// <summary>Validates the events taken from the queue and serializes the valid ones into <see cref="_pending"/> bodies.</summary>
    private void Take(List<WireEvent> batch)
    {
        Interlocked.Add(ref _dispatched, batch.Count);
        _valid.Clear();
        var now = _timeProvider.GetUtcNow();
        var invalid = 0;
        foreach (var item in batch)
        {
            var errors = Check(item, now);
            if (errors is null)
            {
                _valid.Add(item);
            }
            else
            {
                Log.EventInvalid(_logger, item.Type, string.Join("; ", errors));
                invalid++;
            }
        }

        batch.Clear();
        Reject(invalid);
        Processed(invalid);
        if (_valid.Count > 0)
        {
            AddBodies(_valid);
        }

        _valid.Clear();
    }

    private void AddBodies(List<WireEvent> events)
    {
        var body = Serialize(events);
        if (body is not null && body.Length <= EventBatch.MaxBytes)
        {
            _pending.Add((body, events.Count));
        }
        else if (events.Count > 1)
        {
            var half = events.Count / 2;
            AddBodies(events.GetRange(0, half));
            AddBodies(events.GetRange(half, events.Count - half));
        }
        else
        {
            Log.EventInvalid(_logger, events[0].Type, body is null ? "could not be serialized" : "larger than the 1 MiB batch limit");
            Reject(1);
            Processed(1);
        }
    }

    /// <summary>Appends every pending body to the spill.</summary>
    private void SpillPending()
    {
        while (_pending.Count > 0)
        {
            var (body, count) = _pending[0];
            _spill!.Append(body, count);
            _pending.RemoveAt(0);
            _statistics.AddSpilled(count);
            _metrics.EventsSpilled(count);
        }
    }

    /// <summary>Moves everything queued right now to the spill, a batch at a time.</summary>
    private void SpillQueued(List<WireEvent> batch)
    {
        while (_reader.TryRead(out var item))
        {
            batch.Add(item);
            if (batch.Count == _settings.MaxBatchSize)
            {
                Take(batch);
                SpillPending();
            }
        }

        if (batch.Count > 0)
        {
            Take(batch);
            SpillPending();
        }
    }

    /// <summary>At the end, puts what is still in memory on disk; false when the spill failed (the rest is counted as dropped).</summary>
    private bool SpillRest(List<WireEvent> batch)
    {
        try
        {
            if (_accountedInBatch == 0)
            {
                Take(batch);
            }

            SpillPending();
            SpillQueued(batch);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.SpillFailed(_logger, _spill!.Directory, exception);
            batch.Clear();
            return false;
        }
    }

    private bool OpenSpill(string directory)
    {
        SpillStore? store = null;
        try
        {
            store = new SpillStore(directory, _settings.MaxSpillBytes, OnSpillDrop, _logger);
            var leftover = store.Open();
            if (leftover > 0)
            {
                Log.SpillResumed(_logger, leftover, store.Directory);
            }

            Volatile.Write(ref _spill, store);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Log.SpillUnavailable(_logger, directory, exception);
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

    private void CloseSpill()
    {
        var spill = Interlocked.Exchange(ref _spill, null);
        try
        {
            spill?.Dispose();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.SpillFailed(_logger, spill!.Directory, exception);
        }
    }

    private void OnSpillDrop(SpillDrop drop)
    {
        _statistics.AddDropped(drop.Count);
        _metrics.EventsDropped(drop.Count, drop.Reason);
        if (drop.Reason == DropReasons.SpillFull)
        {
            Log.SpillFull(_logger, drop.Count);
        }

        if (!drop.Inherited)
        {
            Processed(drop.Count);
        }
    }

    /// <summary>Adds events to <paramref name="batch"/> until it is full, the flush interval has passed, or a flush is asked for.</summary>
    private async Task FillAsync(List<WireEvent> batch, CancellationToken token)
    {
        var started = _timeProvider.GetTimestamp();
        while (batch.Count < _settings.MaxBatchSize)
        {
            if (_reader.TryRead(out var item))
            {
                batch.Add(item);
                continue;
            }

            var signal = Volatile.Read(ref _flushSignal);
            var remaining = _settings.FlushInterval - _timeProvider.GetElapsedTime(started);
            if (signal.Task.IsCompleted || remaining <= TimeSpan.Zero)
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
            await Task.WhenAny(ready.Task, delay, signal.Task).ConfigureAwait(false);
            await waitCancel.CancelAsync().ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
        }
    }

    private async Task ProcessAsync(List<WireEvent> batch, CancellationToken token)
    {
        _valid.Clear();
        try
        {
            var now = _timeProvider.GetUtcNow();
            foreach (var item in batch)
            {
                var errors = Check(item, now);
                if (errors is null)
                {
                    _valid.Add(item);
                }
                else
                {
                    Log.EventInvalid(_logger, item.Type, string.Join("; ", errors));
                    Reject(1);
                    _accountedInBatch++;
                }
            }

            if (_valid.Count > 0)
            {
                await SendAsync(_valid, token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
        {
            var left = batch.Count - _accountedInBatch;
            Log.SenderFailed(_logger, left, exception);
            Reject(left);
            _accountedInBatch = batch.Count;
        }
        finally
        {
            _valid.Clear();
        }
    }

    private async Task SendAsync(List<WireEvent> events, CancellationToken token)
    {
        var body = Serialize(events);
        if ((body is null || body.Length > EventBatch.MaxBytes) && events.Count > 1)
        {
            var half = events.Count / 2;
            await SendAsync(events.GetRange(0, half), token).ConfigureAwait(false);
            await SendAsync(events.GetRange(half, events.Count - half), token).ConfigureAwait(false);
            return;
        }

        if (body is null)
        {
            Log.EventInvalid(_logger, events[0].Type, "could not be serialized");
            Reject(1);
            _accountedInBatch++;
            return;
        }

        await SendWithRetryAsync(body, events.Count, token).ConfigureAwait(false);
        _accountedInBatch += events.Count;
    }

    /// <summary>Sends one body until it is delivered or refused, waiting out transient failures in memory.</summary>
    private async Task SendWithRetryAsync(byte[] body, int count, CancellationToken token)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await SendOnceAsync(body, count, token).ConfigureAwait(false);
            if (!result.ShouldRetry)
            {
                return;
            }

            var delay = result.RetryAfter ?? RetryDelays.Backoff(attempt, _settings.MaxRetryDelay, Random.Shared.NextDouble());
            Log.RetryScheduled(_logger, count, result.Reason ?? "unknown", attempt + 2, (long)delay.TotalMilliseconds, result.Exception);
            await Task.Delay(delay, _timeProvider, token).ConfigureAwait(false);
            _statistics.AddRetry();
            _metrics.Retried();
        }
    }

    /// <summary>One attempt; a delivered or refused body is counted here, a transient failure is left to the caller.</summary>
    private async Task<SendAttempt> SendOnceAsync(byte[] body, int count, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _settings.Endpoint);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _settings.ApiKey);
        using var timeout = new CancellationTokenSource(_settings.RequestTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
        try
        {
            using var response = await _httpClient().SendAsync(request, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await AccountAnswerAsync(response, count, linked.Token).ConfigureAwait(false);
                return SendAttempt.Done;
            }

            if (status is < 400 or >= 500 or 408 or 429)
            {
                var retryAfter = RetryDelays.FromRetryAfter(response.Headers.RetryAfter, _timeProvider.GetUtcNow(), _settings.MaxRetryDelay);
                return SendAttempt.Retry(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"), retryAfter);
            }

            var problem = await ReadProblemAsync(response, linked.Token).ConfigureAwait(false);
            Log.BatchRefused(_logger, count, status, problem);
            Reject(count);
            return SendAttempt.Done;
        }
        catch (HttpRequestException exception)
        {
            return SendAttempt.Retry("network error", exception: exception);
        }
        catch (OperationCanceledException exception) when (!token.IsCancellationRequested)
        {
            return SendAttempt.Retry("timeout", exception: exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever a handler in the client's pipeline throws (a resilience handler's TimeoutRejectedException or
            // BrokenCircuitException, a broken response body): the collector may be fine a moment later.
            return SendAttempt.Retry(exception.GetType().Name, exception: exception);
        }
    }

    private async Task AccountAnswerAsync(HttpResponseMessage response, int count, CancellationToken token)
    {
        IngestResponse? answer = null;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
            answer = JsonSerializer.Deserialize(bytes, ContractJsonContext.Default.IngestResponse);
        }
        catch (JsonException exception)
        {
            Log.UnreadableResponse(_logger, (int)response.StatusCode, exception);
        }

        if (answer is null)
        {
            Sent(count);
            return;
        }

        var rejected = answer.Rejected ?? [];
        foreach (var item in rejected)
        {
            Log.EventRejected(_logger, item.Index, item.Id, string.Join("; ", item.Errors ?? []));
        }

        Sent(answer.Accepted + answer.Duplicates);
        Reject(rejected.Count);
    }

    private static async Task<string> ReadProblemAsync(HttpResponseMessage response, CancellationToken token)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
            return text.Length > MaxProblemChars ? text[..MaxProblemChars] + "…" : text;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            return "(no readable body)";
        }
    }

    private void Sent(long count)
    {
        if (count > 0)
        {
            _statistics.AddSent(count);
            _metrics.EventsSent(count);
        }
    }

    private void Reject(long count)
    {
        if (count > 0)
        {
            _statistics.AddRejected(count);
            _metrics.EventsDropped(count, DropReasons.Rejected);
        }
    }

    private void Processed(long count)
    {
        lock (_flushLock)
        {
            _processed += count;
            for (var i = _flushWaiters.Count - 1; i >= 0; i--)
            {
                if (_flushWaiters[i].Target <= _processed)
                {
                    _flushWaiters[i].Done.TrySetResult();
                    _flushWaiters.RemoveAt(i);
                }
            }

            if (_flushWaiters.Count == 0 && !_stopping && _flushSignal.Task.IsCompleted)
            {
                Volatile.Write(ref _flushSignal, NewSignal());
            }
        }
    }

    private void Finish()
    {
        lock (_flushLock)
        {
            _finished = true;
            foreach (var (_, done) in _flushWaiters)
            {
                done.TrySetResult();
            }

            _flushWaiters.Clear();
        }
    }
}
