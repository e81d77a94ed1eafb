using EvalFramework.Evaluation.Forecasts;
using static EvalFramework.Evaluation.Tests.Forecasts.ForecastVectors;

namespace EvalFramework.Evaluation.Tests.Forecasts;

/// <summary>
/// The Diebold–Mariano test against vectors A–D of the research memo: R <c>forecast::dm.test</c> 8.20 for the HLN
/// statistic and p-values (varestimator "acf"), numpy for the EWC variance; tolerance 1e-9 relative.
/// </summary>
public sealed class DieboldMarianoTests
{
    [Fact]
    public void VectorA_AbsoluteLoss_MatchesR()
    {
        var r = DieboldMariano.Test(Errors(AActual, AAi), Errors(AActual, APlanner));

        Assert.Equal(DieboldMarianoStatus.Tested, r.Status);
        Assert.Equal(DieboldMariano.HlnMethod, r.Method);
        Near(-0.85, r.MeanDifference);
        Near(0.036375, r.Variance);
        Near(-4.45674129329115, r.DmStatistic);
        Near(0.974679434480896, r.HlnFactor);
        Near(-4.34389408337267, r.HlnStatistic);
        Near(-4.34389408337267, r.Statistic);
        Assert.Equal(19, r.DegreesOfFreedom);
        Near(0.000349621329714051, r.PValue());
        Near(0.000349621329714051, r.HlnPValue);
        Near(0.000174810664857025, r.PValue(ForecastAlternative.Less));
        Near(0.999825189335143, r.PValue(ForecastAlternative.Greater));
        Assert.False(r.VarianceFallback);
        var interval = r.Interval(0.95)!.Value;
        Near(-1.25955658957175, interval.Low);
        Near(-0.440443410428248, interval.High);
    }

    [Fact]
    public void VectorA_NonInferiorityMargin_MatchesReference()
    {
        var r = DieboldMariano.Test(Errors(AActual, AAi), Errors(AActual, APlanner));

        Near(-6.89912589712131, (r.MeanDifference - 0.5) / r.StandardError!.Value);
        Near(7.01634707479852e-07, r.NonInferiorityPValue(0.5));
    }

    [Fact]
    public void VectorA_SquaredLoss_MatchesR()
    {
        var r = DieboldMariano.Test(Errors(AActual, AAi), Errors(AActual, APlanner), lossPower: 2);

        Near(-3.75, r.MeanDifference);
        Near(0.669375, r.Variance);
        Near(-4.58349248514106, r.DmStatistic);
        Near(-4.46743586336472, r.HlnStatistic);
        Near(0.000263996018574247, r.PValue());
    }

    [Fact]
    public void VectorB_HorizonThree_HlnMatchesRAndEwcIsTheMethod()
    {
        var r = DieboldMariano.Test(Errors(BActual, BAi), Errors(BActual, BPlanner), horizon: 3);

        Assert.Equal(DieboldMariano.EwcMethod, r.Method);
        Near(-0.333333333333333, r.MeanDifference);
        Near(0.585648148148148, r.Variance);
        Near(-0.435572405184377, r.DmStatistic);
        Near(0.895591052508528, r.HlnFactor);
        Near(-0.390094748802747, r.HlnStatistic);
        Near(0.700055738353949, r.HlnPValue);
        Assert.False(r.VarianceFallback);

        Assert.Equal(4, r.EwcBandwidth);
        Assert.Equal(4, r.DegreesOfFreedom);
        Near(8.24852224561126, r.EwcVariance);
        Near(-0.568586168968648, r.Statistic);
        Near(0.600038839717075, r.PValue());
    }

