namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// The events generated but not yet handed out, in time order (ties in the order they were added), keeping only
/// those inside the simulated period. Holds the future events of the open cases and of the current week only.
/// </summary>
internal sealed class EventQueue(long startTicks, long endTicks)
{
    private readonly PriorityQueue<SimulatedEvent, (long Ticks, long Sequence)> _queue = new();
    private long _sequence;

    /// <summary>Events waiting.</summary>
    public int Count => _queue.Count;

    /// <summary>A time in whole milliseconds, so that every event's time survives the wire format as it is.</summary>
    public static DateTimeOffset Time(double ticks) =>
        new((long)Math.Floor(ticks / TimeSpan.TicksPerMillisecond) * TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    /// <summary>Adds an event; one outside the period is left out.</summary>
    public void Add(SimulatedEvent e)
    {
        var ticks = e.Time.UtcTicks;
        if (ticks >= startTicks && ticks < endTicks)
        {
            _queue.Enqueue(e, (ticks, _sequence++));
        }
    }

    /// <summary>Takes the earliest event if it is at or before <paramref name="ticks"/>.</summary>
    public bool TryTakeUntil(long ticks, out SimulatedEvent? e)
    {
        if (_queue.TryPeek(out e, out var at) && at.Ticks <= ticks)
        {
            _queue.Dequeue();
            return true;
        }

        e = null;
        return false;
    }
}
