using EvalFramework.Collector.Otlp;
using EvalFramework.Collector.Auth;
using EvalFramework.Collector.Metrics;
using EvalFramework.Collector.Storage;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the collector's instruments, the snapshot gauges and the OpenTelemetry pipeline behind <c>/metrics</c>.</summary>
internal static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddCollectorMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>()
            .Bind(configuration.GetSection(MetricsOptions.SectionName))
            .Validate(o => o.CaseCacheCapacity is >= 0 and <= 10_000_000, "Metrics:CaseCacheCapacity: must be from 0 to 10000000")
            .Validate(o => o.ScrapeCacheMilliseconds is >= 0 and <= 60_000, "Metrics:ScrapeCacheMilliseconds: must be from 0 to 60000")
            .Validate(o => o.SnapshotRefreshInterval >= TimeSpan.FromSeconds(1), "Metrics:SnapshotRefreshInterval: must be at least 00:00:01")
            .ValidateOnStart();
        services.AddSettingPolicy<MetricsOptions>(ApiPolicies.Metrics, ApiRights.Read, o => !o.RequireKey);
        services.AddMetrics();
        services.AddSingleton<LatestSnapshotGauges>();
        services.AddSingleton<CollectorMetrics>();
        services.AddSingleton<OtlpMetrics>();
        services.AddSingleton<MetricLabels>();
        services.AddSingleton<KnownSeries>();
        services.AddSingleton<StoredEventMetrics>();
        services.AddSingleton<ICommitObserver>(sp => sp.GetRequiredService<StoredEventMetrics>());
        services.AddSingleton<IngestMetricsFilter>();

        // One collection at a time: scrapes that arrive while one runs share it, and its answer is reused for
        // Metrics:ScrapeCacheMilliseconds, so many scrapers cost one collection.
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddCollectorInstruments().AddCollectorPrometheusExporter());
        services.AddOptions<PrometheusAspNetCoreOptions>()
            .Configure<IOptions<MetricsOptions>>((exporter, options) => exporter.ScrapeResponseCacheDurationMilliseconds = options.Value.ScrapeCacheMilliseconds);
        services.AddHostedService<MetricsStartup>();
        services.AddHostedService<SnapshotGaugeRefresher>();
        return services;
    }

    /// <summary>
    /// Starts the OpenTelemetry pipeline with the app (the container disposes it at shutdown) before the first
    /// measurement, puts the known series at 0, points the queue-depth gauge at the writer and fills the case-start
    /// cache from storage.
    /// </summary>
    private sealed class MetricsStartup(
        MeterProvider provider, KnownSeries known, CollectorMetrics metrics, IngestWriter writer, StoredEventMetrics stored,
        ICollectorDatabase database, IOptions<MetricsOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = provider; // resolved here so the provider exists, and listens, before the first measurement
            known.StartAtZero();
            metrics.ObserveWriterQueue(() => writer.QueueDepth);
            CaseStartWarmUp.Load(database, stored, options.Value.CaseCacheCapacity);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