    [Fact]
    public void VectorB_HlnInterval_InvertsTheHlnTest()
    {
        var r = DieboldMariano.Test(Errors(BActual, BAi), Errors(BActual, BPlanner), horizon: 3);

        // The HLN interval d̄ ± t(n−1) √V / factor; the result's own interval belongs to its EWC method.
        var half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 23, 0.975) * Math.Sqrt(r.Variance!.Value) / r.HlnFactor!.Value;
        Near(-2.10098731719924, r.MeanDifference - half);
        Near(1.43432065053258, r.MeanDifference + half);
        var ewc = r.Interval()!.Value;
        Assert.True(ewc.Low < r.MeanDifference && r.MeanDifference < ewc.High);
    }

    [Fact]
    public void VectorB_SquaredLoss_MatchesR()
    {
        var r = DieboldMariano.Test(Errors(BActual, BAi), Errors(BActual, BPlanner), horizon: 3, lossPower: 2);

        Near(-2.58333333333333, r.MeanDifference);
        Near(39.9484230324074, r.Variance);
        Near(-0.366049968457044, r.HlnStatistic);
        Near(0.717673252558972, r.HlnPValue);
        Near(796.086298945214, r.EwcVariance);
        Near(-0.448544973121094, r.Statistic);
        Near(0.676985270379337, r.PValue());
    }

    [Fact]
    public void VectorC_AiVersusSeasonalNaive_MatchesR()
    {
        var r = DieboldMariano.Test(Errors(CActual, CAi), Errors(CActual, CBaseline));

        Near(-0.916666666666667, r.MeanDifference);
        Near(0.0480324074074074, r.Variance);
        Near(-4.18258005346155, r.DmStatistic);
        Near(0.957427107756338, r.HlnFactor);
        Near(-4.00451552354505, r.HlnStatistic);
        Near(0.00207015288050414, r.PValue());
        var interval = r.Interval()!.Value;
        Near(-1.42049034226824, interval.Low);
        Near(-0.41284299106509, interval.High);

        var squared = DieboldMariano.Test(Errors(CActual, CAi), Errors(CActual, CBaseline), lossPower: 2);
        Near(-3.7670730938829, squared.HlnStatistic);
        Near(0.00311617278470067, squared.PValue());
    }

    [Theory]
    [InlineData(1, 0.314208984375, 0.334496804002836, 0.323875137815648, 0.750504450153402)]
    [InlineData(2, double.NaN, double.NaN, 0.197645530958305, 0.845975849092909)]
    public void VectorD_NegativeVariance_FallsBackToHorizonOneLikeR(double power, double variance, double dm, double hln, double p)
    {
        var d = DieboldMariano.Test(DErrors1, DErrors2, horizon: 2, lossPower: power);

        Assert.Equal(DieboldMarianoStatus.Tested, d.Status);
        Assert.True(d.VarianceFallback);
        Near(0.968245836551854, d.HlnFactor);
        Near(hln, d.HlnStatistic);
        Near(p, d.HlnPValue);
        if (!double.IsNaN(variance))
        {
            Near(variance, d.Variance);
            Near(dm, d.DmStatistic);
        }

        // The rectangular h = 2 variance R rejects.
        var losses = DErrors1.Select((e, t) => Math.Pow(Math.Abs(e), power) - Math.Pow(Math.Abs(DErrors2[t]), power)).ToArray();
        Near(power == 1 ? -0.252960205078125 : -5.62234497070312, DieboldMariano.LongRunVariance(losses, losses.Average(), 2));
    }

    [Fact]
    public void IdenticalForecasts_NoDifferencePValueOne()
    {
        var e = Errors(AActual, AAi);
        var r = DieboldMariano.Test(e, e);

        Assert.Equal(DieboldMarianoStatus.IdenticalLosses, r.Status);
        Assert.Equal(1, r.PValue());
        Assert.Equal(0, r.MeanDifference);
        Assert.Equal((0.0, 0.0), r.Interval()!.Value);
    }

    [Fact]
    public void ConstantNonZeroDifference_ZeroVariance()
    {
        var r = DieboldMariano.Test([1, 2, 3, 4, 5], [2, 3, 4, 5, 6]);

        Assert.Equal(DieboldMarianoStatus.ZeroVariance, r.Status);
        Near(-1, r.MeanDifference);
        Assert.Null(r.PValue());
        Assert.Null(r.Interval());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    public void TooFewPeriodsForHorizon_InsufficientData(int n, int h)
    {
        // n = 3, h = 3: 3 + 1 − 6 + 2 = 0; n = 4, h = 4: 4 + 1 − 8 + 3 = 0 → the HLN factor is not positive.
        var r = DieboldMariano.Test([.. Enumerable.Range(0, n).Select(i => (double)i)], [.. Enumerable.Range(0, n).Select(i => i * 0.5)], h);

        Assert.Equal(DieboldMarianoStatus.InsufficientData, r.Status);
        Assert.Null(r.PValue());
    }
}
