namespace EvalFramework.Collector.Storage;

/// <summary>
/// Case records copied out of the store back to back, handed from the reading thread to the computing one: the unit of
/// the snapshot read's pipeline. Reused; a record larger than the buffer gets a buffer of its own.
/// </summary>
internal sealed class RecordChunk
{
    public const int Bytes = 1 << 20;
    private const int MaxRecords = Bytes / 64;

    private byte[] _buffer = new byte[Bytes];
    private readonly int[] _ends = new int[MaxRecords];

    public int Count { get; private set; }

    private int Length => Count == 0 ? 0 : _ends[Count - 1];

    public void Clear() => Count = 0;

    /// <summary>Appends a record if it fits (an empty chunk takes any record); returns whether it did.</summary>
    public bool TryAdd(ReadOnlySpan<byte> record)
    {
        if (Count == MaxRecords || (Count > 0 && Length + record.Length > _buffer.Length))
        {
            return false;
        }

        if (Count == 0 && record.Length > _buffer.Length)
        {
            _buffer = new byte[record.Length];
        }

        record.CopyTo(_buffer.AsSpan(Length));
        _ends[Count] = Length + record.Length;
        Count++;
        return true;
    }

    public ReadOnlySpan<byte> this[int index] =>
        _buffer.AsSpan(index == 0 ? 0 : _ends[index - 1], _ends[index] - (index == 0 ? 0 : _ends[index - 1]));
}
