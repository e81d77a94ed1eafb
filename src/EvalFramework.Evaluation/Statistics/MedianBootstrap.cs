using System.Runtime.CompilerServices;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// Percentile bootstrap of a difference of medians (treatment − baseline), seeded so the same data give the same
/// answer. Each replicate's resample median is drawn exactly from its bootstrap distribution without building the
/// resample: drawing n values with replacement is drawing n uniform ranks, so the resample's m-th smallest value is
/// x₍⌈n·U₍m₎⌉₎ with U₍m₎ ~ Beta(m, n − m + 1) (and, for even n, U₍m+1₎ = U₍m₎ + (1 − U₍m₎)·Beta(1, n − m)).
/// This is the ordinary nonparametric bootstrap, in O(1) per replicate instead of O(n); the random source is
/// <see cref="SeededRandom"/>.
/// </summary>
internal static class MedianBootstrap
{
    /// <summary>Replicates per comparison.</summary>
    public const int Replicates = 2000;

    /// <summary>Half-width, in standard deviations of the resample median's rank, of the rank band to prepare.</summary>
    public const double BandSigmas = 7;

    /// <summary>0-based rank range the bootstrap will read, to prepare with <see cref="RankedSample"/>.</summary>
    public static (int From, int To) Band(int n)
    {
        var half = (int)Math.Ceiling(BandSigmas * Math.Sqrt(n) / 2) + 2;
        return ((n / 2) - half, (n / 2) + half);
    }

    /// <summary>Difference, percentile interval, bootstrap p-value (2 · smaller tail share of replicates beyond 0) and SE.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TestResult Compare(RankedSample baseline, RankedSample treatment, double level, int seed)
    {
        var observed = Median(treatment) - Median(baseline);
        if (baseline.Count < 2 || treatment.Count < 2)
        {
            return new TestResult(observed, null, null, double.NaN);
        }

        var random = new SeededRandom(seed);
        var differences = new double[Replicates];
        var moments = default(Moments);
        for (var b = 0; b < Replicates; b++)
        {
            var d = ResampleMedian(treatment, random) - ResampleMedian(baseline, random);
            differences[b] = d;
            moments.Add(d);
        }

        Array.Sort(differences);
        var tail = (1 - level) / 2;
        var low = differences[(int)Math.Floor(tail * Replicates)];
        var high = differences[(int)Math.Ceiling((1 - tail) * Replicates) - 1];
        var atOrBelow = differences.Count(d => d <= 0);
        var atOrAbove = differences.Count(d => d >= 0);
        var p = Math.Min(1, 2.0 * (Math.Min(atOrBelow, atOrAbove) + 1) / (Replicates + 1));
        return new TestResult(observed, new Interval(low, high), p, Math.Sqrt(moments.Variance));
    }

    /// <summary>The sample median (mean of the middle two values for even n).</summary>
    public static double Median(RankedSample sample)
    {
        var (first, second) = OrderStatistics.MedianRanks(sample.Count);
        return first == second ? sample.AtRank(first) : (sample.AtRank(first) + sample.AtRank(second)) / 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double ResampleMedian(RankedSample sample, SeededRandom random)
    {
        var n = sample.Count;
        var (first, second) = OrderStatistics.MedianRanks(n);
        var u = random.Beta(first, n - first + 1);
        var value = sample.AtRank(RankOf(u, n));
        if (first == second)
        {
            return value;
        }

        // Beta(1, b) by inversion: 1 − V^(1/b).
        var next = u + ((1 - u) * (1 - Math.Pow(1 - random.NextDouble(), 1.0 / (n - first))));
        return (value + sample.AtRank(RankOf(next, n))) / 2;
    }

    private static int RankOf(double u, int n) => Math.Clamp((int)Math.Ceiling(u * n), 1, n);
}
