using MathNet.Numerics.Distributions;

namespace EvalFramework.Evaluation.Forecasts;

/// <summary>The alternative hypothesis of a Diebold–Mariano test, for the loss difference d = loss(first) − loss(second).</summary>
public enum ForecastAlternative
{
    /// <summary>The forecasters differ in expected loss.</summary>
    TwoSided,

    /// <summary>The first forecaster (the AI) has the smaller expected loss.</summary>
    Less,

    /// <summary>The first forecaster has the larger expected loss.</summary>
    Greater,
}

/// <summary>What a Diebold–Mariano test could say.</summary>
public enum DieboldMarianoStatus
{
    /// <summary>A test was made: statistic, p-values and interval are set.</summary>
    Tested,

    /// <summary>Every loss difference is zero: the forecasters are equally accurate in every period (p = 1).</summary>
    IdenticalLosses,

    /// <summary>The loss difference is the same non-zero constant in every period: its variance is zero and no test exists (the caller reports insufficient data, reason <c>zero_variance</c>).</summary>
    ZeroVariance,

    /// <summary>Too few periods for the horizon: n &lt; 2 or the HLN factor n + 1 − 2h + h(h − 1)/n is not positive.</summary>
    InsufficientData,
}

/// <summary>
/// The outcome of comparing two forecasters' losses over the same periods. <see cref="StandardError"/> and
/// <see cref="DegreesOfFreedom"/> belong to <see cref="Method"/>: the HLN-corrected DM test at h = 1, the EWC
/// fixed-smoothing test at h ≥ 2; the HLN statistic is kept in both cases for comparison with R <c>dm.test</c>.
/// </summary>
/// <param name="Status">Whether a test was made.</param>
/// <param name="Method"><see cref="DieboldMariano.HlnMethod"/> or <see cref="DieboldMariano.EwcMethod"/>.</param>
/// <param name="Count">Paired periods n.</param>
/// <param name="Horizon">The forecast horizon h asked for.</param>
/// <param name="LossPower">The loss |e|^p: 1 (absolute) or 2 (squared).</param>
/// <param name="MeanDifference">d̄, the mean of d_t = |e1_t|^p − |e2_t|^p; with p = 1 it is MAE(first) − MAE(second), negative = first better.</param>
public sealed record DieboldMarianoResult(
    DieboldMarianoStatus Status,
    string Method,
    int Count,
    int Horizon,
    double LossPower,
    double MeanDifference)
{
    /// <summary>The long-run variance of d̄ of the DM test, V = (γ0 + 2 Σ_{k=1}^{h−1} γk) / n; after a fallback the h = 1 value.</summary>
    public double? Variance { get; init; }

    /// <summary>True when V ≤ 0 at h &gt; 1 and V, the DM statistic and the HLN factor were recomputed with h = 1, as R does.</summary>
    public bool VarianceFallback { get; init; }

    /// <summary>The DM statistic d̄ / √V.</summary>
    public double? DmStatistic { get; init; }

    /// <summary>The HLN factor √((n + 1 − 2h + h(h − 1)/n) / n), with h = 1 after a fallback.</summary>
    public double? HlnFactor { get; init; }

    /// <summary>The HLN-corrected statistic DM · factor, referred to Student t with n − 1 df (R <c>dm.test</c>'s statistic).</summary>
    public double? HlnStatistic { get; init; }

    /// <summary>Two-sided p-value of the HLN test, whatever <see cref="Method"/> is.</summary>
    public double? HlnPValue { get; init; }

    /// <summary>The EWC variance σ̂² = (1/B) Σ λj² of √n d̄ (set when <see cref="Method"/> is EWC).</summary>
    public double? EwcVariance { get; init; }

    /// <summary>The number B of cosine weights of the EWC variance (its t degrees of freedom).</summary>
    public int? EwcBandwidth { get; init; }

    /// <summary>The standard error of d̄ under <see cref="Method"/>: √V / factor (HLN) or σ̂ / √n (EWC).</summary>
    public double? StandardError { get; init; }

    /// <summary>The Student t degrees of freedom of <see cref="Method"/>: n − 1 (HLN) or B (EWC).</summary>
    public double? DegreesOfFreedom { get; init; }

    /// <summary>The test statistic of <see cref="Method"/>, d̄ / <see cref="StandardError"/>.</summary>
    public double? Statistic => StandardError is { } se ? MeanDifference / se : null;

    /// <summary>The p-value of "equal expected loss" against <paramref name="alternative"/>; 1 for identical losses, null when untested.</summary>
    public double? PValue(ForecastAlternative alternative = ForecastAlternative.TwoSided) => Status switch
    {
        DieboldMarianoStatus.IdenticalLosses => 1,
        DieboldMarianoStatus.Tested => DieboldMariano.PValue(Statistic!.Value, DegreesOfFreedom!.Value, alternative),
        _ => null,
    };

    /// <summary>
    /// The one-sided non-inferiority p-value of H0: E[d] ≥ <paramref name="margin"/> ("the first forecaster is more
    /// than margin worse"): t = (d̄ − margin) / SE, p = T(t). Null when untested.
    /// </summary>
    public double? NonInferiorityPValue(double margin) => Status switch
    {
        DieboldMarianoStatus.IdenticalLosses => margin > 0 ? 0 : 1,
        DieboldMarianoStatus.Tested => StudentT.CDF(0, 1, DegreesOfFreedom!.Value, (MeanDifference - margin) / StandardError!.Value),
        _ => null,
    };

    /// <summary>
    /// The interval of E[d] that inverts the two-sided test at <paramref name="level"/>: d̄ ± t_{df, 1 − α/2} · SE
    /// (HLN: d̄ ± t_{n−1} √V / factor). A point for identical losses, null when untested.
    /// </summary>
    public (double Low, double High)? Interval(double level = 0.95) => Status switch
    {
        DieboldMarianoStatus.IdenticalLosses => (0, 0),
        DieboldMarianoStatus.Tested => Around(StudentT.InvCDF(0, 1, DegreesOfFreedom!.Value, 1 - ((1 - level) / 2)) * StandardError!.Value),
        _ => null,
    };

    private (double Low, double High) Around(double halfWidth) => (MeanDifference - halfWidth, MeanDifference + halfWidth);
}

