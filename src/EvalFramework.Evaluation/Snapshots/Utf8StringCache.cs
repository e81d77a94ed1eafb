using System.Text;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// Decoded strings of a small closed set (case types, arms, roles, models) by their UTF-8 bytes, so reading millions
/// of records allocates each string once. Bounded: past <see cref="Capacity"/> entries, strings are decoded anew.
/// Not thread-safe.
/// </summary>
public sealed class Utf8StringCache
{
    /// <summary>The most strings kept.</summary>
    public const int Capacity = 256;

    private readonly List<(byte[] Bytes, string Value)> _entries = [];

    /// <summary>The string of <paramref name="utf8"/>.</summary>
    /// <param name="utf8">UTF-8 bytes.</param>
    /// <returns>The decoded string, from the cache when seen before.</returns>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, value) in _entries)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return value;
            }
        }

        var decoded = Encoding.UTF8.GetString(utf8);
        if (_entries.Count < Capacity)
        {
            _entries.Add((utf8.ToArray(), decoded));
        }

        return decoded;
    }
}
