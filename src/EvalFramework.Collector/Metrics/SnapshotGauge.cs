using System.Diagnostics.Metrics;

namespace EvalFramework.Collector.Metrics;

/// <summary>One observable gauge of the newest snapshots (<see cref="LatestSnapshotGauges.Gauges"/>).</summary>
/// <param name="Name">The instrument name (OpenTelemetry style).</param>
/// <param name="Unit">Its unit, or null where the metric's name says it.</param>
/// <param name="Description">Its help text.</param>
/// <param name="Observe">The measurements, read on every collection.</param>
internal sealed record SnapshotGauge(string Name, string? Unit, string Description, Func<IEnumerable<Measurement<double>>> Observe);
