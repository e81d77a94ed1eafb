using System.Globalization;

namespace EvalFramework.Reports;

/// <summary>
/// The report's words in one language (<see cref="English"/>, <see cref="Swedish"/>) and the culture its numbers
/// and dates are written in. Templates use numbered placeholders, filled with <see cref="Format"/>.
/// </summary>
internal sealed partial class ReportText
{
    /// <summary>The language code: <c>sv</c> or <c>en</c> (also the page's <c>lang</c>).</summary>
    public required string Code { get; init; }

    /// <summary>The culture for numbers and dates, with the report's typographic conventions applied.</summary>
    public required CultureInfo Culture { get; init; }

    public required string LanguageName { get; init; }
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string Pilot { get; init; }
    public required string Period { get; init; }
    public required string SnapshotMade { get; init; }
    public required string Snapshot { get; init; }
    public required string Cases { get; init; }
    public required string CasesSummary { get; init; }
    public required string CompletedPerArm { get; init; }
    public required string CaseType { get; init; }
    public required string Arm { get; init; }
    public required string Total { get; init; }
    public required string Contents { get; init; }

    public required string DataQualityTitle { get; init; }
    public required string NoProblems { get; init; }
    public required string NotCompleted { get; init; }
    public required string WithoutStart { get; init; }
    public required string SampleRatioMismatch { get; init; }
    public required string BelowMinimum { get; init; }
    public required string Suppressed { get; init; }
    public required string NoConfig { get; init; }
    public required string TechnicalNotes { get; init; }

    public required string ForestTitle { get; init; }
    public required string ForestIntro { get; init; }
    public required string ForestAxis { get; init; }
    public required string Better { get; init; }
    public required string Worse { get; init; }
    public required string NoRelativeScale { get; init; }
    public required string Comparison { get; init; }
    public required string TableOf { get; init; }

    public required string Measure { get; init; }
    public required string Difference { get; init; }
    public required string Verdict { get; init; }
    public required string Interval { get; init; }
    public required string IntervalFromTo { get; init; }
    public required string RangeTo { get; init; }
    public required string NoChange { get; init; }
    public required string NotClear { get; init; }
    public required string NotClearAdjusted { get; init; }
    public required string DetectableChange { get; init; }
    public required string TooFewCases { get; init; }

    public required string TooFewPersons { get; init; }
    public required string NonInferior { get; init; }
    public required string Inferior { get; init; }
    public required string Inconclusive { get; init; }
    public required string PercentagePoints { get; init; }
    public required string Points { get; init; }
    public required string NoComparisons { get; init; }

    public required IReadOnlyDictionary<string, string> VerdictLabels { get; init; }
    public required IReadOnlyDictionary<string, string> VerdictExplanations { get; init; }
    public required IReadOnlyDictionary<string, MetricWords> Metrics { get; init; }
    public required IReadOnlyDictionary<string, string> ArmNames { get; init; }
    public required IReadOnlyDictionary<string, string> CaseTypeNames { get; init; }

    /// <summary>Section titles and introductions by section id.</summary>
    public required IReadOnlyDictionary<string, (string Title, string Intro)> Sections { get; init; }

    public required string WeeklyTitle { get; init; }
    public required string WeekStarting { get; init; }
    public required string Days { get; init; }
    public required string CompletedAfter { get; init; }
    public required string CostChartTitle { get; init; }
    public required string Co2eChartTitle { get; init; }
    public required string EnergyTableTitle { get; init; }
    public required string MaintenanceChartTitle { get; init; }
    public required string NotInSnapshot { get; init; }
    public required string NoFigures { get; init; }
    public required string PartStaff { get; init; }
    public required string PartAi { get; init; }
    public required string PartFixed { get; init; }
    public required string PartMaintenance { get; init; }
    public required string PartWorkstation { get; init; }
    public required string PartAiInference { get; init; }
    public required string Part { get; init; }

    public required string WellbeingSuppressed { get; init; }
    public required string Answers { get; init; }
    public required string NoStaffSurvey { get; init; }
    public required string CasesPerStaffHour { get; init; }
    public required string MaintenanceInPeriod { get; init; }
    public required string PerMonth { get; init; }
    public required string AllArms { get; init; }
    public required string HoursFreed { get; init; }
    public required string HoursTaken { get; init; }
    public required string NetOfMaintenance { get; init; }
    public required string HoursFreedUnknown { get; init; }

    public required string DataTitle { get; init; }
    public required string DataIntro { get; init; }
    public required string JsonLink { get; init; }
    public required string CsvLink { get; init; }
    public required string DataHash { get; init; }
    public required string ConfigHash { get; init; }
    public required string MethodologyVersion { get; init; }
    public required string Settings { get; init; }
    public required string Verify { get; init; }
    public required string ApiPaths { get; init; }
    public required string None { get; init; }
    public required string HowToRead { get; init; }
    public required string DaysUnit { get; init; }
    public required string SekUnit { get; init; }
    public required string Footer { get; init; }

    /// <summary>The words for the analysis plan and the comparisons' roles.</summary>
    public required PlanText Plan { get; init; }

    /// <summary>The words for how the verdicts were reached (safe to check every day, or final).</summary>
    public required InferenceText Inference { get; init; }

    /// <summary>The words for the design (how cases reached their arm).</summary>
    public required DesignText Design { get; init; }

    /// <summary>The language of a <c>lang</c> value (<c>sv</c>, <c>en</c>), or null.</summary>
    public static ReportText? ForCode(string? code) => code switch
    {
        "sv" => Swedish,
        "en" => English,
        _ => null,
    };

    /// <summary>A template filled in this language's culture.</summary>
    public string Format(string template, params object?[] args) => string.Format(Culture, template, args);

    /// <summary>The arm as people say it ("AI-assisted handling"), or its slug.</summary>
    public string ArmName(string arm) => ArmNames.GetValueOrDefault(arm, arm);

    /// <summary>The arm's name with a capital first letter, to start a sentence.</summary>
    public string ArmNameCapitalised(string arm)
    {
        var name = ArmName(arm);
        return name.Length == 0 ? name : char.ToUpper(name[0], Culture) + name[1..];
    }

    /// <summary>The case type as people say it, or its slug.</summary>
    public string CaseTypeName(string caseType) => CaseTypeNames.GetValueOrDefault(caseType, caseType);

    /// <summary>The metric's words; an unknown key is named by itself.</summary>
    public MetricWords Metric(string metric) => Metrics.GetValueOrDefault(metric) ?? new MetricWords(metric);

    /// <summary>The culture of a language with the report's conventions: the real minus sign and a narrow no-break space between thousands.</summary>
    private static CultureInfo CultureFor(string name, string groupSeparator)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        var numbers = culture.NumberFormat;
        numbers.NegativeSign = "\u2212";
        numbers.NumberGroupSeparator = groupSeparator;
        numbers.NumberNegativePattern = 1;
        return CultureInfo.ReadOnly(culture);
    }
}
