using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// An arm's metrics under a clustered design: each mean and share is the case-weighted mean of the arm's units with its
/// cluster-robust interval (<see cref="ClusterRobustTest.MeanInterval"/>; a share's clipped to [0, 1], NPS's to
/// [−100, 100]), n the cases in units with a value. The median and p90 keep their value without an interval: the
/// order-statistic interval assumes independent cases.
/// </summary>
internal static class ClusteredArmMetrics
{
    /// <summary>Replaces, in <paramref name="metrics"/> (from <see cref="ArmMetrics.Of"/>), the figures that depend on the design.</summary>
    /// <param name="metrics">The arm's metrics, changed in place.</param>
    /// <param name="g">The arm's group with its units.</param>
    /// <param name="level">The confidence level.</param>
    /// <param name="costs">Cost and energy per case.</param>
    public static void Apply(List<KeyValuePair<string, MetricValue>> metrics, GroupAccumulator g, double level, CostFigures costs)
    {
        foreach (var (metric, of) in ClusteredComparisons.UnitValues(costs))
        {
            var value = Of([.. g.Units.Values.Select(of).Where(m => m.Count > 0)], level, Bounds(metric));
            Replace(metrics, metric, value);
            if (metric == MetricKeys.EnergyPerCase)
            {
                Replace(metrics, MetricKeys.Co2ePerCase, Scaled(value, costs.Co2ePerWh));
            }
        }

        foreach (var quantile in (string[])[MetricKeys.LeadTimeMedian, MetricKeys.LeadTimeP90])
        {
            var i = metrics.FindIndex(m => m.Key == quantile);
            metrics[i] = new(quantile, metrics[i].Value with { CiLow = null, CiHigh = null });
        }
    }

    private static MetricValue Of(List<Moments> units, double level, (double Low, double High) bounds)
    {
        var total = default(Moments);
        foreach (var unit in units)
        {
            total = Moments.Combine(total, unit);
        }

        if (total.Count == 0)
        {
            return MetricValue.Empty(0);
        }

        var ci = ClusterRobustTest.MeanInterval(units, level);
        return new MetricValue(total.Mean, ci is { } a ? Math.Max(bounds.Low, a.Low) : null, ci is { } b ? Math.Min(bounds.High, b.High) : null, total.Count);
    }

    /// <summary>The range an interval is clipped to: [0, 1] for a share, [−100, 100] for NPS, none for a mean.</summary>
    private static (double Low, double High) Bounds(string metric) => metric switch
    {
        MetricKeys.Nps => (-100, 100),
        MetricKeys.LeadTimeMean or MetricKeys.EffortMean or MetricKeys.CsatMean or MetricKeys.CostPerCase or MetricKeys.EnergyPerCase
            => (double.NegativeInfinity, double.PositiveInfinity),
        _ => (0, 1),
    };

    private static MetricValue Scaled(MetricValue v, double factor) =>
        new(v.Value * factor, v.CiLow * factor, v.CiHigh * factor, v.N);

    private static void Replace(List<KeyValuePair<string, MetricValue>> metrics, string key, MetricValue value)
    {
        var i = metrics.FindIndex(m => m.Key == key);
        if (i >= 0)
        {
            metrics[i] = new(key, value);
        }
    }
}
