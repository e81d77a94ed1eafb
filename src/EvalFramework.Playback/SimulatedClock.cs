namespace EvalFramework.Playback;

/// <summary>
/// The tracker's clock during playback: <see cref="GetUtcNow"/> is the simulated time of the event being recorded
/// (so events carry their simulated times, and the sender's future-time check compares with that), while
/// timestamps and timers are the real clock's, so batching, flush intervals, request timeouts and retry backoff run
/// in real time.
/// </summary>
internal sealed class SimulatedClock(TimeProvider real) : TimeProvider
{
    private long _utcTicks = real.GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override long TimestampFrequency => real.TimestampFrequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Sets the simulated time; it only moves forward during playback.</summary>
    public void Set(DateTimeOffset time) => Volatile.Write(ref _utcTicks, time.UtcTicks);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _utcTicks), TimeSpan.Zero);

    /// <inheritdoc />
    public override long GetTimestamp() => real.GetTimestamp();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);
}
