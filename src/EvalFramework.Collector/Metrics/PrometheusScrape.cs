namespace EvalFramework.Collector.Metrics;

/// <summary>
/// One collection in Prometheus text format, with where each family's header and each series starts and which
/// pilot a series belongs to (its <c>pilot</c> label, if any), so one collection can be served whole or cut down to
/// the series a key may see (<see cref="For"/>) without being collected or written again.
/// </summary>
internal sealed class PrometheusScrape
{
    private readonly Segment[] _segments;

    /// <param name="text">The whole text, UTF-8.</param>
    /// <param name="segments">Its pieces in order, covering it: each family's HELP and TYPE lines, then its series.</param>
    public PrometheusScrape(byte[] text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The whole text.</summary>
    public byte[] Text { get; }

    /// <summary>
    /// The text without the series labelled with a pilot that <paramref name="pilotVisible"/> refuses. Series without a
    /// <c>pilot</c> label (the collector's own) stay; a family left without series is left out whole. A new array,
    /// never cached: what one key sees is computed for it alone.
    /// </summary>
    public byte[] For(Func<string, bool> pilotVisible)
    {
        var keep = new bool[_segments.Length];
        var length = 0;
        var header = -1;
        var headerKept = false;
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (segment.IsHeader)
            {
                (header, headerKept) = (i, false);
                continue;
            }

            if (segment.Pilot is { } pilot && !pilotVisible(pilot))
            {
                continue;
            }

            if (!headerKept && header >= 0)
            {
                keep[header] = headerKept = true;
                length += _segments[header].Length;
            }

            keep[i] = true;
            length += segment.Length;
        }

        var filtered = new byte[length];
        var written = 0;
        for (var i = 0; i < _segments.Length; i++)
        {
            if (keep[i])
            {
                Text.AsSpan(_segments[i].Start, _segments[i].Length).CopyTo(filtered.AsSpan(written));
                written += _segments[i].Length;
            }
        }

        return filtered;
    }

    /// <summary>A byte range of the text: a family's header, or one series (a histogram's buckets, sum and count together).</summary>
    internal readonly record struct Segment(int Start, int Length, bool IsHeader, string? Pilot);
}
