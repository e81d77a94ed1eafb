using EvalFramework.Collector.Auth;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// <c>GET /metrics</c>: Prometheus text format 0.0.4. With <c>Metrics:RequireKey</c> (the default) a key with the read
/// right, which sees the series of its pilots and those without a pilot label; without it, every series, to anyone.
/// </summary>
internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", async (HttpContext http, MetricsScraper scraper, IOptions<MetricsOptions> options) =>
        {
            var user = http.User;
            if (!options.Value.RequireKey || user.CoversAllPilots())
            {
                return Results.Bytes(await scraper.ScrapeAsync(), PrometheusTextExporter.ContentType);
            }

            // The policy let only a key with the read right in, and a key's rights hold for each of its pilots.
            var pilots = user.FindAll(ApiKeyClaims.Pilot).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            return Results.Bytes(await scraper.ScrapeAsync(pilots.Contains), PrometheusTextExporter.ContentType);
        }).RequireAuthorization(ApiPolicies.Metrics).ExcludeFromDescription();
        return app;
    }
}