/// <summary>
/// The Diebold–Mariano test of equal forecast accuracy (Diebold and Mariano 1995) as R <c>forecast::dm.test</c>
/// computes it — autocovariances with divisor n about the full mean, a rectangular window to lag h − 1, the
/// Harvey–Leybourne–Newbold (1997) small-sample factor, Student t with n − 1 df, and R's recomputation with h = 1
/// when the variance is not positive — plus, for h ≥ 2, where that test over-rejects at pilot lengths, the
/// fixed-smoothing equal-weighted-cosine variance of Lazarus, Lewis, Stock and Watson (2018) with B = ⌊√n⌋ and t(B).
/// </summary>
public static class DieboldMariano
{
    /// <summary>Method name of the HLN-corrected DM test (used at h = 1).</summary>
    public const string HlnMethod = "diebold_mariano_hln";

    /// <summary>Method name of the fixed-smoothing EWC test (used at h ≥ 2).</summary>
    public const string EwcMethod = "diebold_mariano_ewc";

    /// <summary>
    /// Compares forecaster 1 (the AI) with forecaster 2 over the same periods from their errors e = actual − forecast.
    /// </summary>
    /// <param name="errors1">Errors of the first forecaster.</param>
    /// <param name="errors2">Errors of the second forecaster, paired by period.</param>
    /// <param name="horizon">Forecast horizon h ≥ 1.</param>
    /// <param name="lossPower">p in the loss |e|^p: 1 (default, d̄ = difference of MAEs) or 2.</param>
    /// <exception cref="ArgumentException">The error lists differ in length.</exception>
    public static DieboldMarianoResult Test(IReadOnlyList<double> errors1, IReadOnlyList<double> errors2, int horizon = 1, double lossPower = 1)
    {
        if (errors1.Count != errors2.Count)
        {
            throw new ArgumentException("The two forecasters' errors must be paired by period.", nameof(errors2));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lossPower);

        var n = errors1.Count;
        var d = new double[n];
        for (var t = 0; t < n; t++)
        {
            d[t] = Math.Pow(Math.Abs(errors1[t]), lossPower) - Math.Pow(Math.Abs(errors2[t]), lossPower);
        }

        var method = horizon == 1 ? HlnMethod : EwcMethod;
        var mean = n == 0 ? 0 : d.Average();
        var result = new DieboldMarianoResult(DieboldMarianoStatus.InsufficientData, method, n, horizon, lossPower, mean);
        if (n < 2 || !(HlnFactorSquared(n, horizon) > 0))
        {
            return result;
        }

        if (Array.TrueForAll(d, x => x == 0))
        {
            return result with { Status = DieboldMarianoStatus.IdenticalLosses, MeanDifference = 0 };
        }

        if (Array.TrueForAll(d, x => x == d[0]))
        {
            return result with { Status = DieboldMarianoStatus.ZeroVariance };
        }

        var fallback = false;
        var h = horizon;
        var variance = LongRunVariance(d, mean, h);
        if (!(variance > 0) && h > 1)
        {
            fallback = true;
            h = 1;
            variance = LongRunVariance(d, mean, h);
        }

        if (!(variance > 0))
        {
            return result with { Status = DieboldMarianoStatus.ZeroVariance };
        }

        var factor = Math.Sqrt(HlnFactorSquared(n, h));
        var dm = mean / Math.Sqrt(variance);
        var hln = dm * factor;
        result = result with
        {
            Status = DieboldMarianoStatus.Tested,
            Variance = variance,
            VarianceFallback = fallback,
            DmStatistic = dm,
            HlnFactor = factor,
            HlnStatistic = hln,
            HlnPValue = PValue(hln, n - 1, ForecastAlternative.TwoSided),
        };

        if (horizon == 1)
        {
            return result with { StandardError = Math.Sqrt(variance) / factor, DegreesOfFreedom = n - 1 };
        }

        var bandwidth = (int)Math.Floor(Math.Sqrt(n));
        var ewc = EwcVarianceOf(d, bandwidth);
        return result with
        {
            EwcVariance = ewc,
            EwcBandwidth = bandwidth,
            StandardError = Math.Sqrt(ewc / n),
            DegreesOfFreedom = bandwidth,
        };
    }

