namespace EvalFramework.Sending;

/// <summary>Spilled events the store had to give up on.</summary>
/// <param name="Count">How many events.</param>
/// <param name="Inherited">Whether an earlier process had spilled them.</param>
/// <param name="Reason">One of <see cref="Telemetry.DropReasons"/>: <c>spill_full</c> or <c>spill_corrupt</c>.</param>
internal readonly record struct SpillDrop(long Count, bool Inherited, string Reason);
