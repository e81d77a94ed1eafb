using Microsoft.Extensions.Time.Testing;

namespace EvalFramework.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also keeps every wait asked of it (the due time each timer is created or
/// changed with: a <c>Task.Delay</c>, a request timeout, a shutdown deadline, a <c>CancelAfter</c>), so a test can see
/// how long the code meant to wait as well as what happened once the clock was moved past it. Starts at a fixed time.
/// </summary>
internal sealed class TestClock() : FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _waits = [];

    /// <summary>The due times timers were set to so far, in order (not the infinite ones, which set no wait).</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_lock)
            {
                return [.. _waits];
            }
        }
    }

    /// <summary>How far the clock has been moved from its start.</summary>
    public TimeSpan Advanced => GetUtcNow() - Start;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Asked(dueTime);
        return new RecordingTimer(base.CreateTimer(callback, state, dueTime, period), this);
    }

    private void Asked(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_lock)
        {
            _waits.Add(dueTime);
        }
    }

    /// <summary>
    /// Moves the clock <paramref name="step"/> at a time until <paramref name="done"/> holds, giving the background
    /// tasks a moment of real time between steps to act on what fell due. Fails the test when
    /// <see cref="TestTrackers.Patience"/> of real time is not enough: a wait that runs out never passes.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> done, TimeSpan step)
    {
        using var patience = new CancellationTokenSource(TestTrackers.Patience);
        while (!done())
        {
            if (patience.IsCancellationRequested)
            {
                Assert.Fail($"not done after moving the clock {Advanced} in {TestTrackers.Patience} of real time");
            }

            Advance(step);
            await Task.Delay(1, CancellationToken.None);
        }
    }

    /// <summary>The fake clock's timer, keeping the due time of each change as a wait asked of the clock.</summary>
    private sealed class RecordingTimer(ITimer timer, TestClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Asked(dueTime);
            return timer.Change(dueTime, period);
        }

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}
