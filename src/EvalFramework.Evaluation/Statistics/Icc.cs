namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// The intraclass correlation (ICC) of units nested in arms: the one-way ANOVA (moment) estimator for unequal unit
/// sizes, with the units' means centred on their arm's case-weighted mean so the arms' difference is not counted as
/// spread between units (Searle, Casella &amp; McCulloch 1992; Donner &amp; Klar 2000).
/// </summary>
/// <remarks>
/// With k units, a arms, N cases and n_j cases in unit j: MSB = Σ n_j·(ȳ_j − ȳ_g(j))² / (k − a),
/// MSW = Σ_j Σ_i (y_ij − ȳ_j)² / (N − k), n₀ = (N − Σ_g Σ_{j∈g} n_j² / N_g) / (k − a) and
/// ICC = (MSB − MSW) / (MSB + (n₀ − 1)·MSW). Computed from each unit's count, mean and sum of squared deviations. It
/// describes the design (and feeds planning); the cluster-robust intervals do not use it.
/// </remarks>
internal static class Icc
{
    /// <summary>
    /// The ANOVA estimate (it can be below zero when units differ less than chance would make them); null without a
    /// unit more than arms, a case more than units, or any spread at all.
    /// </summary>
    /// <param name="arms">Each arm's units (units without a value are left out).</param>
    public static double? Anova(IEnumerable<IEnumerable<Moments>> arms)
    {
        double cases = 0, between = 0, within = 0, sizeTerm = 0;
        int units = 0, armCount = 0;
        foreach (var arm in arms)
        {
            var used = arm.Where(u => u.Count > 0).ToList();
            if (used.Count == 0)
            {
                continue;
            }

            armCount++;
            units += used.Count;
            double armCases = used.Sum(u => (double)u.Count);
            var mean = used.Sum(u => u.Count / armCases * u.Mean);
            cases += armCases;
            between += used.Sum(u => u.Count * (u.Mean - mean) * (u.Mean - mean));
            within += used.Sum(u => u.M2);
            sizeTerm += used.Sum(u => (double)u.Count * u.Count) / armCases;
        }

        if (units - armCount < 1 || cases - units < 1)
        {
            return null;
        }

        var msb = between / (units - armCount);
        var msw = within / (cases - units);
        var n0 = (cases - sizeTerm) / (units - armCount);
        var denominator = msb + ((n0 - 1) * msw);
        return denominator > 0 ? (msb - msw) / denominator : null;
    }
}
