using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Evaluation.Snapshots.Calculation;
using EvalFramework.Evaluation.Statistics;
using Xunit.Abstractions;

namespace EvalFramework.Evaluation.Tests.Coverage;

/// <summary>
/// Daily looks over a 60-day pilot with no true effect: how many pilots ever show a false verdict when a manager reads the
/// snapshot every day. Each simulated pilot has 20 cases per arm and day and a primary family of three metrics (a normal
/// mean, a skewed lognormal mean, an error share of 20 %); its verdicts go through the product's own rule
/// (<see cref="PlannedComparisons"/>: Holm over the primary family) at every day. Sequential: days 1–59 are looks before
/// the planned end (always-valid, at alpha/5), day 60 the final fixed-horizon analysis (at 4·alpha/5). Naive: the
/// fixed-horizon verdicts at the plan's alpha every day. The research memo's simulation of the same design (Python,
/// 20,000 pilots) gives 4.1 % for the whole sequential pilot per metric and about 35 % for naive daily Welch + Holm.
/// </summary>
public sealed class DailyLookTests(ITestOutputHelper output)
{
    private const int Pilots = 2000;
    private const int Days = 60;
    private const int PerArmPerDay = 20;
    private const double Level = 0.95;
    private const double Alpha = 0.05;
    private const string CaseType = "building-permit-question";

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    private static readonly AnalysisPlan Plan = new(Alpha,
        [new PlannedMetric(CaseType, MetricKeys.LeadTimeMean), new PlannedMetric(CaseType, MetricKeys.EffortMean),
            new PlannedMetric(CaseType, MetricKeys.ErrorRate)],
        [], IsConfigured: true);

    private static readonly SequentialSettings Sequential = SequentialSettings.Of(
        new DesignConfig { PlannedEnd = Start.AddDays(Days), PlannedCases = 2 * PerArmPerDay * Days, IsConfigured = true }, Alpha)!;

    /// <summary>The running data of one arm: two means and a share.</summary>
    private sealed class Arm
    {
        public Moments Normal;
        public Moments Skewed;
        public long Errors;
        public long Cases;

        public void AddDay(Random random, double errorShare = 0.2)
        {
            for (var i = 0; i < PerArmPerDay; i++)
            {
                Normal.Add(10 + (3 * random.Normal()));
                Skewed.Add(Math.Exp(2 + random.Normal()));
                Errors += random.NextDouble() < errorShare ? 1 : 0;
                Cases++;
            }
        }
    }

    private static List<(string?, PendingComparison)> Comparisons(Arm b, Arm t) =>
    [
        (CaseType, PendingComparison.Welch(MetricKeys.LeadTimeMean, "manual", "ai_assisted", b.Normal, t.Normal, Level)),
        (CaseType, PendingComparison.Welch(MetricKeys.EffortMean, "manual", "ai_assisted", b.Skewed, t.Skewed, Level)),
        (CaseType, PendingComparison.Share(MetricKeys.ErrorRate, "manual", "ai_assisted", b.Errors, b.Cases, t.Errors, t.Cases, Level)),
    ];

    private static bool AnyFinding(List<(string? CaseType, ComparisonResult Result)> results) =>
        results.Any(r => r.Result.Verdict is Verdicts.Improved or Verdicts.Worsened);

