using EvalFramework.Contract;
using EvalFramework.Tests.Support;

namespace EvalFramework.Tests;

public sealed class TrackedCaseLifecycleTests
{
    [Fact]
    public async Task Dispose_UncompletedStartedCase_SendsAbandoned()
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);

        using (tracker.StartCase("building-permit-question", "manual", "ref-1"))
        {
        }

        await tracker.FlushWithin();

        var completed = Assert.Single(handler.Stored, e => e.Type == EventTypes.CaseCompleted);
        Assert.Equal(CaseOutcomes.Abandoned, completed.Outcome);
    }

    [Fact]
    public async Task Complete_CalledTwiceThenDisposed_SendsOneCaseCompleted()
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);

        using (var tracked = tracker.StartCase("building-permit-question", "manual", "ref-1"))
        {
            tracked.Complete(CaseOutcomes.Resolved);
            tracked.Complete(CaseOutcomes.Rejected);
        }

        await tracker.FlushWithin();

        var completed = Assert.Single(handler.Stored, e => e.Type == EventTypes.CaseCompleted);
        Assert.Equal(CaseOutcomes.Resolved, completed.Outcome);
    }

    [Fact]
    public async Task Dispose_CaseHandle_CompletesNothing()
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);

        using (var late = tracker.Case("ref-1"))
        {
            late.RecordReview(true);
        }

        await tracker.FlushWithin();

        Assert.Equal([EventTypes.QualityReview], handler.Stored.Select(e => e.Type));
    }

    [Fact]
    public async Task Current_NestedCases_FollowsStartAndDispose()
    {
        await using var tracker = TestTrackers.Create(new RecordingHandler());
        Assert.Null(TrackedCase.Current);

        using (var outer = tracker.StartCase("building-permit-question", "manual", "outer"))
        {
            Assert.Same(outer, TrackedCase.Current);
            using (var inner = tracker.Case("inner"))
            {
                Assert.Same(inner, TrackedCase.Current);
            }

            Assert.Same(outer, TrackedCase.Current);
        }

        Assert.Null(TrackedCase.Current);
    }

    [Fact]
    public async Task Current_FlowsIntoAwaitedWork()
    {
        await using var tracker = TestTrackers.Create(new RecordingHandler());
        using var tracked = tracker.StartCase("building-permit-question", "manual", "ref-1");

        var seen = await Task.Run(async () =>
        {
            await Task.Yield();
            return TrackedCase.Current;
        });

        Assert.Same(tracked, seen);
    }

    [Fact]
    public async Task Record_AfterTrackerDisposed_DoesNotThrowAndCountsDropped()
    {
        var tracker = TestTrackers.Create(new RecordingHandler());
        var tracked = tracker.Case("ref-1");
        await tracker.DisposeAsync();

        tracked.RecordEffort("case-handler", TimeSpan.FromMinutes(1));
        tracked.Dispose();

        Assert.Equal(1, tracker.Statistics.Dropped);
        Assert.Equal(0, tracker.Statistics.Queued);
    }

    [Fact]
    public async Task DisposeAsync_QueuedEvents_SendsThemBeforeStopping()
    {
        var handler = new RecordingHandler();
        var tracker = TestTrackers.Create(handler, o => o.FlushInterval = TimeSpan.FromMinutes(5));
        using (var tracked = tracker.Case("ref-1"))
        {
            for (var i = 0; i < 250; i++)
            {
                tracked.RecordEffort("case-handler", TimeSpan.FromSeconds(i + 1));
            }
        }

        await tracker.DisposeAsync();

        Assert.Equal(250, handler.Stored.Count);
        Assert.Equal(250, tracker.Statistics.Sent);
        Assert.All(handler.Requests, r => Assert.InRange(r.Events.Count, 1, 100));
    }

    [Fact]
    public async Task DisposeAsync_CollectorNeverAnswers_GivesUpAfterShutdownTimeoutAndCountsDropped()
    {
        var clock = new TestClock();
        var handler = new RecordingHandler { BeforeAnswer = (_, ct) => Task.Delay(Timeout.Infinite, ct) };
        var tracker = TestTrackers.Create(handler, o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200), clock: clock);
        using (var tracked = tracker.Case("ref-1"))
        {
            tracked.RecordEscalation();
            tracked.RecordEscalation();
        }

        var disposing = tracker.DisposeAsync().AsTask();
        await clock.AdvanceUntilAsync(() => disposing.IsCompleted, TimeSpan.FromMilliseconds(10));
        await disposing;

        // It waited its 200 ms on the tracker's clock, and gave up long before the hung request's own 10 s timeout.
        Assert.Contains(TimeSpan.FromMilliseconds(200), clock.Waits);
        Assert.InRange(clock.Advanced, TimeSpan.FromMilliseconds(200), TestTrackers.Options().RequestTimeout - TimeSpan.FromSeconds(1));
        Assert.Equal(2, tracker.Statistics.Dropped);
        Assert.Equal(0, tracker.Statistics.Sent);
    }
}