    /// <summary>The p-value of a t statistic with <paramref name="degreesOfFreedom"/> df against <paramref name="alternative"/>.</summary>
    public static double PValue(double statistic, double degreesOfFreedom, ForecastAlternative alternative) => alternative switch
    {
        ForecastAlternative.Less => StudentT.CDF(0, 1, degreesOfFreedom, statistic),
        ForecastAlternative.Greater => 1 - StudentT.CDF(0, 1, degreesOfFreedom, statistic),
        _ => Math.Min(1, 2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(statistic))),
    };

    /// <summary>(n + 1 − 2h + h(h − 1)/n) / n, the square of the HLN factor.</summary>
    internal static double HlnFactorSquared(int n, int h) => (n + 1 - (2.0 * h) + ((double)h / n * (h - 1))) / n;

    /// <summary>V = (γ0 + 2 Σ_{k=1}^{h−1} γk) / n with γk = (1/n) Σ_{t>k} (d_t − d̄)(d_{t−k} − d̄).</summary>
    internal static double LongRunVariance(double[] d, double mean, int h)
    {
        var n = d.Length;
        var sum = Autocovariance(d, mean, 0);
        for (var k = 1; k < h && k < n; k++)
        {
            sum += 2 * Autocovariance(d, mean, k);
        }

        return sum / n;
    }

    /// <summary>σ̂² = (1/B) Σ_{j=1}^{B} λj², λj = √(2/n) Σ_t d_t cos(πj(t − ½)/n), t = 1..n.</summary>
    internal static double EwcVarianceOf(double[] d, int bandwidth)
    {
        var n = d.Length;
        var scale = Math.Sqrt(2.0 / n);
        double sum = 0;
        for (var j = 1; j <= bandwidth; j++)
        {
            double lambda = 0;
            for (var t = 1; t <= n; t++)
            {
                lambda += d[t - 1] * Math.Cos(Math.PI * j * (t - 0.5) / n);
            }

            lambda *= scale;
            sum += lambda * lambda;
        }

        return sum / bandwidth;
    }

    private static double Autocovariance(double[] d, double mean, int lag)
    {
        double sum = 0;
        for (var t = lag; t < d.Length; t++)
        {
            sum += (d[t] - mean) * (d[t - lag] - mean);
        }

        return sum / d.Length;
    }
}
