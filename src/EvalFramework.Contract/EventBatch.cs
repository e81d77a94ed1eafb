namespace EvalFramework.Contract;

/// <summary>The body of <c>POST /api/v1/events</c>: at most 1000 events and 1 MiB.</summary>
public sealed class EventBatch
{
    /// <summary>Most events in one batch.</summary>
    public const int MaxEvents = 1000;

    /// <summary>Largest body in bytes (1 MiB).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The events.</summary>
    public List<WireEvent>? Events { get; set; }
}
