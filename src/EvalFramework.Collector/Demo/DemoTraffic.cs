using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using EvalFramework.Collector.Cases;
using EvalFramework.Collector.Configuration;
using EvalFramework.Collector.Snapshots;
using EvalFramework.Evaluation.Simulation;
using EvalFramework.Playback;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Demo;

/// <summary>
/// The demo pilot's traffic, made by the pilot simulator and sent through the SDK exactly as a pilot's service
/// would send it: at start a backfill of history up to now, as fast as the collector takes it, starting
/// <c>Demo:BackfillDays</c> (90) days before the default period end (the start of today, UTC, minus the config's
/// <c>followUpDays</c>); then a snapshot of those days with the default end, as <c>evalctl snapshot create</c> without
/// <c>--to</c> makes it (so dashboards and snapshots have content at once, of cases that had time to close and be
/// followed up); then the same simulation goes on in real time, a live trickle of cases in office hours. When the
/// pilot already has cases in the backfill period (a restarted demo on the same database) the backfill is skipped.
/// The simulated services send only the demo pilot's vocabulary; without a pilot <c>demo</c> in the evaluation config
/// the collector would refuse every event, so there is no demo traffic.
/// </summary>
internal sealed partial class DemoTraffic(
    DemoKey key, IOptions<DemoOptions> options, EvaluationSettings evaluation, SnapshotService snapshots, CaseStore cases,
    IServer server, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory, IMeterFactory meterFactory, TimeProvider time,
    ILogger<DemoTraffic> logger) : BackgroundService
{
    /// <summary>How long the simulation goes on after the backfill: longer than any demo runs.</summary>
    private const int LiveDays = 3650;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            LogNoAddress(logger);
            return;
        }

        if (evaluation.Config?.FindPilot(DemoMode.Pilot) is not { } configured)
        {
            LogNoDemoPilot(logger);
            return;
        }

        var pilot = SimulationPilot.FromConfig(configured);
        var now = time.GetUtcNow();
        var days = options.Value.BackfillDays;
        // The history starts BackfillDays before the default period end, so the first snapshot covers that many whole
        // days whose cases have had the follow-up window to close and be surveyed; the days after it are sent too.
        var end = snapshots.DefaultEnd();
        var start = end.AddDays(-days);
        var simulator = new PilotSimulator(new SimulationSettings
        {
            Pilot = pilot,
            Seed = options.Value.Seed,
            Start = start,
            Days = (now - start).TotalDays + LiveDays,
        });
        foreach (var note in simulator.Notes)
        {
            LogVocabularyNote(logger, note);
        }
        var events = simulator.Events();
        var existing = await cases.CountStartedAsync(DemoMode.Pilot, start, now, stoppingToken);
        if (existing > 0)
        {
            // Only the cases (and weekly events) from now on: their events all come after the ones already stored.
            LogBackfillSkipped(logger, existing, start);
            events = events.Where(e => (e is SimulatedCaseEvent c ? c.Case.Started : e.Time) > now);
        }

        await using var player = SimulationPlayer.Create(
            new EvalFrameworkOptions
            {
                CollectorUri = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/"),
                ApiKey = key.Value,
                Pilot = DemoMode.Pilot,
                PseudonymKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                MaxBatchSize = 500,
            },
            loggerFactory,
            meterFactory,
            timeProvider: time);
        LogStarted(logger, address, start, options.Value.Seed);

        var playing = player.PlayAsync(events, SimulationSpeed.Max, new DemoBackfillProgress(logger, start, now), stoppingToken);
        try
        {
            if (await Task.WhenAny(player.CaughtUp, playing) == player.CaughtUp)
            {
                var backfilled = await player.CaughtUp;
                LogBackfilled(logger, backfilled.Cases, backfilled.Sent, backfilled.Rejected, backfilled.Dropped, backfilled.Elapsed.TotalSeconds);
                await SnapshotAsync(start, end, stoppingToken);
            }

            await playing;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The collector is stopping: the player sends what is queued when it is disposed.
        }
    }

    private async Task SnapshotAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken stoppingToken)
    {
        try
        {
            var (summary, _) = await snapshots.CreateAsync(DemoMode.Pilot, from, to, defaultEnd: true, stoppingToken);
            LogSnapshot(logger, summary.Id, from, to);
        }
        catch (System.Data.Common.DbException e)
        {
            LogSnapshotFailed(logger, e);
        }
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo traffic: simulating pilot 'demo' through the SDK to {Address}: history from {Start:O}, then live (seed {Seed})")]
    private static partial void LogStarted(ILogger logger, string address, DateTimeOffset start, long seed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo backfill done: {Cases} cases, {Sent} events stored ({Rejected} rejected, {Dropped} dropped) in {Seconds:F1} s; live traffic goes on")]
    private static partial void LogBackfilled(ILogger logger, long cases, long sent, long rejected, long dropped, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo snapshot {Id} of {From:O} to {To:O}: GET /api/v1/snapshots/{Id}")]
    private static partial void LogSnapshot(ILogger logger, string id, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo snapshot failed; the live traffic goes on")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo backfill skipped: pilot 'demo' already has {Cases} cases started since {Start:O} (delete the database for a fresh demo)")]
    private static partial void LogBackfillSkipped(ILogger logger, long cases, DateTimeOffset start);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo traffic: the evaluation config has no pilot 'demo', so the collector would refuse its events; no demo traffic (run from the repository root, or set Evaluation:ConfigPath to metrics-config/evaluation.yaml)")]
    private static partial void LogNoDemoPilot(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo traffic: {Note}")]
    private static partial void LogVocabularyNote(ILogger logger, string note);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo traffic: the server has no address; no demo traffic")]
    private static partial void LogNoAddress(ILogger logger);
}
