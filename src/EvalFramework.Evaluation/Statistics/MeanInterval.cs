using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>Student t interval of a mean: mean ± t(n − 1, 1 − α/2) · s / √n.</summary>
internal static class MeanInterval
{
    /// <summary>The interval, or null below two values.</summary>
    public static Interval? Of(in Moments sample, double level)
    {
        if (sample.Count < 2)
        {
            return null;
        }

        var t = StudentT.InvCDF(0, 1, sample.Count - 1, 1 - ((1 - level) / 2));
        var half = t * Math.Sqrt(sample.Variance / sample.Count);
        return new Interval(sample.Mean - half, sample.Mean + half);
    }
}
