using EvalFramework.Collector.Auth;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Metrics;

/// <summary><c>GET /metrics</c>: Prometheus text format 0.0.4. Open unless <c>Metrics:RequireKey</c> is true.</summary>
internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", async (HttpContext http, MetricsScraper scraper, ApiKeyStore keys, IOptions<MetricsOptions> options) =>
        {
            if (options.Value.RequireKey
                && keys.Find(http.Request.Headers.Authorization.ToString()) is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                    detail: "Authorization: Metrics:RequireKey is set, so /metrics needs a valid 'Bearer <api key>' header.");
            }

            return Results.Bytes(await scraper.ScrapeAsync(), PrometheusTextExporter.ContentType);
        }).ExcludeFromDescription();
        return app;
    }
}
