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

    /// <summary>What a handler's reference is prefixed with before it is pseudonymised as an assignment unit.</summary>
    private const string HandlerPrefix = "handler:";

    private readonly Channel<WireEvent> _queue;
    private readonly string _pilot;
    private readonly Pseudonymiser _pseudonymiser;
    private readonly ArmAssigner? _assigner;
    private readonly string _assignmentUnit;
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
        _assignmentUnit = options.AssignmentUnit;
        _assigner = options.AssignmentSalt is { } salt
            ? new ArmAssigner(salt, [.. options.AssignmentArms.Select(a => (a.Name!, a.Share))])
            : null;
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
    /// The arm a case is assigned to when each case is assigned on its own (<see cref="EvalFrameworkOptions.AssignmentUnit"/>
    /// <c>case</c>), or when periods are and the period is the case's ISO week now (UTC), e.g. <c>2026-W49</c>.
    /// Deterministic and sticky: the same salt, arms and case give the same arm, in any process and language
    /// (docs/assignment.md). Records nothing; pass the result to
    /// <see cref="StartAssignedCase"/>.
    /// </summary>
    /// <param name="caseType">The case type (slug); it does not enter the assignment.</param>
    /// <param name="reference">The service's own case reference; only its pseudonym is kept.</param>
    /// <returns>The assignment.</returns>
    /// <exception cref="InvalidOperationException">The options set no <see cref="EvalFrameworkOptions.AssignmentSalt"/>.</exception>
    /// <exception cref="ArgumentException">The unit is handler or team: its key is needed (the other overload).</exception>
    public ArmAssignment Assign(string caseType, string reference)
    {
        if (_assignmentUnit is AssignmentUnits.Handler or AssignmentUnits.Team)
        {
            throw new ArgumentException(
                "the assignment unit is " + _assignmentUnit + ": pass the " + _assignmentUnit + "'s key (Assign(caseType, reference, unitKey))",
                nameof(reference));
        }

        return Assign(caseType, reference, _assignmentUnit == AssignmentUnits.Period ? PeriodKeys.IsoWeek(_timeProvider.GetUtcNow()) : null);
    }

    /// <summary>
    /// The arm a case is assigned to through its unit (<see cref="EvalFrameworkOptions.AssignmentUnit"/>): the handler who
    /// takes it, its team or its period. Every case of the same unit gets the same arm. Records nothing; pass the result
    /// to <see cref="StartAssignedCase"/>.
    /// </summary>
    /// <param name="caseType">The case type (slug); it does not enter the assignment, so a unit has one arm for every case type.</param>
    /// <param name="reference">The service's own case reference; only its pseudonym is kept.</param>
    /// <param name="unitKey">
    /// Unit handler: the service's own reference for the staff member (only its pseudonym, HMAC-SHA256 under the
    /// <see cref="EvalFrameworkOptions.PseudonymKey"/> of <c>handler:</c> and the reference, is kept). Unit team: the
    /// team's slug. Unit period: the period's key, an ISO week such as <c>2026-W49</c> or the period's first day such as
    /// <c>2026-12-01</c>. Unit case: null (the case is its own unit).
    /// </param>
    /// <returns>The assignment.</returns>
    /// <exception cref="InvalidOperationException">The options set no <see cref="EvalFrameworkOptions.AssignmentSalt"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="unitKey"/> does not fit the unit (the message never shows it).</exception>
    public ArmAssignment Assign(string caseType, string reference, string? unitKey)
    {
        ArgumentNullException.ThrowIfNull(caseType);
        ArgumentNullException.ThrowIfNull(reference);
        if (_assigner is null)
        {
            throw new InvalidOperationException("set EvalFrameworkOptions.AssignmentSalt and AssignmentArms to assign arms");
        }

        var caseId = _pseudonymiser.Pseudonymise(reference);
        var unitId = UnitId(caseId, unitKey);
        return new ArmAssignment(caseType, caseId, _assigner.ArmOf(_assignmentUnit, unitId), _assignmentUnit, unitId);
    }

    /// <summary>
    /// Opens an assigned case: records <c>case.started</c> with its <c>assignment</c> (unit, unit id, assigned arm) and
    /// returns its handle, as <see cref="StartCase"/> does.
    /// </summary>
    /// <param name="assignment">From <see cref="Assign(string, string)"/> or <see cref="Assign(string, string, string?)"/>.</param>
    /// <param name="channel">How the citizen came (optional slug), e.g. <c>phone</c>.</param>
    /// <param name="attributes">Up to 16 extra string attributes (slug keys); never personal data.</param>
    /// <param name="armUsed">
    /// The arm the case was actually handled in, when it is not the assigned one (a case that did not comply); null
    /// for the assigned arm. The evaluation analyses the case in its assigned arm and counts it as non-compliant.
    /// </param>
    /// <returns>The case's handle.</returns>
    public TrackedCase StartAssignedCase(ArmAssignment assignment, string? channel = null, IReadOnlyDictionary<string, string>? attributes = null,
        string? armUsed = null)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var tracked = new TrackedCase(this, assignment.CaseId, completeOnDispose: true);
        var started = NewEvent(EventTypes.CaseStarted, tracked.CaseId);
        started.CaseType = assignment.CaseType;
        started.Arm = armUsed ?? assignment.Arm;
        started.Channel = channel;
        started.Attributes = CopyAttributes(attributes);
        started.Assignment = new WireAssignment { Unit = assignment.Unit, UnitId = assignment.UnitId, AssignedArm = assignment.Arm };
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

    /// <summary>The recorded id of the case's unit: its pseudonym, the handler's pseudonym, the team slug or the period key.</summary>
    private string UnitId(string caseId, string? unitKey)
    {
        const string Key = "unitKey";
        switch (_assignmentUnit)
        {
            case AssignmentUnits.Case:
                return unitKey is null ? caseId : throw new ArgumentException("the assignment unit is case: unitKey must be null", Key);
            case AssignmentUnits.Handler:
                return unitKey is { Length: > 0 }
                    ? _pseudonymiser.Pseudonymise(HandlerPrefix + unitKey)
                    : throw new ArgumentException("the assignment unit is handler: unitKey must be the handler's reference", Key);
            case AssignmentUnits.Team:
                return unitKey is not null && EventValidator.IsSlug(unitKey) && IdentifierGuard.FindInSlug(unitKey) is null
                    ? unitKey
                    : throw new ArgumentException("the assignment unit is team: unitKey must be the team's slug", Key);
            default:
                return unitKey is not null && PeriodKeys.IsValid(unitKey)
                    ? unitKey
                    : throw new ArgumentException("the assignment unit is period: unitKey must be an ISO week like 2026-W49 or a date like 2026-12-01", Key);
        }
    }

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
