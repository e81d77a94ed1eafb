using EvalFramework.Evaluation.Statistics;
using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// The effects of teams, handlers or periods on one case type's outcomes, with intra-cluster correlation ICC: each
/// unit has one uniform quantile q per outcome (its own stream). Durations are log-normal,
/// median·exp(σ(√(1 − ρ′) Z + √ρ′ Φ⁻¹(q))) with ρ′ = ln(1 + ICC (e^{σ²} − 1)) / σ², so the values (not their logs) have
/// ICC ICC and the same distribution over all units. Chances: the unit's own chance is the beta quantile
/// B⁻¹(q; p(1/ICC − 1), (1 − p)(1/ICC − 1)), mean p and ICC exactly ICC for the yes/no outcomes.
/// With ICC 0 or no unit every draw is the plain one.
/// </summary>
internal sealed class UnitEffects(long seed, int caseType, double icc)
{
    /// <summary>The outcomes a unit affects.</summary>
    public const int Effort = 0, LeadTime = 1, Wrong = 2, Consistent = 3, Escalated = 4;

    private readonly Dictionary<(int Unit, int Outcome), double> _quantiles = [];
    private readonly Dictionary<(int Unit, int Outcome, double P), double> _chances = [];

    /// <summary>A log-normal duration of a case in <paramref name="unit"/> (−1: none).</summary>
    public double LogNormal(SeededRandom random, int unit, int outcome, double median, double sigma)
    {
        if (unit < 0 || icc == 0 || sigma == 0)
        {
            return random.LogNormal(median, sigma);
        }

        var rho = Math.Log(1 + (icc * (Math.Exp(sigma * sigma) - 1))) / (sigma * sigma);
        var shift = Normal.InvCDF(0, 1, Quantile(unit, outcome));
        return median * Math.Exp(sigma * ((Math.Sqrt(1 - rho) * random.Normal()) + (Math.Sqrt(rho) * shift)));
    }

    /// <summary>The chance of a yes/no outcome of a case in <paramref name="unit"/> whose arm gives chance <paramref name="p"/>.</summary>
    public double Chance(int unit, int outcome, double p)
    {
        if (unit < 0 || icc == 0 || p <= 0 || p >= 1)
        {
            return p;
        }

        if (!_chances.TryGetValue((unit, outcome, p), out var chance))
        {
            var total = (1 / icc) - 1;
            chance = Beta.InvCDF(p * total, (1 - p) * total, Quantile(unit, outcome));
            _chances[(unit, outcome, p)] = chance;
        }

        return chance;
    }

    private double Quantile(int unit, int outcome)
    {
        if (!_quantiles.TryGetValue((unit, outcome), out var q))
        {
            var random = new SeededRandom(StreamSeeds.Derive(seed, StreamSeeds.UnitEffectsBase + caseType, (unit * 8L) + outcome));
            q = Math.Clamp(random.NextDouble(), 1e-9, 1 - 1e-9);
            _quantiles[(unit, outcome)] = q;
        }

        return q;
    }
}
