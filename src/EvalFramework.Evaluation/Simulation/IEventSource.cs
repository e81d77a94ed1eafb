namespace EvalFramework.Evaluation.Simulation;

/// <summary>Something that adds events to the queue at known times: a case type's arrivals, the weekly activities.</summary>
internal interface IEventSource
{
    /// <summary>When it next produces (UTC ticks); every event it then adds is at or after this time. <see cref="long.MaxValue"/> when done.</summary>
    long NextTicks { get; }

    /// <summary>Adds the events due at <see cref="NextTicks"/> to the queue and moves on.</summary>
    void Produce(EventQueue queue);
}
