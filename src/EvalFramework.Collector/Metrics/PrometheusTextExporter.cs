using System.Globalization;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// Writes the metrics of one collection as Prometheus text format 0.0.4: <c># HELP</c> and <c># TYPE</c> per family,
/// escaped label values, cumulative histogram buckets ending in <c>+Inf</c> with <c>_sum</c> and <c>_count</c>, no
/// timestamps. A pull exporter: it writes only when its reader is collected (<see cref="MetricsScraper"/>). It notes
/// where each family and series starts and each series' pilot, so a scrape can be cut down per key (<see cref="PrometheusScrape"/>).
/// </summary>
[ExportModes(ExportModes.Pull)]
internal sealed class PrometheusTextExporter : BaseExporter<Metric>, IPullMetricExporter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new(64 * 1024);

    /// <summary>Where each family header and each series starts in <see cref="_text"/>, and the series' pilot.</summary>
    private readonly List<(int Start, bool IsHeader, string? Pilot)> _starts = [];
    private readonly Func<Metric, bool>? _include;

    /// <param name="include">Which metrics to write (default all the reader collects).</param>
    public PrometheusTextExporter(Func<Metric, bool>? include = null) => _include = include;

    /// <summary>Set by the reader: collects (only in this scope may a pull reader collect) and calls <see cref="Export"/>.</summary>
    public Func<int, bool>? Collect { get; set; }

    /// <summary>Takes the text of the last collection, with where its families and series are, and starts afresh.</summary>
    public PrometheusScrape TakeScrape()
    {
        // Encode the builder's chunks straight into one array: no intermediate string of the whole text. Each recorded
        // start (always just after a newline, never inside a surrogate pair) is turned into a byte offset on the way.
        var encoder = Encoding.UTF8.GetEncoder();
        var length = 0;
        foreach (var chunk in _text.GetChunks())
        {
            length += encoder.GetByteCount(chunk.Span, flush: false);
        }

        length += encoder.GetByteCount([], flush: true);
        encoder.Reset();
        var bytes = new byte[length];
        var byteStarts = new int[_starts.Count];
        var written = 0;
        var chars = 0;
        var next = 0;
        foreach (var chunk in _text.GetChunks())
        {
            var span = chunk.Span;
            var done = 0;
            while (next < _starts.Count && _starts[next].Start <= chars + span.Length)
            {
                var upTo = _starts[next].Start - chars;
                written += encoder.GetBytes(span[done..upTo], bytes.AsSpan(written), flush: false);
                done = upTo;
                byteStarts[next++] = written;
            }

            written += encoder.GetBytes(span[done..], bytes.AsSpan(written), flush: false);
            chars += span.Length;
        }

        encoder.GetBytes([], bytes.AsSpan(written), flush: true);
        var segments = new PrometheusScrape.Segment[_starts.Count];
        for (var i = 0; i < segments.Length; i++)
        {
            var end = i + 1 < segments.Length ? byteStarts[i + 1] : bytes.Length;
            segments[i] = new PrometheusScrape.Segment(byteStarts[i], end - byteStarts[i], _starts[i].IsHeader, _starts[i].Pilot);
        }

        _text.Clear();
        _starts.Clear();
        return new PrometheusScrape(bytes, segments);
    }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        foreach (var metric in batch)
        {
            if (_include is null || _include(metric))
            {
                Write(metric);
            }
        }

        return ExportResult.Success;
    }

    private void Write(Metric metric)
    {
        var type = metric.MetricType;
        var (promType, counter) = type switch
        {
            MetricType.LongSum or MetricType.DoubleSum => ("counter", true),
            MetricType.LongSumNonMonotonic or MetricType.DoubleSumNonMonotonic => ("gauge", false),
            MetricType.LongGauge or MetricType.DoubleGauge => ("gauge", false),
            MetricType.Histogram => ("histogram", false),
            _ => (null, false),
        };
        if (promType is null)
        {
            return; // exponential histograms have no text-format equivalent
        }

        var name = PrometheusNames.MetricName(metric.Name, metric.Unit, counter);
        var header = false;
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            if (!header)
            {
                _starts.Add((_text.Length, true, null));
                _text.Append("# HELP ").Append(name).Append(' ');
                AppendEscaped(metric.Description, escapeQuote: false);
                _text.Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(promType).Append('\n');
                header = true;
            }

            _starts.Add((_text.Length, false, PilotOf(point.Tags)));

            if (type == MetricType.Histogram)
            {
                WriteHistogram(name, point);
                continue;
            }

            _text.Append(name);
            AppendLabels(point.Tags, null);
            _text.Append(' ');
            switch (type)
            {
                case MetricType.LongSum or MetricType.LongSumNonMonotonic:
                    _text.Append(point.GetSumLong().ToString(CultureInfo.InvariantCulture));
                    break;
                case MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic:
                    AppendDouble(point.GetSumDouble());
                    break;
                case MetricType.LongGauge:
                    _text.Append(point.GetGaugeLastValueLong().ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    AppendDouble(point.GetGaugeLastValueDouble());
                    break;
            }

            _text.Append('\n');
        }
    }

    /// <summary>The value of the series' <c>pilot</c> label, or null when it has none.</summary>
    private static string? PilotOf(ReadOnlyTagCollection tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "pilot")
            {
                return Convert.ToString(tag.Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private void WriteHistogram(string name, in MetricPoint point)
    {
        long cumulative = 0;
        foreach (var bucket in point.GetHistogramBuckets())
        {
            cumulative += bucket.BucketCount;
            _text.Append(name).Append("_bucket");
            AppendLabels(point.Tags, bucket.ExplicitBound);
            _text.Append(' ').Append(cumulative.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        _text.Append(name).Append("_sum");
        AppendLabels(point.Tags, null);
        _text.Append(' ');
        AppendDouble(point.GetHistogramSum());
        _text.Append('\n').Append(name).Append("_count");
        AppendLabels(point.Tags, null);
        _text.Append(' ').Append(point.GetHistogramCount().ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private void AppendLabels(ReadOnlyTagCollection tags, double? le)
    {
        if (tags.Count == 0 && le is null)
        {
            return;
        }

        _text.Append('{');
        var first = true;
        foreach (var tag in tags)
        {
            if (!first)
            {
                _text.Append(',');
            }

            first = false;
            _text.Append(PrometheusNames.LabelName(tag.Key)).Append("=\"");
            AppendEscaped(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "", escapeQuote: true);
            _text.Append('"');
        }

        if (le is { } bound)
        {
            _text.Append(first ? "le=\"" : ",le=\"");
            AppendDouble(bound);
            _text.Append('"');
        }

        _text.Append('}');
    }

    private void AppendDouble(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            _text.Append("+Inf");
        }
        else if (double.IsNegativeInfinity(value))
        {
            _text.Append("-Inf");
        }
        else if (double.IsNaN(value))
        {
            _text.Append("NaN");
        }
        else
        {
            _text.Append(value.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Label values escape <c>\</c>, <c>"</c> and newline; HELP text escapes <c>\</c> and newline.</summary>
    private void AppendEscaped(string? value, bool escapeQuote)
    {
        foreach (var c in value ?? "")
        {
            switch (c)
            {
                case '\\':
                    _text.Append("\\\\");
                    break;
                case '\n':
                    _text.Append("\\n");
                    break;
                case '"' when escapeQuote:
                    _text.Append("\\\"");
                    break;
                default:
                    _text.Append(c);
                    break;
            }
        }
    }
}