    [Fact]
    public void SixtyDailyLooks_NoEffect_SequentialFalseFindingsWithinAlpha_NaiveFarAbove()
    {
        var random = new Random(1703);
        int sequential = 0, sequentialBeforeEnd = 0, naive = 0, finalOnly = 0;
        for (var pilot = 0; pilot < Pilots; pilot++)
        {
            var (b, t) = (new Arm(), new Arm());
            bool seqFound = false, seqEarly = false, naiveFound = false, finalFound = false;
            for (var day = 1; day <= Days; day++)
            {
                b.AddDay(random);
                t.AddDay(random);
                var to = Start.AddDays(day);
                var pending = Comparisons(b, t);
                var inference = Sequential.InferenceAt(to);
                var looked = PlannedComparisons.Finish(pending, Plan, [CaseType], ["ai_assisted"], 30, out _, Sequential, inference);
                var found = AnyFinding(looked);
                seqFound |= found;
                seqEarly |= found && inference == Inference.Sequential;
                finalFound |= found && inference == Inference.Fixed;
                naiveFound |= AnyFinding(PlannedComparisons.Finish(pending, Plan, [CaseType], ["ai_assisted"], 30, out _));
                if (day == Days)
                {
                    Assert.Equal(Inference.Fixed, inference);
                    Assert.All(looked, r => Assert.Equal(Inference.Fixed, r.Result.Inference));
                }
            }

            sequential += seqFound ? 1 : 0;
            sequentialBeforeEnd += seqEarly ? 1 : 0;
            finalOnly += finalFound ? 1 : 0;
            naive += naiveFound ? 1 : 0;
        }

        output.WriteLine($"{Pilots} pilots, {Days} daily looks, primary family of 3, no effect:");
        output.WriteLine($"  sequential snapshots (days 1-59 always-valid at {Sequential.Alpha}, day 60 final at {Sequential.FinalAlpha}): "
            + $"{sequential} pilots with a false improved/worsened ({100.0 * sequential / Pilots:F1} %)");
        output.WriteLine($"    of which before the planned end: {sequentialBeforeEnd}; at the final analysis: {finalOnly}");
        output.WriteLine($"  naive fixed-horizon verdicts every day: {naive} ({100.0 * naive / Pilots:F1} %)");

        Assert.InRange((double)sequential / Pilots, 0, 0.05);
        Assert.InRange((double)naive / Pilots, 0.2, 1);
    }

    /// <summary>
    /// A guardrail exactly at its margin: the error share is 20 % by hand and 22 % with the AI, the margin 2 points, so
    /// "not worse (within the margin)" is false. The memo's simulation (20,000 pilots, 60 looks) gives 1.0–1.3 % false
    /// non-inferiority claims for the one-sided sequence and 27–28 % for the daily fixed one-sided test.
    /// </summary>
    [Fact]
    public void SixtyDailyLooks_GuardrailAtItsMargin_SequentialFalseNonInferiorityWithinAlpha_NaiveFarAbove()
    {
        var plan = new AnalysisPlan(Alpha, [], [new PlannedMetric(CaseType, MetricKeys.ErrorRate, 0.02)], IsConfigured: true);
        var random = new Random(1704);
        int sequential = 0, naive = 0;
        for (var pilot = 0; pilot < Pilots; pilot++)
        {
            var (b, t) = (new Arm(), new Arm());
            bool seqFound = false, naiveFound = false;
            for (var day = 1; day <= Days; day++)
            {
                b.AddDay(random);
                t.AddDay(random, errorShare: 0.22);
                List<(string?, PendingComparison)> pending =
                    [(CaseType, PendingComparison.Share(MetricKeys.ErrorRate, "manual", "ai_assisted", b.Errors, b.Cases, t.Errors, t.Cases, Level))];
                var inference = Sequential.InferenceAt(Start.AddDays(day));
                seqFound |= PlannedComparisons.Finish(pending, plan, [CaseType], ["ai_assisted"], 30, out _, Sequential, inference)
                    .Any(r => r.Result.Verdict == Verdicts.NonInferior);
                naiveFound |= PlannedComparisons.Finish(pending, plan, [CaseType], ["ai_assisted"], 30, out _)
                    .Any(r => r.Result.Verdict == Verdicts.NonInferior);
            }

            sequential += seqFound ? 1 : 0;
            naive += naiveFound ? 1 : 0;
        }

        output.WriteLine($"{Pilots} pilots, {Days} daily looks, guardrail at its margin (false non-inferiority):");
        output.WriteLine($"  sequential snapshots: {sequential} ({100.0 * sequential / Pilots:F1} %)");
        output.WriteLine($"  naive fixed-horizon one-sided test every day: {naive} ({100.0 * naive / Pilots:F1} %)");

        Assert.InRange((double)sequential / Pilots, 0, 0.05);
        Assert.InRange((double)naive / Pilots, 0.15, 1);
    }
}
