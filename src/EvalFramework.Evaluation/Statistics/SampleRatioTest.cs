using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>Chi-square goodness-of-fit test of observed arm counts against the configured allocation shares.</summary>
internal static class SampleRatioTest
{
    /// <summary>χ², degrees of freedom and p-value; null with fewer than two arms or no cases.</summary>
    public static (double ChiSquare, int DegreesOfFreedom, double PValue)? Test(IReadOnlyList<long> observed, IReadOnlyList<double> shares)
    {
        var total = observed.Sum();
        if (observed.Count < 2 || total == 0)
        {
            return null;
        }

        var shareSum = shares.Sum();
        var chi = 0.0;
        for (var i = 0; i < observed.Count; i++)
        {
            var expected = total * shares[i] / shareSum;
            chi += (observed[i] - expected) * (observed[i] - expected) / expected;
        }

        var df = observed.Count - 1;
        return (chi, df, 1 - ChiSquared.CDF(df, chi));
    }
}
