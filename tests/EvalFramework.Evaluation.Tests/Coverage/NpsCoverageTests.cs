using EvalFramework.Evaluation.Statistics;
using Xunit.Abstractions;

namespace EvalFramework.Evaluation.Tests.Coverage;

/// <summary>
/// Coverage of the NPS intervals (adjusted Wald, <see cref="NetPromoterScore"/>) over seeded simulated pilots with 30
/// to 200 answers per arm: the 95 % interval must cover the true score (and the true difference of two scores) in
/// 95 ± 1.5 % of 4,000 pilots. With 4,000 pilots the binomial standard error of a true 95 % is 0.34 points, so the
/// band is over four standard errors wide on each side. Exact enumeration (Python, scipy.stats.multinomial) gives the
/// one-score coverage of these true shares between 94.6 % and 95.3 % for every n from 30 to 200.
/// </summary>
public sealed class NpsCoverageTests(ITestOutputHelper output)
{
    private const int Pilots = 4000;
    private const double Level = 0.95;

    /// <summary>True (promoters, detractors) shares per scenario; the rest are passives.</summary>
    private static readonly (double Promoters, double Detractors)[] Truths = [(0.4, 0.2), (0.5, 0.15), (0.3, 0.3), (0.6, 0.1)];

    private static (long Promoters, long Detractors) Answers(Random random, int n, (double Promoters, double Detractors) truth)
    {
        long promoters = 0, detractors = 0;
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            if (u < truth.Promoters)
            {
                promoters++;
            }
            else if (u < truth.Promoters + truth.Detractors)
            {
                detractors++;
            }
        }

        return (promoters, detractors);
    }

    [Fact]
    public void OneScore_TrueNps_CoveredIn95Percent()
    {
        var random = new Random(1601);
        var covered = 0;
        for (var pilot = 0; pilot < Pilots; pilot++)
        {
            var truth = Truths[pilot % Truths.Length];
            var n = random.Next(30, 201);
            var (promoters, detractors) = Answers(random, n, truth);
            var ci = NetPromoterScore.Of(promoters, detractors, n, Level)!.Value;
            var trueNps = 100 * (truth.Promoters - truth.Detractors);
            covered += ci.Low <= trueNps && trueNps <= ci.High ? 1 : 0;
        }

        output.WriteLine($"covered in {covered} of {Pilots}");
        Assert.InRange((double)covered / Pilots, 0.935, 0.965);
    }

    [Fact]
    public void Difference_TrueDifferenceOfNps_CoveredIn95Percent()
    {
        var random = new Random(1602);
        var covered = 0;
        for (var pilot = 0; pilot < Pilots; pilot++)
        {
            var baseline = Truths[pilot % Truths.Length];
            var treatment = Truths[(pilot / Truths.Length) % Truths.Length];
            var nb = random.Next(30, 201);
            var nt = random.Next(30, 201);
            var (bp, bd) = Answers(random, nb, baseline);
            var (tp, td) = Answers(random, nt, treatment);
            var ci = NetPromoterScore.Compare(bp, bd, nb, tp, td, nt, Level).Interval!.Value;
            var trueDifference = 100 * (treatment.Promoters - treatment.Detractors - (baseline.Promoters - baseline.Detractors));
            covered += ci.Low <= trueDifference && trueDifference <= ci.High ? 1 : 0;
        }

        output.WriteLine($"covered in {covered} of {Pilots}");
        Assert.InRange((double)covered / Pilots, 0.935, 0.965);
    }
}
