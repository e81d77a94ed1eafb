using System.Diagnostics.Metrics;
using EvalFramework.Evaluation.Simulation;
using Microsoft.Extensions.Logging;

namespace EvalFramework.Playback;

/// <summary>
/// Plays simulated events into a real <see cref="CaseTracker"/>, as a pilot's service would record them, so they
/// reach the collector through the SDK's queue, batching, retries and wire format. The tracker's clock reads the
/// simulated time of each event while its timers run in real time. Playback paces itself so the tracker's bounded
/// queue never fills (nothing is dropped for speed), and never records an event before its time on the real clock.
/// The player does no I/O of its own: the tracker it owns sends the events.
/// </summary>
public sealed class SimulationPlayer : IAsyncDisposable
{
    private const int ProgressInterval = 500;
    private readonly CaseTracker _tracker;
    private readonly SimulatedClock _clock;
    private readonly TimeProvider _real;
    private readonly int _chunk;
    private readonly TaskCompletionSource<PlaybackStatus> _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _started;
    private long _cases;
    private long _events;
    private DateTimeOffset _simulatedTime;
    private SimulatedEvent? _current;

    private SimulationPlayer(CaseTracker tracker, SimulatedClock clock, TimeProvider real, int queueCapacity)
    {
        _tracker = tracker;
        _clock = clock;
        _real = real;
        _started = real.GetTimestamp();
        _simulatedTime = clock.GetUtcNow();

        // At most two chunks are queued at once (one being sent, one being recorded): half the queue.
        _chunk = Math.Max(1, queueCapacity / 4);
    }

    /// <summary>
    /// Completes when playback reaches the present (the first event whose time is still to come on the real clock),
    /// after every earlier event has been sent, or when the events end before that.
    /// </summary>
    public Task<PlaybackStatus> CaughtUp => _caughtUp.Task;

    /// <summary>The counts so far.</summary>
    public PlaybackStatus Status
    {
        get
        {
            var s = _tracker.Statistics;
            return new PlaybackStatus(_simulatedTime, Interlocked.Read(ref _cases), Interlocked.Read(ref _events), s.Sent, s.Rejected,
                s.Dropped, s.Retries, _real.GetElapsedTime(_started));
        }
    }

    /// <summary>Creates a player with its own tracker.</summary>
    /// <param name="options">The tracker's settings (collector, key, pilot, pseudonym key, queue, batch size).</param>
    /// <param name="loggerFactory">Where the tracker logs; none by default.</param>
    /// <param name="meterFactory">Where the tracker's meter is created; a private one by default.</param>
    /// <param name="handler">The HTTP handler to send with; a fresh one by default.</param>
    /// <param name="timeProvider">The real clock (for pacing, timers and batching); <see cref="TimeProvider.System"/> by default.</param>
    /// <returns>The player; dispose it to send what is left and stop the tracker.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message names every offending option.</exception>
    public static SimulationPlayer Create(EvalFrameworkOptions options, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null,
        HttpMessageHandler? handler = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var real = timeProvider ?? TimeProvider.System;
        var clock = new SimulatedClock(real);
        var tracker = CaseTracker.Create(options, loggerFactory, meterFactory, handler, clock);
        return new SimulationPlayer(tracker, clock, real, options.QueueCapacity);
    }

    /// <summary>
    /// Records <paramref name="events"/> in order at <paramref name="speed"/>, then waits until the collector has
    /// answered for all of them. The first event sets the simulated start; with a finite speed each later event waits
    /// until its time, scaled, has passed.
    /// </summary>
    /// <param name="events">The events, in time order (a <see cref="PilotSimulator"/>'s).</param>
    /// <param name="speed">How fast simulated time runs.</param>
    /// <param name="progress">Told every 500 events, on catching up with the present and at the end.</param>
    /// <param name="cancellationToken">Stops playback (what is queued is sent when the player is disposed).</param>
    /// <returns>The final counts.</returns>
    public async Task<PlaybackStatus> PlayAsync(IEnumerable<SimulatedEvent> events, SimulationSpeed speed,
        IProgress<PlaybackStatus>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        _started = _real.GetTimestamp();
        var context = ExecutionContext.Capture();
        DateTimeOffset? first = null;
        Task? inFlight = null;
        var sinceFlush = 0;
        foreach (var e in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            first ??= e.Time;
            await WaitForAsync(e.Time, first.Value, speed, progress, cancellationToken).ConfigureAwait(false);
            Record(e, context);
            if (++sinceFlush >= _chunk)
            {
                if (inFlight is not null)
                {
                    await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
                }

                inFlight = _tracker.FlushAsync(cancellationToken);
                sinceFlush = 0;
            }

            if (_events % ProgressInterval == 0)
            {
                progress?.Report(Status);
            }
        }

        await _tracker.FlushAsync(cancellationToken).ConfigureAwait(false);
        var done = Status;
        _caughtUp.TrySetResult(done);
        progress?.Report(done);
        return done;
    }

