namespace EvalFramework.Collector.Metrics;

/// <summary>
/// Implemented by the snapshot store: the newest stored snapshot of every pilot, for the gauges after a
/// restart and on the refresh schedule (<see cref="MetricsOptions.SnapshotRefreshInterval"/>).
/// </summary>
internal interface ISnapshotGaugeLoader
{
    /// <summary>The newest snapshot of each pilot that has one.</summary>
    Task<IReadOnlyList<SnapshotGauges>> LoadNewestAsync(CancellationToken cancellationToken);
}
