using EvalFramework.Contract;
using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// Prospective power of one comparison, and the weeks a pilot must run to reach the power wanted (see
/// docs/methods.md, "Planning a pilot"). Case level: Welch's t for means, the pooled z test for shares (the tests the
/// snapshot makes). Clustered designs: the case-level variance times the design effect
/// DE = 1 + ((1 + CV²) n̄ − 1) ICC (Eldridge, Ashby and Kerry 2006) in each arm, and a t test with the cluster-robust
/// interval's degrees of freedom for equal units, (1/N₀ + 1/N₁)² / (N₀⁻²/(m₀ − 1) + N₁⁻²/(m₁ − 1)), which is 2(m − 1)
/// for equal arms. Power of a two-sided test at level α with critical value c and noncentrality λ = |δ|/SE:
/// F(λ − c) + F(−λ − c), F the t (or normal) distribution function.
/// </summary>
public static class PowerPlanner
{
    /// <summary>The longest pilot searched for, in weeks (ten years).</summary>
    public const int MaxWeeks = 520;

    /// <summary>The predicted power after <paramref name="weeks"/> weeks.</summary>
    /// <param name="assumptions">Valid assumptions (<see cref="PowerAssumptions.Validate"/>).</param>
    /// <param name="weeks">The pilot's length, at least 1.</param>
    /// <returns>The power and what it rests on; power 0 when a clustered arm would have fewer than 2 units.</returns>
    public static PowerEstimate At(PowerAssumptions assumptions, int weeks)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        var total = assumptions.ObservationsPerWeek * weeks;
        var n0 = total * assumptions.BaselineShare;
        var n1 = total * assumptions.TreatmentShare;
        var (v0, v1) = Variances(assumptions);
        var delta = Math.Abs(assumptions.Change);
        if (!assumptions.Design.IsClustered)
        {
            return CaseLevel(assumptions, weeks, n0, n1, v0, v1, delta);
        }

        var (m0, m1) = UnitsPerArm(assumptions, weeks);
        if (m0 < 2 || m1 < 2)
        {
            return new PowerEstimate(weeks, n0, n1, m0, m1, double.NaN, double.NaN, double.NaN, 0);
        }

