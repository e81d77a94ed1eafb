using EvalFramework.Playback;

namespace EvalFramework.Collector.Demo;

/// <summary>Logs the backfill's progress every 10 % of the simulated period.</summary>
internal sealed partial class DemoBackfillProgress(ILogger logger, DateTimeOffset start, DateTimeOffset end) : IProgress<PlaybackStatus>
{
    private int _logged;

    public void Report(PlaybackStatus value)
    {
        var percent = (int)Math.Clamp(100 * (value.SimulatedTime - start) / (end - start), 0, 100) / 10 * 10;
        if (percent > _logged && percent < 100)
        {
            _logged = percent;
            LogProgress(logger, percent, value.Cases, value.Sent);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo backfill: {Percent} % ({Cases} cases, {Sent} events stored)")]
    private static partial void LogProgress(ILogger logger, int percent, long cases, long sent);
}
