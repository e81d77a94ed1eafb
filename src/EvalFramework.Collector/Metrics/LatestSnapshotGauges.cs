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

    /// <summary>The gauges the snapshots are exported as: one per value a metric or comparison row carries.</summary>
    public IReadOnlyList<SnapshotGauge> Gauges =>
    [
        new("evalfw.snapshot.value", null, "Current snapshot: the metric's value per case type and arm (unit as the metric's name says).",
            () => MetricRows(r => r.Value)),
        new("evalfw.snapshot.ci_low", null, "Current snapshot: lower end of the metric's confidence interval.", () => MetricRows(r => r.CiLow)),
        new("evalfw.snapshot.ci_high", null, "Current snapshot: upper end of the metric's confidence interval.", () => MetricRows(r => r.CiHigh)),
        new("evalfw.snapshot.sample_size", "{case}", "Current snapshot: the n behind the metric's value.", () => MetricRows(r => r.N)),
        new("evalfw.snapshot.comparison.difference", null, "Current snapshot: treatment minus baseline per case type and metric.",
            () => ComparisonRows(r => r.Difference)),
        new("evalfw.snapshot.comparison.ci_low", null, "Current snapshot: lower end of the difference's confidence interval.",
            () => ComparisonRows(r => r.CiLow)),
        new("evalfw.snapshot.comparison.ci_high", null, "Current snapshot: upper end of the difference's confidence interval.",
            () => ComparisonRows(r => r.CiHigh)),
        new("evalfw.snapshot.comparison.verdict", "{verdict}",
            "Current snapshot: verdict per comparison, with its role (primary, guardrail, secondary = exploratory) and inference (sequential = safe to check every day, final, fixed): 2 improved, 1 non_inferior, 0 no_significant_difference, -1 inconclusive, -2 worsened, -3 inferior, -9 insufficient_data.",
            () => ComparisonRows(r => SnapshotVerdicts.Code(r.Verdict))),
        new("evalfw.snapshot.created", "s", "Current snapshot: when it was made, Unix time in seconds.", CreatedTimes),
    ];

    /// <summary>The snapshot shown for a pilot, if any.</summary>
    public SnapshotGauges? For(string pilot) => _byPilot.GetValueOrDefault(pilot);

    private IEnumerable<Measurement<double>> CreatedTimes()
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
                        { "baseline", row.Baseline }, { "treatment", row.Treatment }, { "role", row.Role }, { "inference", row.Inference },
                    });
                }
            }
        }
    }
}
