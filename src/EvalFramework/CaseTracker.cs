using System.Diagnostics.Metrics;
using System.Threading.Channels;
using EvalFramework.Contract;
using EvalFramework.Sending;
using EvalFramework.Telemetry;
using EvalFramework.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EvalFramework;

/// <summary>
/// Records the events of a pilot's cases and sends them to the collector in the background. Recording never throws
/// and never blocks: events go into a bounded queue (dropped and counted when it is full) and are checked, batched,
/// sent and retried by one background task. Create one per process and dispose it at shutdown, which sends what is
/// still queued within <see cref="EvalFrameworkOptions.ShutdownTimeout"/>. With
/// <see cref="EvalFrameworkOptions.SpillDirectory"/> set, events the collector cannot take wait on disk (bounded by
/// <see cref="EvalFrameworkOptions.MaxSpillBytes"/>) instead of in memory, also across restarts.
/// </summary>
public sealed class CaseTracker : IAsyncDisposable, IDisposable
{
    /// <summary>What a staff reference is prefixed with before it is pseudonymised: keeps it apart from case references.</summary>
    private const string RespondentPrefix = "respondent:";

    private readonly Channel<WireEvent> _queue;
    private readonly string _pilot;
    private readonly Pseudonymiser _pseudonymiser;
    private readonly TimeProvider _timeProvider;
    private readonly EvalFrameworkSdkMetrics _metrics;
    private readonly EventSender _sender;
    private readonly TimeSpan _shutdownTimeout;
    private readonly IDisposable? _ownedHttpClient;
    private readonly IDisposable? _ownedMeterFactory;
    private int _disposed;

    private CaseTracker(
        EvalFrameworkOptions options,
        Func<HttpClient> httpClient,
        IDisposable? ownedHttpClient,
        ILoggerFactory? loggerFactory,
        IMeterFactory? meterFactory,
        TimeProvider? timeProvider)
    {
        var errors = EvalFrameworkOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            ownedHttpClient?.Dispose();
            throw new ArgumentException("Invalid EvalFramework options: " + string.Join("; ", errors), nameof(options));
        }

