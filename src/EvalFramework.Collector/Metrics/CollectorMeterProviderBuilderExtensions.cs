using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace EvalFramework.Collector.Metrics;

/// <summary>How the collector's OpenTelemetry meter provider listens and exports: declared once, for the app and its tests.</summary>
internal static class CollectorMeterProviderBuilderExtensions
{
    /// <summary>
    /// Listens to the meter <see cref="CollectorMetrics.MeterName"/>, but only to the instance of it that this host's
    /// <see cref="IMeterFactory"/> made. OpenTelemetry subscribes by meter name, and several collectors in one process
    /// (the tests host many) each have a meter of that name; the host's factory is each meter's
    /// <see cref="Meter.Scope"/>, so a view drops every instrument whose meter another factory made. A dropped
    /// instrument is never enabled for this provider: another collector's measurements never reach it.
    /// </summary>
    public static MeterProviderBuilder AddCollectorInstruments(this MeterProviderBuilder builder) =>
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryMeterProvider(
            (provider, b) => b.AddCollectorInstruments(provider.GetRequiredService<IMeterFactory>(),
                provider.GetService<MetricLabels>() is { } labels ? CardinalityLimit(labels) : DefaultCardinalityLimit)));

    /// <summary>
    /// Only the instruments of meters that <paramref name="own"/> made (see
    /// <see cref="AddCollectorInstruments(MeterProviderBuilder)"/>), each with room for <paramref name="cardinalityLimit"/>
    /// series. Exemplars are off: a trace id a client sent must never reach a series.
    /// </summary>
    public static MeterProviderBuilder AddCollectorInstruments(this MeterProviderBuilder builder, IMeterFactory own,
        int cardinalityLimit = DefaultCardinalityLimit) =>
        builder.AddMeter(CollectorMetrics.MeterName)
            .SetExemplarFilter(ExemplarFilterType.AlwaysOff)
            .AddView(instrument => ReferenceEquals(instrument.Meter.Scope, own)
                ? new MetricStreamConfiguration { CardinalityLimit = cardinalityLimit }
                : MetricStreamConfiguration.Drop);

    /// <summary>OpenTelemetry's own default: series per instrument before the rest go into one overflow series.</summary>
    public const int DefaultCardinalityLimit = 2000;

    /// <summary>
    /// Series per instrument the config can need, with room to spare, so a count never goes into OpenTelemetry's overflow
    /// series (<c>otel_metric_overflow="true"</c>, which has no pilot and would mix pilots): every pilot's case types
    /// and arms, each with <c>_OTHER</c> (or the snapshot's <c>_all</c>), times 128 for the widest label product (a
    /// snapshot's metrics per cell, or errors by source and severity), plus 32 per pilot (stored events by type). At
    /// least <see cref="DefaultCardinalityLimit"/>.
    /// </summary>
    internal static int CardinalityLimit(MetricLabels labels)
    {
        long cells = 0;
        var pilots = 0;
        foreach (var (_, caseTypes, arms) in labels.ByPilot)
        {
            cells += (caseTypes.Values.Count + 1L) * (arms.Values.Count + 1L);
            pilots++;
        }

        return (int)Math.Clamp((cells * 128) + (pilots * 32L), DefaultCardinalityLimit, 1_000_000);
    }

    /// <summary>
    /// The OpenTelemetry Prometheus exporter for <c>/metrics</c>, without the scope labels (<c>otel_scope_name</c> on
    /// every series) and without <c>target_info</c>: one collector, one meter, nothing for them to tell apart.
    /// </summary>
    public static MeterProviderBuilder AddCollectorPrometheusExporter(this MeterProviderBuilder builder) =>
        builder.AddPrometheusExporter(o =>
        {
            o.ScopeInfoEnabled = false;
            o.TargetInfoEnabled = false;
        });
}
