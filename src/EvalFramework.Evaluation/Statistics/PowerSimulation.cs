using EvalFramework.Evaluation.Simulation;
namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// Checks a predicted power by simulation (seeded, the same on every machine): many pilots drawn under the
/// assumptions and each analysed with the test the snapshot makes, counting how often the difference is found at
/// level α. What the prediction approximates is drawn as it happens: Poisson case counts; unit sizes that vary
/// (gamma weights with the assumed CV); unit effects (normal for means, beta-distributed shares for shares, each
/// with the assumed ICC); the variance estimated from the data; the cluster-robust test's degrees of freedom from
/// the units' actual sizes. Means are drawn normal.
/// </summary>
public static class PowerSimulation
{
    /// <summary>The simulated pilots by default.</summary>
    public const int DefaultPilots = 2000;

    /// <summary>The share of <paramref name="pilots"/> simulated pilots of <paramref name="weeks"/> weeks in which the test finds the difference.</summary>
    /// <param name="assumptions">Valid assumptions.</param>
    /// <param name="weeks">The pilot's length.</param>
    /// <param name="pilots">How many pilots to simulate (at least 1).</param>
    /// <param name="seed">The seed: the same seed, the same answer.</param>
    /// <returns>The simulated power (the share found) and its Monte Carlo standard error.</returns>
    public static (double Power, double StandardError) Run(PowerAssumptions assumptions, int weeks, int pilots = DefaultPilots, long seed = 1)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pilots, 1);
        var found = 0;
        for (var i = 0; i < pilots; i++)
        {
            var random = new SeededRandom(unchecked(seed * 1_000_003 + i));
            var p = assumptions.Design.IsClustered ? ClusteredPValue(assumptions, weeks, random) : CaseLevelPValue(assumptions, weeks, random);
            found += p < assumptions.Alpha ? 1 : 0;
        }

        var power = (double)found / pilots;
        return (power, Math.Sqrt(power * (1 - power) / pilots));
    }

    private static double CaseLevelPValue(PowerAssumptions a, int weeks, SeededRandom random)
    {
        var total = a.ObservationsPerWeek * weeks;
        var n0 = Count(random, total * a.BaselineShare);
        var n1 = Count(random, total * a.TreatmentShare);
        if (a.Kind == PowerMetricKind.Share)
        {
            var x0 = random.Binomial(n0, a.Baseline);
            var x1 = random.Binomial(n1, a.Treatment);
            return Proportions.Compare(x0, n0, x1, n1, 1 - a.Alpha).PValue ?? 1;
        }

        return WelchTest.Compare(NormalSample(random, n0, a.Baseline, a.StandardDeviation), NormalSample(random, n1, a.Treatment, a.StandardDeviation),
            1 - a.Alpha).PValue ?? 1;
    }

    private static double ClusteredPValue(PowerAssumptions a, int weeks, SeededRandom random)
    {
        var (m0, m1) = PowerPlanner.UnitsPerArm(a, weeks);
        var total = a.ObservationsPerWeek * weeks;
        var baseline = Clusters(a, random, m0, total * a.BaselineShare, a.Baseline);
        var treatment = Clusters(a, random, m1, total * a.TreatmentShare, a.Treatment);
        return ClusterRobustTest.Compare(baseline, treatment, 1 - a.Alpha).PValue ?? 1;
    }

    /// <summary>The units of one arm, each with its cases and their mean; units that got no case are left out.</summary>
    private static List<Moments> Clusters(PowerAssumptions a, SeededRandom random, int units, double expected, double armValue)
    {
        var design = a.Design;
        var weights = new double[units];
        for (var j = 0; j < units; j++)
        {
            weights[j] = design.SizeCv > 0 ? Gamma(random, 1 / (design.SizeCv * design.SizeCv)) : 1;
        }

        var sum = weights.Sum();
        var clusters = new List<Moments>(units);
        for (var j = 0; j < units; j++)
        {
            var n = Count(random, expected * weights[j] / sum);
            if (n == 0)
            {
                continue;
            }

            clusters.Add(new Moments
            {
                Count = n,
                Mean = a.Kind == PowerMetricKind.Share
                    ? (double)random.Binomial(n, UnitShare(random, armValue, design.Icc)) / n
                    : armValue + (a.StandardDeviation * ((Math.Sqrt(design.Icc) * random.Normal()) + (Math.Sqrt((1 - design.Icc) / n) * random.Normal()))),
            });
        }

        return clusters;
    }

    /// <summary>A unit's own share: Beta with mean <paramref name="share"/> and ICC <paramref name="icc"/> (a + b = 1/ICC − 1).</summary>
    internal static double UnitShare(SeededRandom random, double share, double icc)
    {
        if (icc <= 0)
        {
            return share;
        }

        var total = (1 / icc) - 1;
        var x = Gamma(random, share * total);
        var y = Gamma(random, (1 - share) * total);
        return x / (x + y);
    }

    /// <summary>Gamma(shape, 1) for any shape above 0: below 1 by Gamma(shape + 1) · U^(1/shape).</summary>
    internal static double Gamma(SeededRandom random, double shape) => shape >= 1
        ? random.Gamma(shape)
        : random.Gamma(shape + 1) * Math.Pow(1 - random.NextDouble(), 1 / shape);

    /// <summary>A Poisson count with the given mean (normal approximation above 500, where the product method underflows).</summary>
    private static int Count(SeededRandom random, double mean) => mean > 500
        ? Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * random.Normal())))
        : random.Poisson(mean);

    /// <summary>The moments of <paramref name="n"/> normal values: the mean drawn N(μ, σ²/n), the sum of squares σ²·χ²(n − 1).</summary>
    private static Moments NormalSample(SeededRandom random, int n, double mean, double sd)
    {
        if (n < 2)
        {
            return new Moments { Count = n, Mean = mean };
        }

        var chiSquare = 2 * Gamma(random, (n - 1) / 2.0);
        return new Moments { Count = n, Mean = mean + (sd * random.Normal() / Math.Sqrt(n)), M2 = sd * sd * chiSquare };
    }
}
