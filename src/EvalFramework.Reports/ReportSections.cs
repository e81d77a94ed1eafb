using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>
/// The report's sections: the nine questions and the three effect goals every pilot answers (docs/reports.md), each with the snapshot's metric
/// keys that answer it (the section id is also the HTML id).
/// </summary>
internal static class ReportSections
{
    public const string Plan = "plan";
    public const string DataQuality = "data-quality";
    public const string Comparisons = "comparisons";
    public const string Time = "q1-time";
    public const string Environment = "q2-environment";
    public const string Wellbeing = "q3-wellbeing";
    public const string Cost = "q4-cost";
    public const string Errors = "q5-errors";
    public const string Satisfaction = "q6-satisfaction";
    public const string Throughput = "q7-throughput";
    public const string Integration = "q8-integration";
    public const string Sustainability = "q9-sustainability";
    public const string Consistency = "goal-consistency";
    public const string HoursFreed = "goal-hours-freed";
    public const string LowerCost = "goal-lower-cost";
    public const string Data = "data";

    /// <summary>The question and goal sections in page order.</summary>
    public static IReadOnlyList<string> QuestionsAndGoals { get; } =
        [Time, Environment, Wellbeing, Cost, Errors, Satisfaction, Throughput, Integration, Sustainability, Consistency, HoursFreed, LowerCost];

    /// <summary>The per case type and arm metrics a section tables (with their comparisons, where the snapshot has them).</summary>
    public static IReadOnlyList<string> MetricsOf(string section) => section switch
    {
        Time => [MetricKeys.LeadTimeMedian, MetricKeys.LeadTimeMean, MetricKeys.LeadTimeP90, MetricKeys.EffortMean, MetricKeys.AiSecondsMean],
        Environment => [MetricKeys.EnergyPerCase, MetricKeys.Co2ePerCase],
        Cost => [MetricKeys.CostPerCase, MetricKeys.OverheadPerCase],
        LowerCost => [MetricKeys.CostPerCase],
        Errors => [MetricKeys.ErrorRate, MetricKeys.AbandonmentRate, MetricKeys.RejectionRate],
        Satisfaction => [MetricKeys.CsatMean, MetricKeys.CsatSatisfiedShare, MetricKeys.Nps, MetricKeys.SurveyResponseRate],
        Throughput => [MetricKeys.CasesCompleted, MetricKeys.ThroughputPerWeek, ReportMetrics.CasesPerStaffHour],
        Integration => [MetricKeys.EscalationRate, MetricKeys.IntegrationFailureRate],
        Consistency => [MetricKeys.ConsistencyRate],
        _ => [],
    };
}
