namespace EvalFramework.Sending;

/// <summary>One spilled batch: the serialized <see cref="Contract.EventBatch"/> exactly as it will be posted.</summary>
/// <param name="Body">The JSON body.</param>
/// <param name="Count">How many events it holds.</param>
/// <param name="Inherited">Whether an earlier process spilled it (its events were not queued by this tracker).</param>
internal sealed record SpillRecord(byte[] Body, int Count, bool Inherited)
{
    /// <summary>The bytes it takes in its segment, header included.</summary>
    public long Size => SpillStore.HeaderBytes + Body.Length;
}
