using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>The lead times of one case type and arm, ranked for the median, p90 and the median bootstrap.</summary>
internal sealed class LeadTimeSample
{
    private LeadTimeSample(RankedSample sample, MetricValue median, MetricValue p90)
    {
        Sample = sample;
        Median = median;
        P90 = p90;
    }

    public RankedSample Sample { get; }

    public int Count => Sample.Count;

    /// <summary>Median with its order-statistic interval.</summary>
    public MetricValue Median { get; }

    /// <summary>Nearest-rank 90th percentile with its order-statistic interval.</summary>
    public MetricValue P90 { get; }

    public static LeadTimeSample Prepare(double[] values, double level)
    {
        var n = values.Length;
        if (n == 0)
        {
            return new LeadTimeSample(new RankedSample(values, []), MetricValue.Empty(0), MetricValue.Empty(0));
        }

        var medianRanks = OrderStatistics.MedianRanks(n);
        var medianCi = OrderStatistics.Ranks(n, 0.5, level);
        var p90Rank = OrderStatistics.NearestRank(n, 0.9);
        var p90Ci = OrderStatistics.Ranks(n, 0.9, level);
        var ranges = new List<(int From, int To)> { MedianBootstrap.Band(n), (medianRanks.First - 1, medianRanks.Second - 1), (p90Rank - 1, p90Rank - 1) };
        if (medianCi is { } mc)
        {
            ranges.Add((mc.Lower - 1, mc.Upper - 1));
        }

        if (p90Ci is { } pc)
        {
            ranges.Add((pc.Lower - 1, pc.Upper - 1));
        }

        var sample = new RankedSample(values, ranges);
        var median = MedianBootstrap.Median(sample);
        var p90 = sample.AtRank(p90Rank);
        return new LeadTimeSample(
            sample,
            new MetricValue(median, medianCi is { } m ? sample.AtRank(m.Lower) : null, medianCi is { } m2 ? sample.AtRank(m2.Upper) : null, n),
            new MetricValue(p90, p90Ci is { } p ? sample.AtRank(p.Lower) : null, p90Ci is { } p2 ? sample.AtRank(p2.Upper) : null, n));
    }
}
