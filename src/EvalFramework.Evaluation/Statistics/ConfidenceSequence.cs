namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// Always-valid ("anytime-valid") intervals and p-values for a difference whose estimate is asymptotically normal with
/// standard error SE: the asymptotic confidence sequence (AsympCS) of Waudby-Smith, Arbour, Sinha, Kennedy and Ramdas
/// (2024, "Time-uniform central limit theory and asymptotic confidence sequences", Annals of Statistics 52(6)), with
/// the two-sided Gaussian-mixture boundary, and the one-sided normal-mixture boundary of Howard, Ramdas, McAuliffe and
/// Sekhon (2021, Annals of Statistics 49(2), eq. 14). The same formulas as GrowthBook's gbstats.
/// </summary>
/// <remarks>
/// With t observations entering the comparison (both arms) and u = t·ρ², the two-sided (1 − α) sequence is
/// d ± SE·√(2(u + 1)/u · ln(√(u + 1)/α)) and its dual p-value is min(1, √(u + 1)·exp(−u·z²/(2(u + 1)))), z = (d − δ₀)/SE:
/// p ≤ α exactly when δ₀ is outside the sequence. The one-sided bound is d ∓ SE·√(2(u + 1)/u · ln(1 + √(u + 1)/(2α)))
/// and its p-value min(1, √(u + 1)/(2(exp(u·z²/(2(u + 1))) − 1))) for z &gt; 0, else 1. The chance that the sequence
/// ever misses the true difference, at any of any number of looks, is at most α (asymptotically, as for a CLT interval).
/// </remarks>
internal static class ConfidenceSequence
{
    /// <summary>
    /// The tuning ρ² that makes the sequence tightest near <paramref name="plannedObservations"/> (t★), by the closed form
    /// (−2 ln a + ln(1 − 2 ln a))/t★ with a = α two-sided and a = 2α one-sided (the paper's appendix, gbstats
    /// <c>sequential_rho</c>). Fixed before the pilot starts; never re-tuned on the data.
    /// </summary>
    /// <param name="plannedObservations">t★, observations of both arms together, positive.</param>
    /// <param name="alpha">The error rate, in (0, 0.5).</param>
    /// <param name="twoSided">Whether for the two-sided sequence (else the one-sided bound).</param>
    public static double Rho2(double plannedObservations, double alpha, bool twoSided)
    {
        var logA = Math.Log(twoSided ? alpha : 2 * alpha);
        return ((-2 * logA) + Math.Log(1 - (2 * logA))) / plannedObservations;
    }

    /// <summary>The half-width of the two-sided (1 − α) sequence at t observations.</summary>
    /// <param name="standardError">The estimate's standard error (unpooled).</param>
    /// <param name="observations">t, observations of both arms.</param>
    /// <param name="rho2">ρ² from <see cref="Rho2"/> (two-sided).</param>
    /// <param name="alpha">The error rate.</param>
    public static double HalfWidth(double standardError, long observations, double rho2, double alpha)
    {
        var u = observations * rho2;
        return standardError * Math.Sqrt(2 * (u + 1) / u * Math.Log(Math.Sqrt(u + 1) / alpha));
    }

    /// <summary>The distance of the one-sided (1 − α) bound from the estimate at t observations.</summary>
    /// <param name="standardError">The estimate's standard error (unpooled).</param>
    /// <param name="observations">t, observations of both arms.</param>
    /// <param name="rho2">ρ² from <see cref="Rho2"/> (one-sided).</param>
    /// <param name="alpha">The error rate.</param>
    public static double OneSidedHalfWidth(double standardError, long observations, double rho2, double alpha)
    {
        var u = observations * rho2;
        return standardError * Math.Sqrt(2 * (u + 1) / u * Math.Log(1 + (Math.Sqrt(u + 1) / (2 * alpha))));
    }

    /// <summary>The always-valid two-sided p-value of H₀: difference = <paramref name="nullValue"/> (computed in log space).</summary>
    /// <param name="estimate">The estimated difference.</param>
    /// <param name="standardError">Its standard error, positive.</param>
    /// <param name="observations">t, observations of both arms.</param>
    /// <param name="rho2">ρ² from <see cref="Rho2"/> (two-sided).</param>
    /// <param name="nullValue">δ₀.</param>
    public static double PValue(double estimate, double standardError, long observations, double rho2, double nullValue = 0)
    {
        var u = observations * rho2;
        var z = (estimate - nullValue) / standardError;
        var logM = (u * z * z / (2 * (u + 1))) - (0.5 * Math.Log(u + 1));
        return logM <= 0 ? 1 : Math.Exp(-logM);
    }

    /// <summary>
    /// The always-valid one-sided p-value of H₀: difference ≤ δ₀ against difference &gt; δ₀ (<paramref name="greater"/>), or
    /// H₀: difference ≥ δ₀ against difference &lt; δ₀: the closed-form inverse of <see cref="OneSidedHalfWidth"/>.
    /// </summary>
    /// <param name="estimate">The estimated difference.</param>
    /// <param name="standardError">Its standard error, positive.</param>
    /// <param name="observations">t, observations of both arms.</param>
    /// <param name="rho2">ρ² from <see cref="Rho2"/> (one-sided).</param>
    /// <param name="nullValue">δ₀.</param>
    /// <param name="greater">Whether the alternative is above δ₀.</param>
    public static double OneSidedPValue(double estimate, double standardError, long observations, double rho2, double nullValue,
        bool greater)
    {
        var distance = greater ? estimate - nullValue : nullValue - estimate;
        if (distance <= 0)
        {
            return 1;
        }

        var u = observations * rho2;
        var z = distance / standardError;
        var excess = Math.Exp(u * z * z / (2 * (u + 1))) - 1;
        return excess <= 0 ? 1 : Math.Min(1, Math.Sqrt(u + 1) / (2 * excess));
    }
}
