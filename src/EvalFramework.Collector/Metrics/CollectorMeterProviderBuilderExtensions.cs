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
            (provider, b) => b.AddCollectorInstruments(provider.GetRequiredService<IMeterFactory>())));

    /// <summary>Only the instruments of meters that <paramref name="own"/> made (see <see cref="AddCollectorInstruments(MeterProviderBuilder)"/>).</summary>
    public static MeterProviderBuilder AddCollectorInstruments(this MeterProviderBuilder builder, IMeterFactory own) =>
        builder.AddMeter(CollectorMetrics.MeterName)
            .AddView(instrument => ReferenceEquals(instrument.Meter.Scope, own) ? null : MetricStreamConfiguration.Drop);

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
