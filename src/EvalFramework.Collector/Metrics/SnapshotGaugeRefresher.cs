using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// Reloads the current snapshot of every pilot into <see cref="LatestSnapshotGauges"/> at start and every
/// <see cref="MetricsOptions.SnapshotRefreshInterval"/>, when an <see cref="ISnapshotGaugeLoader"/> is registered.
/// </summary>
internal sealed partial class SnapshotGaugeRefresher(
    IServiceProvider services, LatestSnapshotGauges gauges, IOptions<MetricsOptions> options, TimeProvider time,
    ILogger<SnapshotGaugeRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<ISnapshotGaugeLoader>() is not { } loader)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SnapshotRefreshInterval, time);
        do
        {
            try
            {
                foreach (var snapshot in await loader.LoadCurrentAsync(stoppingToken))
                {
                    gauges.Publish(snapshot);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reloading the snapshot gauges failed; the previous ones stay")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
