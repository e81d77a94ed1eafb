using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>Minimum detectable effect of a two-sided test at level α with 80 % power: (z₁₋α/₂ + z₀.₈₀) · SE.</summary>
internal static class Power
{
    /// <summary>The power the minimum detectable effect is computed for.</summary>
    public const double Target = 0.8;

    /// <summary>The smallest true difference the comparison would detect with 80 % power; null when SE is unknown.</summary>
    public static double? MinimumDetectableEffect(double standardError, double level)
    {
        if (double.IsNaN(standardError) || double.IsInfinity(standardError))
        {
            return null;
        }

        return (Normal.InvCDF(0, 1, 1 - ((1 - level) / 2)) + Normal.InvCDF(0, 1, Target)) * standardError;
    }
}
