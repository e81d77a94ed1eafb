namespace EvalFramework.Telemetry;

/// <summary>The closed set of <c>reason</c> tag values on <c>evalfw.sdk.events.dropped</c>.</summary>
internal static class DropReasons
{
    /// <summary>The queue was full when the event was recorded.</summary>
    public const string QueueFull = "queue_full";

    /// <summary>The event was invalid (the SDK's check) or refused by the collector.</summary>
    public const string Rejected = "rejected";

    /// <summary>The tracker was disposed before the event could be queued or sent.</summary>
    public const string Shutdown = "shutdown";

    /// <summary>The spill folder reached <see cref="EvalFrameworkOptions.MaxSpillBytes"/>: the oldest spilled events made room.</summary>
    public const string SpillFull = "spill_full";

    /// <summary>A spilled record could not be read back (a torn write or a damaged file).</summary>
    public const string SpillCorrupt = "spill_corrupt";
}