        _pilot = options.Pilot!;
        _pseudonymiser = new Pseudonymiser(options.PseudonymKey!);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _shutdownTimeout = options.ShutdownTimeout;
        _ownedHttpClient = ownedHttpClient;
        _queue = Channel.CreateBounded<WireEvent>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });

        if (meterFactory is null)
        {
            var ownFactory = new DefaultMeterFactory();
            _ownedMeterFactory = ownFactory;
            meterFactory = ownFactory;
        }

        _metrics = new EvalFrameworkSdkMetrics(meterFactory, () => _queue.Reader.Count, () => _sender?.SpillBytes ?? 0);
        var settings = new SenderSettings(
            EventsEndpoint(options.CollectorUri!),
            options.ApiKey!,
            options.QueueCapacity,
            options.MaxBatchSize,
            options.FlushInterval,
            options.RequestTimeout,
            options.MaxRetryDelay,
            options.SpillDirectory,
            options.MaxSpillBytes);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<CaseTracker>();
        _sender = new EventSender(_queue.Reader, httpClient, settings, _timeProvider, Statistics, _metrics, logger);
        _sender.Start();
    }

    /// <summary>Counts of queued, sent, dropped, rejected and retried events since the tracker was created.</summary>
    public TrackerStatistics Statistics { get; } = new();

    /// <summary>Creates a tracker and starts its background sender; the tracker owns the sender and its HTTP client.</summary>
    /// <param name="options">The settings; they are read now, later changes have no effect.</param>
    /// <param name="loggerFactory">Where the SDK logs its problems; none by default.</param>
    /// <param name="meterFactory">Where the SDK's meter <c>EvalFramework.Sdk</c> is created; a private one by default.</param>
    /// <param name="handler">The HTTP handler to send with (not disposed by the tracker); a fresh one by default.</param>
    /// <param name="timeProvider">The clock for event times, batching and retries; <see cref="TimeProvider.System"/> by default.</param>
    /// <returns>The running tracker.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message names every offending option.</exception>
    public static CaseTracker Create(
        EvalFrameworkOptions options,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null,
        HttpMessageHandler? handler = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = handler is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        client.Timeout = Timeout.InfiniteTimeSpan; // Each request has its own RequestTimeout.
        client.MaxResponseContentBufferSize = EventBatch.MaxBytes;
        return new CaseTracker(options, () => client, client, loggerFactory, meterFactory, timeProvider);
    }

    /// <summary>Creates a tracker whose requests go through clients from <paramref name="httpClients"/> (dependency injection).</summary>
    internal static CaseTracker Create(
        EvalFrameworkOptions options,
        Func<HttpClient> httpClients,
        ILoggerFactory? loggerFactory,
        IMeterFactory? meterFactory,
        TimeProvider? timeProvider) =>
        new(options, httpClients, null, loggerFactory, meterFactory, timeProvider);

    /// <summary>
    /// Opens a case: records <c>case.started</c> and returns its handle, which becomes <see cref="TrackedCase.Current"/>
    /// until it is disposed. Dispose it when the case is done; if it was not completed it is recorded as abandoned.
    /// </summary>
    /// <param name="caseType">The case type (slug), e.g. <c>building-permit-question</c>.</param>
    /// <param name="arm">The arm (slug), e.g. <c>manual</c> or <c>ai_assisted</c>.</param>
    /// <param name="reference">The service's own case reference; only its pseudonym leaves the process.</param>
    /// <param name="channel">How the citizen came (optional slug), e.g. <c>phone</c>.</param>
    /// <param name="attributes">Up to 16 extra string attributes (slug keys); never personal data.</param>
    /// <returns>The case's handle.</returns>
    public TrackedCase StartCase(
        string caseType,
        string arm,
        string reference,
        string? channel = null,
        IReadOnlyDictionary<string, string>? attributes = null)
    {
        var tracked = new TrackedCase(this, Pseudonymise(reference), completeOnDispose: true);
        var started = NewEvent(EventTypes.CaseStarted, tracked.CaseId);
        started.CaseType = caseType;
        started.Arm = arm;
        started.Channel = channel;
        started.Attributes = CopyAttributes(attributes);
        Enqueue(started);
        return tracked;
    }

    /// <summary>
    /// A handle to an existing case, for events that come later (a review, a complaint, a survey answer). It records
    /// nothing by itself; it becomes <see cref="TrackedCase.Current"/> until it is disposed.
    /// </summary>
    /// <param name="reference">The service's own case reference, as given to <see cref="StartCase"/>.</param>
    /// <returns>The case's handle.</returns>
    public TrackedCase Case(string reference) => new(this, Pseudonymise(reference), completeOnDispose: false);

    /// <summary>Records a staff survey answer (<c>survey.staff</c>); it belongs to no case.</summary>
    /// <param name="team">The team (slug).</param>
    /// <param name="arm">The arm the team works in (slug).</param>
    /// <param name="wellbeing">Well-being, 1–5.</param>
    /// <param name="workload">Workload, 1–5.</param>
    /// <param name="stress">Stress, 1–5.</param>
    public void RecordStaffSurvey(string team, string arm, int wellbeing, int workload, int stress)
    {
        var e = NewEvent(EventTypes.SurveyStaff, caseId: null);
        e.Team = team;
        e.Arm = arm;
        e.Wellbeing = wellbeing;
        e.Workload = workload;
        e.Stress = stress;
        Enqueue(e);
    }

    /// <summary>
    /// Records a staff survey answer (<c>survey.staff</c>) with its respondent, so the evaluation can average each
    /// person's answers before comparing arms (contract v2). <paramref name="respondent"/> is the service's own reference
    /// for the staff member (an employee number, a user id); only its pseudonym is sent: HMAC-SHA256 under the
    /// <see cref="EvalFrameworkOptions.PseudonymKey"/> of <c>respondent:</c> followed by the reference, so it never equals a
    /// case's pseudonym. The same person gets the same pseudonym in every answer. It belongs to no case.
    /// </summary>
    /// <param name="team">The team (slug).</param>
    /// <param name="arm">The arm the team works in (slug).</param>
    /// <param name="respondent">The service's own reference for the staff member; never sent as it is.</param>
    /// <param name="wellbeing">Well-being, 1–5.</param>
    /// <param name="workload">Workload, 1–5.</param>
    /// <param name="stress">Stress, 1–5.</param>
    public void RecordStaffSurvey(string team, string arm, string respondent, int wellbeing, int workload, int stress)
    {
        var e = NewEvent(EventTypes.SurveyStaff, caseId: null);
        e.Team = team;
        e.Arm = arm;
        e.Respondent = respondent is null ? null : _pseudonymiser.Pseudonymise(RespondentPrefix + respondent);
        e.Wellbeing = wellbeing;
        e.Workload = workload;
        e.Stress = stress;
        Enqueue(e);
    }

    /// <summary>Records maintenance work on the pilot (<c>pilot.maintenance</c>): prompt or model updates, training.</summary>
    /// <param name="hours">Hours spent, at least 0.001 (3.6 seconds) and at most 8784.</param>
    /// <param name="kind">What kind of work (slug), e.g. <c>prompt-update</c>.</param>
    /// <param name="arm">The arm it was for (optional slug).</param>
    public void RecordMaintenance(double hours, string kind, string? arm = null)
    {
        var e = NewEvent(EventTypes.PilotMaintenance, caseId: null);
        e.Hours = hours;
        e.Kind = kind;
        e.Arm = arm;
        Enqueue(e);
    }

    /// <summary>
    /// Completes when every event queued before the call has been sent, refused or given up on. Waits without limit
    /// while the collector is unreachable, so pass a token with a deadline.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the events stay queued).</param>
    /// <returns>A task that completes when the events are handled.</returns>
    public Task FlushAsync(CancellationToken cancellationToken = default) =>
        _sender.FlushAsync(Statistics.Queued, cancellationToken);

    /// <summary>Stops accepting events, sends what is queued within the shutdown timeout, then stops the sender.</summary>
    /// <returns>A task that completes when the sender has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _sender.StopAsync(_shutdownTimeout).ConfigureAwait(false);
        _ownedHttpClient?.Dispose();
        _ownedMeterFactory?.Dispose();
    }

    /// <summary>Like <see cref="DisposeAsync"/>, blocking the calling thread for at most the shutdown timeout.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// A new event of <paramref name="type"/> with its time, pilot and case id; the caller fills the rest. Its id is
    /// made by the background sender from this time, so the caller's thread does not pay for it.
    /// </summary>
    internal WireEvent NewEvent(string type, string? caseId)
    {
        var now = _timeProvider.GetUtcNow();
        return new WireEvent
        {
            Type = type,
            Time = now,
            Pilot = _pilot,
            CaseId = caseId,
        };
    }

    /// <summary>Queues an event without waiting; a full or closed queue drops it and counts it.</summary>
    internal void Enqueue(WireEvent e)
    {
        if (_queue.Writer.TryWrite(e))
        {
            _sender.OnQueued(Statistics.AddQueued());
            _metrics.EventQueued();
        }
        else
        {
            Statistics.AddDropped(1);
            _metrics.EventsDropped(1, Volatile.Read(ref _disposed) == 0 ? DropReasons.QueueFull : DropReasons.Shutdown);
        }
    }

    /// <summary>The pseudonym; an empty string (rejected later, never thrown) when there is no reference.</summary>
    private string Pseudonymise(string? reference) =>
        reference is null ? string.Empty : _pseudonymiser.Pseudonymise(reference);

    private static Dictionary<string, string>? CopyAttributes(IReadOnlyDictionary<string, string>? attributes)
    {
        if (attributes is null)
        {
            return null;
        }

        try
        {
            var copy = new Dictionary<string, string>(attributes.Count, StringComparer.Ordinal);
            foreach (var (key, value) in attributes)
            {
                copy[key] = value;
            }

            return copy;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A broken dictionary must not throw into the caller: an attribute the validator refuses stands in for it.
            return new Dictionary<string, string>(StringComparer.Ordinal) { ["_invalid"] = null! };
        }
    }

    private static Uri EventsEndpoint(Uri collector)
    {
        var root = collector.AbsoluteUri.EndsWith('/') ? collector : new Uri(collector.AbsoluteUri + "/");
        return new Uri(root, "api/v1/events");
    }
}
