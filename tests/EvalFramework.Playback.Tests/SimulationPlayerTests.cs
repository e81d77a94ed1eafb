using EvalFramework.Evaluation.Simulation;
using EvalFramework.Evaluation.Tests.Simulation;

namespace EvalFramework.Playback.Tests;

public sealed class SimulationPlayerTests
{
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
        var settings = Simulations.Demo(days: 2, start: DateTimeOffset.UtcNow.AddDays(-30));
        var events = new PilotSimulator(settings).Events().ToList();
        using var handler = new FakeCollectorHandler();
        await using var player = SimulationPlayer.Create(Options(), handler: handler);

        // Two simulated days at 200,000× is 0.86 s from the first event to the last.
        var expected = (events[^1].Time - events[0].Time) / 200_000;
        var result = await player.PlayAsync(events, new SimulationSpeed(200_000));

        Assert.True(result.Elapsed >= expected, $"took {result.Elapsed}, expected at least {expected}");
        Assert.Equal(events.Count, result.Sent);
    }

    [Fact]
    public async Task PlayAsync_EventsReachingThePresent_NotSentBeforeTheirTimeAndCaughtUpReported()
    {
        // Cases around the clock, about five a second, from a minute ago to six seconds from now (a margin for a slow machine to
        // build and replay the past minute before the present reaches the last events).
        var profile = CaseTypeProfiles.Generic("round-the-clock") with { CasesPerYear = 5 * 365.2425 * 86_400, OpenFromHour = 0, OpenToHour = 24, WeekendWeight = 1, SummerDip = 0 };
        var now = DateTimeOffset.UtcNow;
        var settings = new SimulationSettings
        {
            Pilot = SimulationPilot.Demo with { CaseTypes = [profile.CaseType] },
            Profiles = [profile],
            Start = now.AddMinutes(-1),
            Days = (TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(6)).TotalDays,
        };
        var starts = new PilotSimulator(settings).Events().OfType<SimulatedCaseStart>().ToList();
        Assert.Contains(starts, s => s.Time > now.AddSeconds(5));
        using var handler = new FakeCollectorHandler();
        await using var player = SimulationPlayer.Create(Options(), handler: handler);

        var result = await player.PlayAsync(starts, SimulationSpeed.Max);

        var caughtUp = await player.CaughtUp;
        Assert.True(caughtUp.SimulatedTime <= DateTimeOffset.UtcNow, "caught up with an event still to come");
        Assert.True(caughtUp.Events < starts.Count, "caught up only at the end");
        Assert.Equal(caughtUp.Events, caughtUp.Sent);
        Assert.Equal(starts.Count, result.Sent);
        Assert.All(handler.Events, e => Assert.True(e.Received >= e.Time, $"event of {e.Time:O} sent at {e.Received:O}"));
    }
}
