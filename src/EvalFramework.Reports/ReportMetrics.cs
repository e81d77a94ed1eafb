using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>What the report knows about each metric key of the snapshot: its unit and whether more is better.</summary>
internal static class ReportMetrics
{
    /// <summary>The per-case metric derived on the page (no interval): 3600 ÷ staff seconds per case.</summary>
    public const string CasesPerStaffHour = "cases_per_staff_hour";

    public static MetricUnit Unit(string metric) => metric switch
    {
        MetricKeys.CasesCompleted => MetricUnit.Count,
        MetricKeys.ThroughputPerWeek or CasesPerStaffHour => MetricUnit.PerWeek,
        MetricKeys.LeadTimeMedian or MetricKeys.LeadTimeP90 or MetricKeys.LeadTimeMean or MetricKeys.EffortMean
            or MetricKeys.AiSecondsMean => MetricUnit.Seconds,
        MetricKeys.ErrorRate or MetricKeys.ConsistencyRate or MetricKeys.EscalationRate or MetricKeys.IntegrationFailureRate
            or MetricKeys.AbandonmentRate or MetricKeys.RejectionRate
            or MetricKeys.CsatSatisfiedShare or MetricKeys.SurveyResponseRate => MetricUnit.Share,
        MetricKeys.CsatMean or MetricKeys.StaffWellbeingMean => MetricUnit.Score,
        MetricKeys.Nps => MetricUnit.Nps,
        MetricKeys.CostPerCase or MetricKeys.OverheadPerCase => MetricUnit.Sek,
        MetricKeys.EnergyPerCase => MetricUnit.Wh,
        MetricKeys.Co2ePerCase => MetricUnit.GramsCo2e,
        _ => MetricUnit.Hours,
    };

    /// <summary>Whether a difference is said relative to the baseline ("21 % faster") rather than in the metric's own unit.</summary>
    public static bool RelativeDifference(string metric) =>
        Unit(metric) is MetricUnit.Seconds or MetricUnit.Sek or MetricUnit.Wh or MetricUnit.GramsCo2e;

    public static bool HigherIsBetter(string metric) => MetricKeys.HigherIsBetter(metric);
}
