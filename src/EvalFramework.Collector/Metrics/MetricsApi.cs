using EvalFramework.Collector.Auth;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// <c>GET /metrics</c>: the OpenTelemetry Prometheus exporter's endpoint, which answers OpenMetrics 1.0 when asked for
/// it (Prometheus asks for it first) and Prometheus text 0.0.4 otherwise. With <c>Metrics:RequireKey</c> (the default)
/// it takes a key with the read right, which sees the series of its pilots and those without a pilot label
/// (<see cref="PilotSeriesFilter"/>, in the endpoint's own pipeline before the exporter); without it, every series, to anyone.
/// </summary>
internal static class MetricsApi
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, branch => branch.UseMiddleware<PilotSeriesFilter>(), optionsName: null)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]), new BrowserLoginMetadata()) // linked from the landing page: a browser asks for the key
            .RequireAuthorization(ApiPolicies.Metrics)
            .ExcludeFromDescription();
        return app;
    }
}
