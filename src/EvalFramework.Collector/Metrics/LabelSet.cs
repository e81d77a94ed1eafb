using System.Collections.Concurrent;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// A closed set of label values: the configured values when there are any, otherwise the first
/// <see cref="Capacity"/> values seen. Anything else becomes <see cref="Other"/>, so a label never has more
/// than its capacity + 1 values.
/// </summary>
internal sealed class LabelSet
{
    public const string Other = "_OTHER";

    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly bool _fixed;
    private int _count;

    /// <summary>A set of exactly <paramref name="known"/> when it has values, else of the first <paramref name="capacity"/> seen.</summary>
    public LabelSet(IEnumerable<string> known, int capacity)
    {
        foreach (var value in known)
        {
            _values.TryAdd(value, value);
        }

        _fixed = !_values.IsEmpty;
        _count = _values.Count;
        Capacity = capacity;
    }

    /// <summary>How many values a set without configured values admits.</summary>
    public int Capacity { get; }

    /// <summary>The value itself when it is in the set (or admitted now), else <see cref="Other"/>.</summary>
    public string Map(string? value)
    {
        if (value is null)
        {
            return Other;
        }

        if (_values.TryGetValue(value, out var known))
        {
            return known;
        }

        if (_fixed || Volatile.Read(ref _count) >= Capacity || Interlocked.Increment(ref _count) > Capacity)
        {
            return Other;
        }

        return _values.GetOrAdd(value, value);
    }
}
