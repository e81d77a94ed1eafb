using System.Diagnostics.Metrics;
using EvalFramework.Collector.Metrics;

namespace EvalFramework.Collector.Otlp;

/// <summary>
/// The OTLP ingest's instrument, on the collector's meter (<see cref="CollectorMetrics.MeterName"/>, the same
/// <see cref="Meter"/> as <see cref="CollectorMetrics"/>'s, so it is exported with them). Created once per collector.
/// </summary>
internal sealed class OtlpMetrics
{
    public OtlpMetrics(CollectorMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        SpansIgnored = metrics.EventsRejected.Meter.CreateCounter<long>("evalfw.collector.otlp.spans.ignored", "{span}",
            "OTLP spans received on POST /v1/traces that are no AI call of a case, ignored without error, by reason "
            + "(not_gen_ai, no_case_id, not_a_model_call, no_usage).");
    }

    /// <summary>Spans ignored, by <c>reason</c> (<see cref="OtlpIgnoreReasons"/>).</summary>
    public Counter<long> SpansIgnored { get; }

    /// <summary>Counts one ignored span.</summary>
    public void Ignored(string reason) => SpansIgnored.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
