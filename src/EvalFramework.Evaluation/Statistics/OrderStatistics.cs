using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// Distribution-free confidence interval of a quantile from order statistics: with B ~ Binomial(n, q), the ranks
/// l (largest with P(B ≤ l − 1) ≤ α/2) and u (smallest with P(B ≤ u − 1) ≥ 1 − α/2) give
/// P(x₍l₎ ≤ ξ_q ≤ x₍u₎) = P(l ≤ B ≤ u − 1) ≥ 1 − α, whatever the distribution (Conover, Practical
/// Nonparametric Statistics, 3rd ed., §3.2; Campbell and Gardner, BMJ 1988).
/// </summary>
internal static class OrderStatistics
{
    /// <summary>The 1-based ranks (l, u) of the interval, or null when n is too small for the level.</summary>
    public static (int Lower, int Upper)? Ranks(int n, double q, double level)
    {
        if (n < 1)
        {
            return null;
        }

        var tail = (1 - level) / 2;
        // Start at the normal approximation of the ranks; the loops below make them exact.
        var spread = Normal.InvCDF(0, 1, 1 - tail) * Math.Sqrt(n * q * (1 - q));
        var lower = Math.Clamp((int)Math.Floor((n * q) - spread), 1, n);
        while (lower >= 1 && Binomial.CDF(q, n, lower - 1) > tail)
        {
            lower--;
        }

        while (lower < n && Binomial.CDF(q, n, lower) <= tail)
        {
            lower++;
        }

        var upper = Math.Clamp((int)Math.Ceiling((n * q) + spread), 1, n);
        while (upper <= n && Binomial.CDF(q, n, upper - 1) < 1 - tail)
        {
            upper++;
        }

        while (upper > 1 && Binomial.CDF(q, n, upper - 2) >= 1 - tail)
        {
            upper--;
        }

        return lower < 1 || upper > n ? null : (lower, upper);
    }

    /// <summary>The 1-based ranks whose values make the median: one for odd n, the middle two for even n.</summary>
    public static (int First, int Second) MedianRanks(int n) => n % 2 == 1 ? ((n + 1) / 2, (n + 1) / 2) : (n / 2, (n / 2) + 1);

    /// <summary>The 1-based rank of the nearest-rank quantile ⌈q·n⌉ (used for p90).</summary>
    public static int NearestRank(int n, double q) => Math.Clamp((int)Math.Ceiling(q * n), 1, n);
}
