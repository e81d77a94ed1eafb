using System.Text;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// Cuts a scrape in Prometheus text 0.0.4 or OpenMetrics 1.0 down to the series a key may see: a sample line whose
/// <c>pilot</c> label names a pilot the key does not hold is left out, and so is a family's metadata (<c># TYPE</c>,
/// <c># HELP</c>, <c># UNIT</c>) when none of its samples is left. Lines without a <c>pilot</c> label (the collector's
/// own series) and OpenMetrics' <c># EOF</c> stay. Both formats write one sample per line with its labels in braces
/// after the name; a histogram's buckets, sum and count each carry the series' labels, so each line is decided alone.
/// OpenTelemetry's overflow series (<c>otel_metric_overflow="true"</c>) mixes pilots, so only a key for every pilot sees
/// it, which never reaches the cut.
/// </summary>
internal static class PilotSeriesCut
{
    private static readonly byte[] PilotLabel = "pilot"u8.ToArray();
    private static readonly byte[] OverflowLabel = "otel_metric_overflow="u8.ToArray();
    private static readonly byte[] EndOfFile = "# EOF"u8.ToArray();

    /// <summary>The text without the sample lines whose pilot <paramref name="visible"/> refuses, and metadata left without samples.</summary>
    public static ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> text, Func<string, bool> visible)
    {
        ArgumentNullException.ThrowIfNull(visible);
        var kept = new MemoryStream(text.Length);
        var decided = new Decision(visible);
        var metadataStart = -1;
        var metadataEnd = -1;
        var inSamples = true;
        var position = 0;
        while (position < text.Length)
        {
            var newline = text[position..].IndexOf((byte)'\n');
            var end = newline < 0 ? text.Length : position + newline + 1;
            var line = text[position..end];
            var content = line.TrimEnd("\r\n"u8);
            if (content.Length > 0 && content[0] == (byte)'#' && !content.SequenceEqual(EndOfFile))
            {
                // Metadata of the next family: held back until one of its samples is kept.
                if (inSamples || metadataStart < 0)
                {
                    metadataStart = position;
                    inSamples = false;
                }

                metadataEnd = end;
            }
            else if (content.SequenceEqual(EndOfFile))
            {
                // The end marker: metadata still held back belongs to a family with no sample left.
                metadataStart = -1;
                kept.Write(line);
            }
            else if (content.Length == 0)
            {
                kept.Write(line); // a blank line shows no series: it does not bring a held-back family's metadata along
            }
            else
            {
                inSamples = true;
                if (decided.Visible(content))
                {
                    if (metadataStart >= 0)
                    {
                        kept.Write(text[metadataStart..metadataEnd]);
                        metadataStart = -1;
                    }

                    kept.Write(line);
                }
            }

            position = end;
        }

        return kept.GetBuffer().AsMemory(0, (int)kept.Length);
    }

    /// <summary>The value of the sample line's <c>pilot</c> label, or null when it has none.</summary>
    internal static string? PilotOf(ReadOnlySpan<byte> sample) => RawPilotOf(sample, out var found) is var raw && found ? Unescape(raw) : null;

    /// <summary>The escaped value of the sample line's <c>pilot</c> label, as written; <paramref name="found"/> says whether it has one.</summary>
    private static ReadOnlySpan<byte> RawPilotOf(ReadOnlySpan<byte> sample, out bool found)
    {
        found = false;
        // name{label="value",...} value: a name with UTF-8 characters is quoted inside the braces, as a label without '='.
        var open = sample.IndexOfAny((byte)'{', (byte)' ');
        if (open < 0 || sample[open] != (byte)'{')
        {
            return default;
        }

        var i = open + 1;
        while (i < sample.Length && sample[i] != (byte)'}')
        {
            if (sample[i] is (byte)',' or (byte)' ')
            {
                i++;
                continue;
            }

            var nameStart = i;
            var quotedName = sample[i] == (byte)'"';
            if (quotedName)
            {
                i = SkipQuoted(sample, i);
            }
            else
            {
                while (i < sample.Length && sample[i] is not ((byte)'=' or (byte)',' or (byte)'}'))
                {
                    i++;
                }
            }

            var name = sample[nameStart..i];
            if (i >= sample.Length || sample[i] != (byte)'=')
            {
                continue; // the quoted metric name
            }

            var valueStart = i + 1;
            i = SkipQuoted(sample, valueStart);
            if ((!quotedName && name.SequenceEqual(PilotLabel)) || (quotedName && name.SequenceEqual("\"pilot\""u8)))
            {
                found = true;
                return sample[(valueStart + 1)..Math.Max(valueStart + 1, i - 1)];
            }
        }

        return default;
    }

    /// <summary>
    /// Whether a line may be seen, asking <c>visible</c> once per run of lines of the same pilot (a family's series come
    /// grouped by their labels), so a cut allocates little more than its result.
    /// </summary>
    private ref struct Decision(Func<string, bool> visible)
    {
        private ReadOnlySpan<byte> _lastPilot;
        private bool _lastVisible;
        private bool _any;

        public bool Visible(ReadOnlySpan<byte> sample)
        {
            // OpenTelemetry's overflow series sums whatever did not fit, of any pilot, with no pilot label.
            var labelsEnd = sample.IndexOf((byte)'}');
            if (labelsEnd > 0 && sample[..labelsEnd].IndexOf(OverflowLabel) >= 0)
            {
                return false;
            }

            var pilot = RawPilotOf(sample, out var found);
            if (!found)
            {
                return true;
            }

            if (!_any || !pilot.SequenceEqual(_lastPilot))
            {
                _lastPilot = pilot;
                _lastVisible = visible(Unescape(pilot));
                _any = true;
            }

            return _lastVisible;
        }
    }

    /// <summary>The index just past the quoted string that starts at <paramref name="quote"/>.</summary>
    private static int SkipQuoted(ReadOnlySpan<byte> line, int quote)
    {
        if (quote >= line.Length || line[quote] != (byte)'"')
        {
            return line.Length;
        }

        for (var i = quote + 1; i < line.Length; i++)
        {
            if (line[i] == (byte)'\\')
            {
                i++;
            }
            else if (line[i] == (byte)'"')
            {
                return i + 1;
            }
        }

        return line.Length;
    }

    private static string Unescape(ReadOnlySpan<byte> escaped)
    {
        var text = Encoding.UTF8.GetString(escaped);
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            builder.Append(text[i] == '\\' && i + 1 < text.Length ? text[++i] switch { 'n' => '\n', var c => c } : text[i]);
        }

        return builder.ToString();
    }
}
