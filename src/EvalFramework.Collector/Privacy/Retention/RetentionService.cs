using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Privacy.Retention;

/// <summary>With <c>Retention:Days</c> set, purges every pilot's data older than that, at start and then hourly.</summary>
internal sealed partial class RetentionService(
    PurgeStore store, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Days is not { } days)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            var before = time.GetUtcNow().AddDays(-days);
            foreach (var pilot in store.AllPilots())
            {
                try
                {
                    var result = store.Purge(pilot, before, stoppingToken);
                    LogPurged(logger, result.Pilot, result.EventsDeleted, result.CasesDeleted, days);
                }
                catch (System.Data.Common.DbException ex)
                {
                    LogFailed(logger, ex, pilot);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: pilot {Pilot}: {Events} events and {Cases} cases older than {Days} days deleted")]
    private static partial void LogPurged(ILogger logger, string pilot, int events, int cases, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention: purge of pilot {Pilot} failed; will try again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception, string pilot);
}
