namespace EvalFramework.Evaluation.Snapshots.Accumulation;

/// <summary>An append-only list of doubles in fixed chunks: no doubling copies while millions of values arrive.</summary>
internal sealed class DoubleBuffer
{
    private const int ChunkSize = 1 << 16;

    private readonly List<double[]> _chunks = [];
    private int _last = ChunkSize;

    public int Count { get; private set; }

    public void Add(double value)
    {
        if (_last == ChunkSize)
        {
            _chunks.Add(new double[ChunkSize]);
            _last = 0;
        }

        _chunks[^1][_last++] = value;
        Count++;
    }

    /// <summary>A copy with the same values, sharing nothing.</summary>
    public DoubleBuffer Copy()
    {
        var copy = new DoubleBuffer { _last = _last, Count = Count };
        copy._chunks.AddRange(_chunks.Select(c => (double[])c.Clone()));
        return copy;
    }

    /// <summary>The values in one exact-size array.</summary>
    public double[] ToArray()
    {
        var result = new double[Count];
        var at = 0;
        foreach (var chunk in _chunks)
        {
            var take = Math.Min(ChunkSize, Count - at);
            Array.Copy(chunk, 0, result, at, take);
            at += take;
        }

        return result;
    }
}
