using EvalFramework.Evaluation.Simulation;
using EvalFramework.Evaluation.Tests.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace EvalFramework.Playback.Tests;

public sealed class SimulationPlayerTests
{
    /// <summary>Where the fake clocks start: the tests' present.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static EvalFrameworkOptions Options(int queueCapacity = 10_000, int batch = 100) => new()
    {
        CollectorUri = new Uri("http://127.0.0.1:9/"),
        ApiKey = "test-key",
        Pilot = "demo",
        PseudonymKey = "a-pseudonym-key-for-tests",
        QueueCapacity = queueCapacity,
        MaxBatchSize = batch,
        FlushInterval = TimeSpan.FromMilliseconds(50),
    };

    [Fact]
    public async Task PlayAsync_MaxSpeedWithASmallQueueAndASlowCollector_NothingDroppedEveryEventSentWithItsTime()
    {
        var events = Simulations.Events(Simulations.Demo(days: 7));
        using var handler = new FakeCollectorHandler(TimeSpan.FromMilliseconds(2));
        await using var player = SimulationPlayer.Create(Options(queueCapacity: 200, batch: 50), handler: handler);

        var result = await player.PlayAsync(events, SimulationSpeed.Max);

        Assert.Equal(0, result.Dropped);
        Assert.Equal(0, result.Rejected);
        Assert.Equal(events.Count, result.Events);
        Assert.Equal(events.Count, result.Sent);
        Assert.Equal(events.OfType<SimulatedCaseStart>().Count(), result.Cases);
        Assert.Equal(events.Last().Time, result.SimulatedTime);
        Assert.Equal(events.Select(e => e.Time), handler.Events.Select(e => e.Time));
        Assert.True(player.CaughtUp.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task PlayAsync_EveryKind_SentAsItsWireType()
    {
        var events = Simulations.Events(Simulations.Demo(days: 14));
        using var handler = new FakeCollectorHandler();
        await using var player = SimulationPlayer.Create(Options(), handler: handler);

        await player.PlayAsync(events, SimulationSpeed.Max);

        string Type(SimulatedEvent e) => e switch
        {
            SimulatedCaseStart => "case.started",
            SimulatedEffort => "human.effort",
            SimulatedAiUsage => "ai.usage",
            SimulatedEscalation => "case.escalated",
            SimulatedError => "case.error",
            SimulatedReview => "quality.review",
            SimulatedIntegrationFailure => "integration.failure",
            SimulatedCitizenSurvey => "survey.citizen",
            SimulatedCaseCompletion => "case.completed",
            SimulatedStaffSurvey => "survey.staff",
            SimulatedMaintenance => "pilot.maintenance",
            _ => "?",
        };
        Assert.Equal(11, events.Select(Type).Distinct().Count());
        Assert.Equal(events.Select(Type), handler.Events.Select(e => e.Type));
    }

    [Fact]
    public async Task PlayAsync_FiniteSpeed_TakesTheScaledTime()
    {
        // The player paces itself on its clock, a fake one here that the test moves 10 ms at a time.
        var clock = new FakeTimeProvider(Now);
        var settings = Simulations.Demo(days: 2, start: Now.AddDays(-30));
        var events = new PilotSimulator(settings).Events().ToList();
        using var handler = new FakeCollectorHandler(clock: clock);
        await using var player = SimulationPlayer.Create(Options(), handler: handler, timeProvider: clock);

        // Two simulated days at 200,000× is about 0.86 s from the first event to the last.
        var expected = (events[^1].Time - events[0].Time) / 200_000;
        var playing = player.PlayAsync(events, new SimulationSpeed(200_000));
        await AdvanceUntil(clock, () => playing.IsCompleted, TimeSpan.FromMilliseconds(10));
        var result = await playing;

        Assert.True(result.Elapsed >= expected, $"took {result.Elapsed}, expected at least {expected}");
        Assert.Equal(events.Count, result.Sent);
        // No event reached the collector before its scaled time had passed on the player's clock.
        var received = handler.Events;
        Assert.All(Enumerable.Range(0, events.Count), i =>
            Assert.True(received[i].Received - Now >= (events[i].Time - events[0].Time) / 200_000, $"event {i} sent before its time"));
    }

    [Fact]
    public async Task PlayAsync_EventsReachingThePresent_NotSentBeforeTheirTimeAndCaughtUpReported()
    {
        // Cases around the clock, about five a second, from a minute ago to six seconds from now on the player's
        // clock, a fake one that stands still until the test moves it.
        var profile = CaseTypeProfiles.Generic("round-the-clock") with { CasesPerYear = 5 * 365.2425 * 86_400, OpenFromHour = 0, OpenToHour = 24, WeekendWeight = 1, SummerDip = 0 };
        var clock = new FakeTimeProvider(Now);
        var now = clock.GetUtcNow();
        var settings = new SimulationSettings
        {
            Pilot = SimulationPilot.Demo with { CaseTypes = [profile.CaseType] },
            Profiles = [profile],
            Start = now.AddMinutes(-1),
            Days = (TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(6)).TotalDays,
        };
        var starts = new PilotSimulator(settings).Events().OfType<SimulatedCaseStart>().ToList();
        Assert.Contains(starts, s => s.Time > now.AddSeconds(5));
        using var handler = new FakeCollectorHandler(clock: clock);
        await using var player = SimulationPlayer.Create(Options(), handler: handler, timeProvider: clock);

        // While the player's clock stands still, it plays the past minute and stops at the present: exactly the
        // events up to now are sent, none after.
        var playing = player.PlayAsync(starts, SimulationSpeed.Max);
        var caughtUp = await player.CaughtUp.WaitAsync(TimeSpan.FromSeconds(30));
        var past = starts.Count(s => s.Time <= now);
        Assert.True(caughtUp.SimulatedTime <= now, "caught up with an event still to come");
        Assert.Equal(past, caughtUp.Events);
        Assert.Equal(caughtUp.Events, caughtUp.Sent);
        Assert.Equal(past, handler.Events.Count);
        Assert.False(playing.IsCompleted, "played events still to come");

        // The rest are sent as the clock reaches them.
        await AdvanceUntil(clock, () => playing.IsCompleted, TimeSpan.FromMilliseconds(100));
        var result = await playing;
        Assert.Equal(starts.Count, result.Sent);
        Assert.Equal(starts.Count, handler.Events.Count);
        Assert.All(handler.Events, e => Assert.True(e.Received >= e.Time, $"event of {e.Time:O} sent at {e.Received:O}"));
    }

    /// <summary>
    /// Moves <paramref name="clock"/> <paramref name="step"/> at a time until <paramref name="done"/> holds, giving the
    /// player a moment of real time between steps; fails when 30 s of real time are not enough.
    /// </summary>
    private static async Task AdvanceUntil(FakeTimeProvider clock, Func<bool> done, TimeSpan step)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!done())
        {
            Assert.False(patience.IsCancellationRequested, $"not done with the clock at {clock.GetUtcNow():O}");
            clock.Advance(step);
            await Task.Delay(1, CancellationToken.None);
        }
    }
}
