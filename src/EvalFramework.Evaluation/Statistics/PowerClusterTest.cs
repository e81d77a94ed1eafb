using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// The cluster-robust test the power simulation makes for a clustered design: CR2 variance with Bell–McCaffrey
/// degrees of freedom for two arms whose clusters are nested in them, in closed form from each cluster's size and
/// mean (docs/methods.md, cluster-robust comparisons): with f_j = n_j/N_g and ȳ_g = Σ f_j ȳ_j,
/// V = Σ_g Σ_j f_j² (ȳ_j − ȳ_g)² / (1 − f_j) and ν = (1/N₀ + 1/N₁)² / (D₀ + D₁),
/// D_g = N_g⁻² [Σ f_j² + (Σ w_j)² − Σ w_j²], w_j = f_j²/(1 − f_j).
/// </summary>
internal static class PowerClusterTest
{
    /// <summary>The difference of the case-weighted arm means, its CR2 standard error, ν and the two-sided p-value.</summary>
    /// <param name="baseline">The baseline arm's clusters: cases and mean of each (clusters without cases left out).</param>
    /// <param name="treatment">The treatment arm's clusters.</param>
    /// <returns>Null when an arm has fewer than 2 clusters.</returns>
    public static (double Difference, double StandardError, double DegreesOfFreedom, double PValue)? Compare(
        IReadOnlyList<(double Count, double Mean)> baseline, IReadOnlyList<(double Count, double Mean)> treatment)
    {
        if (baseline.Count < 2 || treatment.Count < 2)
        {
            return null;
        }

        var (n0, mean0, v0, d0) = Arm(baseline);
        var (n1, mean1, v1, d1) = Arm(treatment);
        var difference = mean1 - mean0;
        var se = Math.Sqrt(v0 + v1);
        var sum = (1 / n0) + (1 / n1);
        var df = sum * sum / (d0 + d1);
        var p = se > 0 ? 2 * StudentT.CDF(0, 1, df, -Math.Abs(difference / se)) : difference == 0 ? 1 : 0;
        return (difference, se, df, Math.Min(1, p));
    }

    private static (double N, double Mean, double V, double D) Arm(IReadOnlyList<(double Count, double Mean)> clusters)
    {
        var n = clusters.Sum(c => c.Count);
        var mean = clusters.Sum(c => c.Count * c.Mean) / n;
        double v = 0, f2 = 0, w = 0, w2 = 0;
        foreach (var (count, clusterMean) in clusters)
        {
            var f = count / n;
            var weight = f * f / (1 - f);
            v += weight * (clusterMean - mean) * (clusterMean - mean);
            f2 += f * f;
            w += weight;
            w2 += weight * weight;
        }

        return (n, mean, v, (f2 + (w * w) - w2) / (n * n));
    }
}