    /// <summary>
    /// Waits until <paramref name="time"/> is due: at a finite speed when its scaled distance from the first event has
    /// passed, and at any speed not before it has come on the real clock. Reaching the present the first time, sends
    /// everything recorded so far and completes <see cref="CaughtUp"/>.
    /// </summary>
    private async Task WaitForAsync(DateTimeOffset time, DateTimeOffset first, SimulationSpeed speed, IProgress<PlaybackStatus>? progress,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = speed.IsMax ? TimeSpan.Zero : ((time - first) / speed.Factor) - _real.GetElapsedTime(_started);
            var ahead = time - _real.GetUtcNow();
            if (ahead > TimeSpan.Zero && !_caughtUp.Task.IsCompleted)
            {
                await _tracker.FlushAsync(cancellationToken).ConfigureAwait(false);
                var status = Status;
                progress?.Report(status);
                _caughtUp.TrySetResult(status);
                continue;
            }

            wait = ahead > wait ? ahead : wait;
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, _real, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends what is still queued (within the tracker's shutdown timeout) and stops the tracker.</summary>
    /// <returns>A task that completes when the tracker has stopped.</returns>
    public ValueTask DisposeAsync() => _tracker.DisposeAsync();

    private void Record(SimulatedEvent e, ExecutionContext? context)
    {
        _clock.Set(e.Time);
        _simulatedTime = e.Time;
        _current = e;

        // Each event is recorded in a copy of the playback's execution context, so the case handles made for it
        // never stay TrackedCase.Current (an open handle left current would chain every later one to it).
        if (context is null)
        {
            RecordCurrent();
        }
        else
        {
            ExecutionContext.Run(context, static player => ((SimulationPlayer)player!).RecordCurrent(), this);
        }

        Interlocked.Increment(ref _events);
    }

    private void RecordCurrent()
    {
        switch (_current)
        {
            case SimulatedCaseStart s:
                // Not disposed: disposing a handle that was not completed records the case as abandoned. The case is
                // completed by its own SimulatedCaseCompletion, through Case(reference), like every later event.
                _ = s.Case.Assignment is { } a
                    ? _tracker.StartAssignedCase(_tracker.Assigned(s.Case.CaseType, s.Case.Reference, a.Unit,
                        a.Unit == "case" ? null : a.UnitKey, a.AssignedArm), s.Case.Channel, armUsed: s.Case.Arm)
                    : _tracker.StartCase(s.Case.CaseType, s.Case.Arm, s.Case.Reference, s.Case.Channel);
                Interlocked.Increment(ref _cases);
                break;
            case SimulatedCaseEvent c:
                using (var handle = _tracker.Case(c.Case.Reference))
                {
                    RecordOn(handle, c);
                }

                break;
            case SimulatedStaffSurvey s:
                _tracker.RecordStaffSurvey(s.Team, s.Arm, s.Respondent, s.Wellbeing, s.Workload, s.Stress);
                break;
            case SimulatedMaintenance m:
                _tracker.RecordMaintenance(m.Hours, m.Kind, m.Arm);
                break;
            default:
                throw new InvalidOperationException("unknown simulated event " + _current?.GetType().Name);
        }
    }

    private static void RecordOn(TrackedCase handle, SimulatedCaseEvent e)
    {
        switch (e)
        {
            case SimulatedEffort x: handle.RecordEffort(x.Role, TimeSpan.FromSeconds(x.Seconds)); break;
            case SimulatedAiUsage x: handle.RecordAiUsage(x.Model, x.InputTokens, x.OutputTokens, TimeSpan.FromMilliseconds(x.DurationMs)); break;
            case SimulatedEscalation x: handle.RecordEscalation(x.Reason); break;
            case SimulatedError x: handle.RecordError(x.Source, x.Severity); break;
            case SimulatedReview x: handle.RecordReview(x.Correct, x.Consistent, x.Score); break;
            case SimulatedIntegrationFailure x: handle.RecordIntegrationFailure(x.System, x.Kind); break;
            case SimulatedCitizenSurvey x: handle.RecordCitizenSurvey(x.Csat, x.Nps); break;
            case SimulatedCaseCompletion x: handle.Complete(x.Outcome); break;
            default: throw new InvalidOperationException("unknown simulated case event " + e.GetType().Name);
        }
    }
}
