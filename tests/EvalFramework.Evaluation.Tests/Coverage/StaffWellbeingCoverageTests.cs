using EvalFramework.Evaluation.Privacy;
using EvalFramework.Evaluation.Statistics;
using Xunit.Abstractions;

namespace EvalFramework.Evaluation.Tests.Coverage;

/// <summary>
/// Coverage of the staff well-being interval per arm (Student t on person means, <see cref="StaffSurveySelection"/>)
/// over 2,000 seeded simulated pilots: 22 persons in one team answer a weekly survey for 10 weeks, each week with
/// probability 0.7 (about 7 answers each). Each person has a level of their own (a value drawn once from the arm's
/// distribution); each answer is that level with probability ½, else a fresh draw from the same distribution, so every
/// answer has the arm's distribution (true mean 3.68) and one person's answers are correlated (intraclass correlation
/// ¼: two answers share the level only when both take it). The 95 % interval must cover the true mean in 95 ± 1.5 % of
/// pilots (the binomial standard error at 2,000 pilots is 0.49 points). The same data analysed per answer, as if the
/// answers were independent, covers far less often: the person is the unit.
/// </summary>
public sealed class StaffWellbeingCoverageTests(ITestOutputHelper output)
{
    private const int Pilots = 2000;
    private const int Persons = 22;
    private const int Weeks = 10;
    private const double Level = 0.95;

    /// <summary>Well-being 1–5 with these probabilities: mean 1·0.03 + 2·0.10 + 3·0.25 + 4·0.40 + 5·0.22 = 3.68.</summary>
    private static readonly double[] Probabilities = [0.03, 0.10, 0.25, 0.40, 0.22];
    private const double TrueMean = 3.68;

    // Monday 6 January 2025, 00:00 UTC.
    private static readonly long FirstMondayMs = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static int Draw(Random random)
    {
        var u = random.NextDouble();
        for (var i = 0; i < Probabilities.Length - 1; i++)
        {
            if ((u -= Probabilities[i]) < 0)
            {
                return i + 1;
            }
        }

        return Probabilities.Length;
    }

    [Fact]
    public void PersonMeanInterval_TrueArmMeanWithAPersonEffect_CoveredIn95Percent()
    {
        var random = new Random(1603);
        var teams = new HashSet<string>(StringComparer.Ordinal) { "permits" };
        var arms = new HashSet<string>(StringComparer.Ordinal) { "manual" };
        var toMs = FirstMondayMs + (Weeks * StaffWeeks.WeekMs);
        int covered = 0, coveredPerAnswer = 0;
        for (var pilot = 0; pilot < Pilots; pilot++)
        {
            var answers = new List<StaffAnswer>();
            var perAnswer = default(Moments);
            for (var person = 0; person < Persons; person++)
            {
                var level = Draw(random);
                var respondent = person.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);
                for (var week = 0; week < Weeks; week++)
                {
                    if (random.NextDouble() >= 0.7)
                    {
                        continue;
                    }

                    var wellbeing = random.NextDouble() < 0.5 ? level : Draw(random);
                    var at = FirstMondayMs + (week * StaffWeeks.WeekMs) + (4 * StaffWeeks.DayMs);
                    answers.Add(new StaffAnswer(at, at, "permits", "manual", respondent, wellbeing));
                    perAnswer.Add(wellbeing);
                }
            }

            var selection = StaffSurveySelection.Select(answers, FirstMondayMs, toMs, toMs + (3 * StaffWeeks.DayMs), [], teams, arms, 5);
            var ci = MeanInterval.Of(selection.ByArm["manual"].ToMoments(), Level)!.Value;
            covered += ci.Low <= TrueMean && TrueMean <= ci.High ? 1 : 0;
            var naive = MeanInterval.Of(perAnswer, Level)!.Value;
            coveredPerAnswer += naive.Low <= TrueMean && TrueMean <= naive.High ? 1 : 0;
        }

        output.WriteLine($"per person: covered in {covered} of {Pilots}; per answer: {coveredPerAnswer} of {Pilots}");
        Assert.InRange((double)covered / Pilots, 0.935, 0.965);
        Assert.True((double)coveredPerAnswer / Pilots < 0.90, $"per answer: {coveredPerAnswer} of {Pilots}");
    }
}
