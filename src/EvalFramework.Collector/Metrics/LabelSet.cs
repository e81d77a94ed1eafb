using System.Collections.Frozen;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// A closed set of label values, fixed when it is made (from the evaluation config's vocabulary or the wire
/// contract's lists). Anything else becomes <see cref="Other"/>, so a label never has more than the set's values + 1.
/// </summary>
internal sealed class LabelSet
{
    public const string Other = "_OTHER";

    private readonly FrozenDictionary<string, string> _values;

    /// <summary>A set of exactly <paramref name="known"/> (empty: every value is <see cref="Other"/>).</summary>
    public LabelSet(IEnumerable<string> known)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in known)
        {
            values.TryAdd(value, value);
        }

        _values = values.ToFrozenDictionary(StringComparer.Ordinal);
        Values = [.. values.Keys];
    }

    /// <summary>The known values, in the order they were first given (never <see cref="Other"/>).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Whether <paramref name="value"/> is in the set.</summary>
    public bool Contains(string? value) => value is not null && _values.ContainsKey(value);

    /// <summary>The value itself when it is in the set, else <see cref="Other"/>; never a string the caller made.</summary>
    public string Map(string? value) => value is not null && _values.TryGetValue(value, out var known) ? known : Other;
}
