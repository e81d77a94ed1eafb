using EvalFramework.Telemetry;

namespace OpenTelemetry.Metrics;

/// <summary>
/// For services that run their own OpenTelemetry metrics pipeline: one call adds the SDK's instruments (the meter
/// <c>EvalFramework.Sdk</c>: events queued, sent, dropped by reason, spilled, retries, queue depth and spill size).
/// </summary>
public static class EvalFrameworkMeterProviderBuilderExtensions
{
    /// <summary>
    /// Listens to the EvalFramework SDK's meter, <c>EvalFramework.Sdk</c>, wherever its trackers were made (with the
    /// container's <see cref="System.Diagnostics.Metrics.IMeterFactory"/> or without one).
    /// </summary>
    /// <param name="builder">The service's meter provider builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static MeterProviderBuilder AddEvalFrameworkInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(EvalFrameworkSdkMetrics.MeterName);
    }
}
