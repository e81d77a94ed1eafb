using System.Runtime.CompilerServices;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// A sample whose values at chosen ranks are read in O(n): the requested rank ranges are put in place by
/// selection and sorted, instead of sorting the whole sample. Reading a rank outside those ranges selects it on a
/// copy (correct, only slower).
/// </summary>
internal sealed class RankedSample
{
    private const int SortWholeBelow = 4096;

    private readonly double[] _values;
    private readonly List<(int From, int To)> _ready = [];
    private readonly bool _sorted;

    /// <summary>Takes ownership of <paramref name="values"/> (it is rearranged).</summary>
    /// <param name="values">The sample.</param>
    /// <param name="rankRanges">0-based inclusive rank ranges that will be read.</param>
    public RankedSample(double[] values, IEnumerable<(int From, int To)> rankRanges)
    {
        _values = values;
        var n = values.Length;
        var ranges = Merge(rankRanges.Select(r => (Math.Clamp(r.From, 0, n - 1), Math.Clamp(r.To, 0, n - 1))));
        if (n < SortWholeBelow || ranges.Sum(r => r.To - r.From + 1) > n / 4)
        {
            Array.Sort(values);
            _sorted = true;
            return;
        }

        var start = 0;
        foreach (var (from, to) in ranges)
        {
            Selection.Select(values, start, n - 1, from);
            Selection.Select(values, from, n - 1, to);
            Array.Sort(values, from, to - from + 1);
            _ready.Add((from, to));
            start = to + 1;
        }
    }

    /// <summary>Number of values.</summary>
    public int Count => _values.Length;

    /// <summary>The value of 1-based rank <paramref name="rank"/> (the rank-th smallest).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double AtRank(int rank)
    {
        var index = rank - 1;
        if (_sorted)
        {
            return _values[index];
        }

        foreach (var (from, to) in _ready)
        {
            if (index >= from && index <= to)
            {
                return _values[index];
            }
        }

        var copy = (double[])_values.Clone();
        Selection.Select(copy, 0, copy.Length - 1, index);
        return copy[index];
    }

    private static List<(int From, int To)> Merge(IEnumerable<(int From, int To)> ranges)
    {
        var merged = new List<(int From, int To)>();
        foreach (var (from, to) in ranges.OrderBy(r => r.Item1))
        {
            if (merged.Count > 0 && from <= merged[^1].To + 1)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, to));
            }
            else
            {
                merged.Add((from, to));
            }
        }

        return merged;
    }
}
