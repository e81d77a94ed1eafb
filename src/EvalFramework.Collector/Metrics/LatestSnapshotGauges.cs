using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// The newest snapshot of each pilot, as the observable gauges read it on every collection. The snapshot code
/// calls <see cref="Publish"/> when it makes a snapshot; <see cref="SnapshotGaugeRefresher"/> reloads from an
/// <see cref="ISnapshotGaugeLoader"/> at start and on a schedule. Only the configured pilots' snapshots are shown, and
/// of each only the rows whose labels are in its pilot's vocabulary (<see cref="MetricLabels.Closed"/>): a stored
/// snapshot may hold values from before the vocabulary was closed. Thread-safe: readers see one whole snapshot.
/// </summary>
internal sealed class LatestSnapshotGauges(MetricLabels labels)
{
    /// <summary>The case_type label of pilot-level metrics.</summary>
    public const string AllCaseTypes = "_all";

    /// <summary>The arm label of pilot-level metrics.</summary>
    public const string AllArms = "_all";

    private ImmutableDictionary<string, SnapshotGauges> _byPilot = ImmutableDictionary.Create<string, SnapshotGauges>(StringComparer.Ordinal);

    /// <summary>
    /// Shows <paramref name="snapshot"/> (its rows within the vocabulary) for its pilot unless a newer one of that pilot
    /// is already shown or the config has no such pilot.
    /// </summary>
    /// <returns>Whether it is now the one shown.</returns>
    public bool Publish(SnapshotGauges snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (labels.Closed(snapshot) is not { } closed)
        {
            return false;
        }

        snapshot = closed;
        while (true)
        {
            var current = _byPilot;
            if (current.TryGetValue(snapshot.Pilot, out var shown) && shown.CreatedAt > snapshot.CreatedAt)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _byPilot, current.SetItem(snapshot.Pilot, snapshot), current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>The snapshot shown for a pilot, if any.</summary>
    public SnapshotGauges? For(string pilot) => _byPilot.GetValueOrDefault(pilot);

    internal IEnumerable<Measurement<double>> Values() => MetricRows(r => r.Value);

    internal IEnumerable<Measurement<double>> CiLows() => MetricRows(r => r.CiLow);

    internal IEnumerable<Measurement<double>> CiHighs() => MetricRows(r => r.CiHigh);

    internal IEnumerable<Measurement<double>> SampleSizes() => MetricRows(r => r.N);

    internal IEnumerable<Measurement<double>> Differences() => ComparisonRows(r => r.Difference);

    internal IEnumerable<Measurement<double>> DifferenceCiLows() => ComparisonRows(r => r.CiLow);

    internal IEnumerable<Measurement<double>> DifferenceCiHighs() => ComparisonRows(r => r.CiHigh);

    internal IEnumerable<Measurement<double>> Verdicts() => ComparisonRows(r => SnapshotVerdicts.Code(r.Verdict));

    internal IEnumerable<Measurement<double>> CreatedTimes()
    {
        foreach (var snapshot in _byPilot.Values)
        {
            yield return new(snapshot.CreatedAt.ToUnixTimeMilliseconds() / 1000.0, new KeyValuePair<string, object?>("pilot", snapshot.Pilot));
        }
    }

    private IEnumerable<Measurement<double>> MetricRows(Func<SnapshotMetricRow, double?> select)
    {
        foreach (var snapshot in _byPilot.Values)
        {
            foreach (var row in snapshot.Metrics)
            {
                // A value without meaning (a CI of a count, a mean of nothing) is no sample rather than a 0.
                if (select(row) is { } value)
                {
                    yield return new(value, new TagList { { "pilot", snapshot.Pilot }, { "case_type", row.CaseType }, { "arm", row.Arm }, { "metric", row.Metric } });
                }
            }
        }
    }

    private IEnumerable<Measurement<double>> ComparisonRows(Func<SnapshotComparisonRow, double?> select)
    {
        foreach (var snapshot in _byPilot.Values)
        {
            foreach (var row in snapshot.Comparisons)
            {
                if (select(row) is { } value)
                {
                    yield return new(value, new TagList
                    {
                        { "pilot", snapshot.Pilot }, { "case_type", row.CaseType }, { "metric", row.Metric },
                        { "baseline", row.Baseline }, { "treatment", row.Treatment },
                    });
                }
            }
        }
    }
}
