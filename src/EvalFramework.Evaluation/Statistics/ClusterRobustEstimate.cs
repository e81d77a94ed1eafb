namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// The cluster-robust estimate of a difference of two arm means (<see cref="ClusterRobustTest"/>): the case-weighted
/// difference, its CR2 variance and the Bell–McCaffrey degrees of freedom.
/// </summary>
/// <param name="BaselineMean">The baseline arm's case-weighted mean (Σ n_j·ȳ_j / N over its units).</param>
/// <param name="TreatmentMean">The treatment arm's case-weighted mean.</param>
/// <param name="Variance">The CR2 variance of the difference.</param>
/// <param name="DegreesOfFreedom">The Bell–McCaffrey (Satterthwaite) degrees of freedom; depends on the unit sizes alone.</param>
internal readonly record struct ClusterRobustEstimate(double BaselineMean, double TreatmentMean, double Variance, double DegreesOfFreedom)
{
    /// <summary>Treatment − baseline.</summary>
    public double Difference => TreatmentMean - BaselineMean;

    /// <summary>The standard error, √<see cref="Variance"/>.</summary>
    public double StandardError => Math.Sqrt(Variance);
}
