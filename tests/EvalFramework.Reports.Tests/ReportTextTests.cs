using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports.Tests;

/// <summary>Numbers, dates and verdict sentences in Swedish and English.</summary>
public sealed class ReportTextTests
{
    private static readonly ReportFormat Sv = new(ReportText.Swedish);
    private static readonly ReportFormat En = new(ReportText.English);

    private static ComparisonResult Comparison(string metric, double difference, double low, double high, string verdict, double? margin = null) =>
        new(metric, "manual", "ai_assisted", "", 120, 110, difference, low, high, null, null, null, verdict, margin, 40, 0.04);

    private static string Spaces(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [Fact]
    public void Number_Swedish_DecimalCommaThinSpaceAndMinusSign()
    {
        Assert.Equal("1\u202F234,5", Sv.Number(1234.5, 1));
        Assert.Equal("\u22123,2", Sv.Number(-3.24, 1));
        Assert.Equal("0,0", Sv.Number(-0.001, 1));
        Assert.Equal("+12", Sv.Signed(12.2, 0));
        Assert.Equal("21\u00A0%", Sv.Percent(0.2134));
        Assert.Equal("4,7\u00A0%", Sv.Value(MetricUnit.Share, 0.047));
        Assert.Equal("12,5\u00A0min", Sv.Value(MetricUnit.Seconds, 750));
        Assert.Equal("32\u00A0kr", Sv.Value(MetricUnit.Sek, 31.644));
        Assert.Equal("7,25\u00A0kr", Sv.Value(MetricUnit.Sek, 7.254));
    }

    [Fact]
    public void Number_English_DecimalPointAndCommaGrouping()
    {
        Assert.Equal("1,234.5", En.Number(1234.5, 1));
        Assert.Equal("\u22123.2", En.Number(-3.24, 1));
        Assert.Equal("12.5\u00A0min", En.Value(MetricUnit.Seconds, 750));
        Assert.Equal("2.3\u00A0days", En.Value(MetricUnit.Seconds, 2.3 * 86_400));
        Assert.Equal("7.25\u00A0SEK", En.Value(MetricUnit.Sek, 7.254));
        Assert.Equal("0.071\u00A0Wh", En.Value(MetricUnit.Wh, 0.0712));
        Assert.Equal("0\u00A0Wh", En.Value(MetricUnit.Wh, 0));
        Assert.Equal("\u22121.2\u00A0percentage points (\u22122.0 to \u22120.4)", En.Difference(MetricUnit.Share, -0.012, -0.02, -0.004));
    }

    [Fact]
    public void Period_MidnightToMidnight_FirstAndLastDayInTheLanguage()
    {
        var from = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("3 mars 2025 – 13 april 2025", Sv.Period(from, from.AddDays(42)));
        Assert.Equal("3 March 2025 – 13 April 2025", En.Period(from, from.AddDays(42)));
        Assert.Equal("3 March 2025 09:30 UTC – 4 March 2025 00:00 UTC", En.Period(from.AddHours(9.5), from.AddDays(1)));
    }

    [Fact]
    public void Sentence_LeadTimeImproved_FasterByTheShareWithItsInterval()
    {
        var c = Comparison(MetricKeys.LeadTimeMedian, -210, -270, -150, Verdicts.Improved);

        Assert.Equal("AI-assisted handling was 21 % faster (95 % interval 15–27 %).", Spaces(new VerdictPhrases(En, 0.95, 30, primaryCount: 0).Sentence(c, 1000)));
        Assert.Equal("AI-stödd handläggning var 21 % snabbare (95 % konfidensintervall 15–27 %).", Spaces(new VerdictPhrases(Sv, 0.95, 30, primaryCount: 0).Sentence(c, 1000)));
    }

    [Fact]
    public void Sentence_NoVerdict_SaysWhy()
    {
        var rate = Comparison(MetricKeys.RejectionRate, 0.001, -0.002, 0.004, Verdicts.InsufficientData) with { BaselineN = 882, TreatmentN = 828 };
        var phrases = new VerdictPhrases(En, 0.95, 30, primaryCount: 0);

        // A daily look before a share's burn-in: enough cases, too few events; after the planned end the same counts are enough.
        Assert.Equal("Too early to tell during daily looks (manual handling 882, AI-assisted handling 828): a share needs at least 5 cases with and 5 without the outcome in each arm.",
            Spaces(phrases.Sentence(rate with { Inference = Inference.Sequential }, 0.01)));
        Assert.Equal("Too few cases to tell (manual handling 12, AI-assisted handling 8; at least 30 per arm are needed).",
            Spaces(phrases.Sentence(rate with { BaselineN = 12, TreatmentN = 8 }, 0.01)));
    }

    [Fact]
    public void Sentence_NoSignificantDifference_IntervalFromOneSideToTheOtherAndWhatCouldBeSeen()
    {
        var c = Comparison(MetricKeys.LeadTimeMean, -30, -80, 20, Verdicts.NoSignificantDifference);

        var sentence = Spaces(new VerdictPhrases(En, 0.95, 30, primaryCount: 0).Sentence(c, 1000));

        Assert.Equal("AI-assisted handling was 3.0 % faster (95 % interval from 8.0 % faster to 2.0 % slower). "
            + "Not a clear difference: the interval includes no change. With this many cases only a change of about 4.0 % could be detected.", sentence);
    }

    [Fact]
    public void Sentence_ErrorRateNonInferior_MarginAndPercentagePoints()
    {
        var c = Comparison(MetricKeys.ErrorRate, 0.004, -0.01, 0.015, Verdicts.NonInferior, margin: 0.02);

        var sentence = Spaces(new VerdictPhrases(En, 0.95, 30, primaryCount: 0).Sentence(c, 0.05));

        Assert.Equal("Within the agreed margin of 2.0 percentage points: not worse than manual handling. AI-assisted handling had an error rate "
            + "0.4 percentage points higher (95 % interval from 1.0 percentage points lower to 1.5 percentage points higher).", sentence);
    }

    [Fact]
    public void Sentence_InsufficientData_TooFewCasesWithTheCountsAndNoEffect()
    {
        var c = Comparison(MetricKeys.EffortMean, -100, -150, -50, Verdicts.InsufficientData) with { BaselineN = 12, TreatmentN = 8 };

        Assert.Equal("Too few cases to tell (manual handling 12, AI-assisted handling 8; at least 30 per arm are needed).",
            new VerdictPhrases(En, 0.95, 30, primaryCount: 0).Sentence(c, 600));
        Assert.Equal("För få ärenden för att avgöra (manuell handläggning 12, AI-stödd handläggning 8; minst 30 per grupp behövs).",
            new VerdictPhrases(Sv, 0.95, 30, primaryCount: 0).Sentence(c, 600));
    }
}