        var design = assumptions.Design;
        var de0 = DesignEffect(n0 / m0, design);
        var de1 = DesignEffect(n1 / m1, design);
        var se = Math.Sqrt((de0 * v0 / n0) + (de1 * v1 / n1));
        var df = ClusterDegreesOfFreedom(n0, m0, n1, m1);
        var designEffect = ((de0 * v0 / n0) + (de1 * v1 / n1)) / ((v0 / n0) + (v1 / n1));
        return new PowerEstimate(weeks, n0, n1, m0, m1, designEffect, se, df, TwoSidedPower(delta / se, df, assumptions.Alpha));
    }

    /// <summary>The fewest whole weeks (up to <see cref="MaxWeeks"/>) whose predicted power reaches the power wanted.</summary>
    /// <param name="assumptions">Valid assumptions.</param>
    /// <returns>The estimate at that many weeks; null when no length up to <see cref="MaxWeeks"/> reaches it.</returns>
    public static PowerEstimate? WeeksNeeded(PowerAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        for (var weeks = 1; weeks <= MaxWeeks; weeks++)
        {
            var estimate = At(assumptions, weeks);
            if (estimate.Power >= assumptions.TargetPower)
            {
                return estimate;
            }
        }

        return null;
    }

    /// <summary>
    /// The power a team or handler design can never exceed however long it runs: with the units fixed, the variance
    /// tends to ICC (1 + CV²)(σ₀²/m₀ + σ₁²/m₁) as their cases grow. Null for other designs (more weeks bring more periods or cases).
    /// </summary>
    /// <param name="assumptions">Valid assumptions.</param>
    public static double? PowerLimit(PowerAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        var design = assumptions.Design;
        if (design.Unit is not (AssignmentUnits.Team or AssignmentUnits.Handler))
        {
            return null;
        }

        var (m0, m1) = UnitsPerArm(assumptions, 1);
        if (m0 < 2 || m1 < 2)
        {
            return 0;
        }

        if (design.Icc == 0)
        {
            return 1;
        }

        var (v0, v1) = Variances(assumptions);
        var scale = design.Icc * (1 + (design.SizeCv * design.SizeCv));
        var se = Math.Sqrt(scale * ((v0 / m0) + (v1 / m1)));
        // Equal cases per unit in the limit: N_g ∝ m_g.
        var df = ClusterDegreesOfFreedom(m0, m0, m1, m1);
        return TwoSidedPower(Math.Abs(assumptions.Change) / se, df, assumptions.Alpha);
    }

    /// <summary>
    /// The units in each arm after <paramref name="weeks"/>: the teams or handlers by the arms' shares (rounded), or each
    /// arm's share of the whole periods that have passed (rounded down).
    /// </summary>
    public static (int Baseline, int Treatment) UnitsPerArm(PowerAssumptions assumptions, int weeks)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        var design = assumptions.Design;
        if (design.Unit == AssignmentUnits.Period)
        {
            // Whole blocks only: an odd period out is not counted (the answer errs on the safe side).
            var periods = weeks * 7 / design.PeriodDays;
            return ((int)Math.Floor(periods * assumptions.BaselineShare), (int)Math.Floor(periods * assumptions.TreatmentShare));
        }

        var units = design.Unit == AssignmentUnits.Case ? 0 : design.Units;
        return ((int)Math.Round(units * assumptions.BaselineShare, MidpointRounding.AwayFromZero),
            (int)Math.Round(units * assumptions.TreatmentShare, MidpointRounding.AwayFromZero));
    }

    /// <summary>The design effect of units of <paramref name="meanSize"/> cases on average: 1 + ((1 + CV²) n̄ − 1) ICC.</summary>
    public static double DesignEffect(double meanSize, PowerDesign design)
    {
        ArgumentNullException.ThrowIfNull(design);
        return 1 + ((((1 + (design.SizeCv * design.SizeCv)) * meanSize) - 1) * design.Icc);
    }

    /// <summary>
    /// The cluster-robust interval's degrees of freedom when every unit of an arm has the same size:
    /// (1/N₀ + 1/N₁)² / (N₀⁻²/(m₀ − 1) + N₁⁻²/(m₁ − 1)).
    /// </summary>
    public static double ClusterDegreesOfFreedom(double n0, int m0, double n1, int m1)
    {
        var sum = (1 / n0) + (1 / n1);
        return sum * sum / ((1 / (n0 * n0 * (m0 - 1))) + (1 / (n1 * n1 * (m1 - 1))));
    }

    /// <summary>F(λ − c) + F(−λ − c): the chance a two-sided test at level α rejects when the statistic is shifted by λ.</summary>
    /// <param name="noncentrality">λ = |δ| / SE.</param>
    /// <param name="degreesOfFreedom">The t distribution's degrees of freedom; infinite for the normal.</param>
    /// <param name="alpha">The level.</param>
    public static double TwoSidedPower(double noncentrality, double degreesOfFreedom, double alpha)
    {
        if (double.IsPositiveInfinity(degreesOfFreedom))
        {
            var z = Normal.InvCDF(0, 1, 1 - (alpha / 2));
            return Normal.CDF(0, 1, noncentrality - z) + Normal.CDF(0, 1, -noncentrality - z);
        }

        var c = StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - (alpha / 2));
        return StudentT.CDF(0, 1, degreesOfFreedom, noncentrality - c) + StudentT.CDF(0, 1, degreesOfFreedom, -noncentrality - c);
    }

    /// <summary>The variance of one observation in each arm: σ² for means, p(1 − p) for shares.</summary>
    private static (double Baseline, double Treatment) Variances(PowerAssumptions a) => a.Kind == PowerMetricKind.Share
        ? (a.Baseline * (1 - a.Baseline), a.Treatment * (1 - a.Treatment))
        : (a.StandardDeviation * a.StandardDeviation, a.StandardDeviation * a.StandardDeviation);

    /// <summary>
    /// Case level. Means: Welch's t with the Welch–Satterthwaite df of equal variances. Shares: the pooled z test,
    /// power Φ((|δ| − z·SE₀)/SE₁) + Φ((−|δ| − z·SE₀)/SE₁), SE₀ from the pooled share, SE₁ from the two arms' shares.
    /// </summary>
    private static PowerEstimate CaseLevel(PowerAssumptions a, int weeks, double n0, double n1, double v0, double v1, double delta)
    {
        var se = Math.Sqrt((v0 / n0) + (v1 / n1));
        if (a.Kind == PowerMetricKind.Mean)
        {
            var df = (v0 / n0 + v1 / n1) * (v0 / n0 + v1 / n1) / ((v0 * v0 / (n0 * n0 * (n0 - 1))) + (v1 * v1 / (n1 * n1 * (n1 - 1))));
            var power = n0 > 1 && n1 > 1 ? TwoSidedPower(delta / se, df, a.Alpha) : 0;
            return new PowerEstimate(weeks, n0, n1, 0, 0, 1, se, df, power);
        }

        var pooled = ((n0 * a.Baseline) + (n1 * a.Treatment)) / (n0 + n1);
        var sePooled = Math.Sqrt(pooled * (1 - pooled) * ((1 / n0) + (1 / n1)));
        var z = Normal.InvCDF(0, 1, 1 - (a.Alpha / 2));
        var shares = Normal.CDF(0, 1, (delta - (z * sePooled)) / se) + Normal.CDF(0, 1, (-delta - (z * sePooled)) / se);
        return new PowerEstimate(weeks, n0, n1, 0, 0, 1, se, double.PositiveInfinity, shares);
    }
}
