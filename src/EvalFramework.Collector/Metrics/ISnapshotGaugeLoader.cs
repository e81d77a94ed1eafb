namespace EvalFramework.Collector.Metrics;

/// <summary>
/// Implemented by the snapshot store: the current snapshot of every pilot (<see cref="Snapshots.SnapshotStore.CurrentOrder"/>), for the gauges after a
/// restart and on the refresh schedule (<see cref="MetricsOptions.SnapshotRefreshInterval"/>).
/// </summary>
internal interface ISnapshotGaugeLoader
{
    /// <summary>The current snapshot of each pilot that has one.</summary>
    Task<IReadOnlyList<SnapshotGauges>> LoadCurrentAsync(CancellationToken cancellationToken);
}
