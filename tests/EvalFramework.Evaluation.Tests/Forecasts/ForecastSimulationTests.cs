using EvalFramework.Evaluation.Forecasts;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Tests.Forecasts;

/// <summary>
/// Seeded simulated pilots (research memo §3): errors = a common shock both forecasters miss + each one's own error,
/// for h &gt; 1 each part MA(h − 1) (the sum of the h shocks since issue, as for an efficient h-step forecast). The
/// two-sided 5 % test must say "no difference" in 95 % ± 2 % of pilots under equal skill (HLN at h = 1, EWC at h = 4),
/// find a clearly better AI in most, and too-narrow intervals must be measured near their true coverage.
/// </summary>
public sealed class ForecastSimulationTests
{
    private const int Pilots = 2000;

    /// <summary>z_{0.9}, the half-width of a calibrated 80 % normal interval in standard deviations.</summary>
    private const double Z90 = 1.2815515655446004;

    private static double[] MovingAverageErrors(SeededRandom random, int n, int h, double sd)
    {
        var shocks = new double[n + h - 1];
        for (var i = 0; i < shocks.Length; i++)
        {
            shocks[i] = sd * random.Normal();
        }

        var errors = new double[n];
        for (var t = 0; t < n; t++)
        {
            double sum = 0;
            for (var j = 0; j < h; j++)
            {
                sum += shocks[t + j];
            }

            errors[t] = sum / Math.Sqrt(h);
        }

        return errors;
    }

    private static (double[] Ai, double[] Other) Pilot(SeededRandom random, int n, int h, double aiSd, double otherSd)
    {
        var common = MovingAverageErrors(random, n, h, 1);
        var ai = MovingAverageErrors(random, n, h, aiSd);
        var other = MovingAverageErrors(random, n, h, otherSd);
        for (var t = 0; t < n; t++)
        {
            ai[t] += common[t];
            other[t] += common[t];
        }

        return (ai, other);
    }

    /// <summary>Share of pilots with two-sided p &lt; 0.05, and how many of those had the AI better (d̄ &lt; 0).</summary>
    private static (double RejectShare, double AiBetterShare, string Method) Run(long seed, int n, int h, double aiSd, double otherSd)
    {
        var random = new SeededRandom(seed);
        int rejected = 0, aiBetter = 0;
        var method = "";
        for (var i = 0; i < Pilots; i++)
        {
            var (ai, other) = Pilot(random, n, h, aiSd, otherSd);
            var result = DieboldMariano.Test(ai, other, h);
            method = result.Method;
            if (result.PValue() is < 0.05)
            {
                rejected++;
                if (result.MeanDifference < 0)
                {
                    aiBetter++;
                }
            }
        }

        return ((double)rejected / Pilots, (double)aiBetter / Pilots, method);
    }

    [Fact]
    public void EqualSkill_HorizonOne_26Weeks_NoDifferenceIn95Percent()
    {
        var (reject, _, method) = Run(20260, 26, 1, 1, 1);

        Assert.Equal(DieboldMariano.HlnMethod, method);
        Assert.InRange(1 - reject, 0.93, 0.97);
    }

    [Fact]
    public void EqualSkill_HorizonFour_Ewc_NoDifferenceIn95Percent()
    {
        var (reject, _, method) = Run(20261, 26, 4, 1, 1);

        Assert.Equal(DieboldMariano.EwcMethod, method);
        Assert.InRange(1 - reject, 0.93, 0.97);
    }

    [Fact]
    public void ClearlyBetterAi_FoundInMostPilots()
    {
        // Memo §3: own-error sd 1 vs 3 with a common shock of sd 1 — n = 26: 0.949, n = 52: 0.9999.
        var (reject26, better26, _) = Run(20262, 26, 1, 1, 3);
        var (reject52, better52, _) = Run(20263, 52, 1, 1, 3);

        Assert.InRange(reject26, 0.92, 0.98);
        Assert.Equal(reject26, better26);
        Assert.True(reject52 >= 0.995, $"reject share {reject52}");
        Assert.Equal(reject52, better52);
    }

    [Theory]
    [InlineData(0.6, 0.5581)]
    [InlineData(1.0, 0.80)]
    public void EightyPercentIntervals_CoverageMeasuredNearTheTruth(double widthFactor, double trueCoverage)
    {
        // True coverage of ±widthFactor·z_0.9·σ under N(0, σ²) errors: 2Φ(widthFactor·z_0.9) − 1 (0.5581 for 0.6).
        var random = new SeededRandom(20264);
        const int n = 26;
        double sum = 0;
        var actual = new double[n];
        var lower = new double[n];
        var upper = new double[n];
        for (var i = 0; i < Pilots; i++)
        {
            for (var t = 0; t < n; t++)
            {
                var forecast = 20.0;
                actual[t] = forecast + (2 * random.Normal());
                lower[t] = forecast - (widthFactor * Z90 * 2);
                upper[t] = forecast + (widthFactor * Z90 * 2);
            }

            sum += ForecastAccuracy.ScoreIntervals(actual, lower, upper, 0.80).Coverage;
        }

        Assert.InRange(sum / Pilots, trueCoverage - 0.01, trueCoverage + 0.01);
    }
}
