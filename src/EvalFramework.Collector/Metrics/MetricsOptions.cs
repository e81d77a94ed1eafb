namespace EvalFramework.Collector.Metrics;

/// <summary>The <c>Metrics</c> section: the <c>/metrics</c> endpoint and its caches.</summary>
internal sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// Whether <c>/metrics</c> needs an API key with the <c>read</c> right, which then sees only its pilots' series
    /// and the collector-wide ones (<c>Metrics:RequireKey</c>, default true; false serves every series to anyone, for a
    /// trusted network).
    /// </summary>
    public bool RequireKey { get; set; } = true;

    /// <summary>
    /// Cases whose start (case type, arm, start time) is remembered for lead time and labels
    /// (<c>Metrics:CaseCacheCapacity</c>, default 50000; the oldest is forgotten first).
    /// </summary>
    public int CaseCacheCapacity { get; set; } = 50_000;

    /// <summary>How long one scrape's text is reused, milliseconds (<c>Metrics:ScrapeCacheMilliseconds</c>, default 300).</summary>
    public int ScrapeCacheMilliseconds { get; set; } = 300;

    /// <summary>
    /// How often the snapshot gauges are reloaded from stored snapshots, besides when a snapshot is made
    /// (<c>Metrics:SnapshotRefreshInterval</c>, default 00:05:00).
    /// </summary>
    public TimeSpan SnapshotRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
