using EvalFramework.Collector.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace EvalFramework.Collector.Tests.Metrics;

/// <summary>
/// The OpenTelemetry Prometheus exporter as the collector sets it up (<see cref="CollectorMeterProviderBuilderExtensions.AddCollectorPrometheusExporter"/>),
/// behind its real scraping endpoint on a test server, without the response cache: what a scrape of the given meters reads.
/// </summary>
internal sealed class ExporterHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private ExporterHost(WebApplication app)
    {
        _app = app;
        _client = app.GetTestClient();
    }

    public IServiceProvider Services => _app.Services;

    /// <param name="services">What the test registers (the collector's instruments, for one).</param>
    /// <param name="listen">Which meters the provider listens to.</param>
    public static async Task<ExporterHost> StartAsync(Action<IServiceCollection> services, Action<MeterProviderBuilder> listen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        services(builder.Services);
        builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            listen(metrics);
            metrics.AddCollectorPrometheusExporter();
        });
        builder.Services.Configure<PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint();
        await app.StartAsync();
        return new ExporterHost(app);
    }

    /// <summary>Listens to the meter named <paramref name="meterName"/>, whoever made it.</summary>
    public static Task<ExporterHost> StartAsync(string meterName) => StartAsync(_ => { }, metrics => metrics.AddMeter(meterName));

    /// <summary>One scrape's text; Prometheus text 0.0.4 unless <paramref name="accept"/> asks for another format.</summary>
    public async Task<string> ScrapeAsync(string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
