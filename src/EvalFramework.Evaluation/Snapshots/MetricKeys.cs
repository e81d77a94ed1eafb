namespace EvalFramework.Evaluation.Snapshots;

/// <summary>The metric keys of snapshot contract v1 (docs/snapshots.md, "Metrics").</summary>
public static class MetricKeys
{
    /// <summary>Completed cases.</summary>
    public const string CasesCompleted = "cases_completed";

    /// <summary>Completed cases per week of the period.</summary>
    public const string ThroughputPerWeek = "throughput_per_week";

    /// <summary>Median lead time (started → completed), seconds.</summary>
    public const string LeadTimeMedian = "lead_time_seconds_median";

    /// <summary>90th percentile of lead time, seconds.</summary>
    public const string LeadTimeP90 = "lead_time_seconds_p90";

    /// <summary>Mean lead time, seconds.</summary>
    public const string LeadTimeMean = "lead_time_seconds_mean";

    /// <summary>Mean staff effort per completed case, seconds.</summary>
    public const string EffortMean = "effort_seconds_mean";

    /// <summary>Mean AI processing time per completed case, seconds.</summary>
    public const string AiSecondsMean = "ai_seconds_mean";

    /// <summary>Share of reviewed cases with an error.</summary>
    public const string ErrorRate = "error_rate";

    /// <summary>Share of reviews (with consistency set) judged consistent.</summary>
    public const string ConsistencyRate = "consistency_rate";

    /// <summary>Share of closed cases with outcome <c>abandoned</c>.</summary>
    public const string AbandonmentRate = "abandonment_rate";

    /// <summary>Share of closed cases with outcome <c>rejected</c>.</summary>
    public const string RejectionRate = "rejection_rate";

    /// <summary>Share of closed cases escalated: a <c>case.escalated</c> event or outcome <c>escalated</c>.</summary>
    public const string EscalationRate = "escalation_rate";

    /// <summary>Share of completed cases with at least one integration failure.</summary>
    public const string IntegrationFailureRate = "integration_failure_rate";

    /// <summary>Mean CSAT (1–5) of responding cases.</summary>
    public const string CsatMean = "csat_mean";

    /// <summary>Share of responding cases with CSAT 4 or 5.</summary>
    public const string CsatSatisfiedShare = "csat_satisfied_share";

    /// <summary>Net promoter score, % promoters − % detractors (−100 to 100).</summary>
    public const string Nps = "nps";

    /// <summary>Share of completed cases with a citizen survey.</summary>
    public const string SurveyResponseRate = "survey_response_rate";

    /// <summary>Mean cost per closed case, SEK: the variable cost per case plus <see cref="OverheadPerCase"/>.</summary>
    public const string CostPerCase = "cost_per_case_sek";

    /// <summary>Overhead per closed case (fixed, maintenance and one-off costs of the period), SEK: a known quantity.</summary>
    public const string OverheadPerCase = "overhead_per_case_sek";

    /// <summary>Mean energy per completed case, Wh.</summary>
    public const string EnergyPerCase = "energy_wh_per_case";

    /// <summary>Mean emissions per completed case, g CO2e.</summary>
    public const string Co2ePerCase = "co2e_g_per_case";

    /// <summary>Staff well-being (1–5) of the arm: the mean of its person means (unit: person); null without a group of k persons.</summary>
    public const string StaffWellbeingMean = "staff_wellbeing_mean";

    /// <summary>Pilot level: maintenance hours in the period.</summary>
    public const string MaintenanceHours = "maintenance_hours";

    /// <summary>Pilot level: staff hours freed per month by a treatment arm.</summary>
    public const string StaffHoursFreedPerMonth = "staff_hours_freed_per_month";

    /// <summary>The per case type and arm keys, in the order a snapshot lists them.</summary>
    public static IReadOnlyList<string> PerArm { get; } =
    [
        CasesCompleted, ThroughputPerWeek, LeadTimeMedian, LeadTimeP90, LeadTimeMean, EffortMean, AiSecondsMean,
        ErrorRate, ConsistencyRate, AbandonmentRate, RejectionRate, EscalationRate, IntegrationFailureRate, CsatMean,
        CsatSatisfiedShare, Nps, SurveyResponseRate, CostPerCase, OverheadPerCase, EnergyPerCase, Co2ePerCase, StaffWellbeingMean,
    ];

    /// <summary>
    /// The metrics that describe an arm and are never compared: counts, throughput, the AI-only figure (its baseline is
    /// zero by construction: AI time is the intervention, not an outcome), the p90 (shown beside the median) and the
    /// overhead (a known quantity, part of cost per case).
    /// </summary>
    public static IReadOnlySet<string> Descriptive { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        CasesCompleted, ThroughputPerWeek, AiSecondsMean, LeadTimeP90, OverheadPerCase, MaintenanceHours, StaffHoursFreedPerMonth,
    };

    /// <summary>The metrics an analysis plan may name for a case type (or for all case types).</summary>
    public static IReadOnlyList<string> PlannablePerCaseType { get; } =
        [.. PerArm.Where(m => !Descriptive.Contains(m) && m != Co2ePerCase && m != StaffWellbeingMean)];

    /// <summary>The pilot-level metrics an analysis plan may name (without a case type).</summary>
    public static IReadOnlyList<string> PlannablePilotLevel { get; } = [StaffWellbeingMean];

    /// <summary>Whether the metric is descriptive (<see cref="Descriptive"/>): shown, never compared.</summary>
    /// <param name="metric">A metric key.</param>
    /// <returns>True for a descriptive metric.</returns>
    public static bool IsDescriptive(string metric) => Descriptive.Contains(metric);

    /// <summary>
    /// The metric whose test a metric shares: <c>co2e_g_per_case</c> is energy per case times the grid factor, so it is
    /// the same test as <c>energy_wh_per_case</c>; every other metric is its own.
    /// </summary>
    /// <param name="metric">A metric key.</param>
    /// <returns>The metric key that is tested.</returns>
    public static string TestedAs(string metric) => metric == Co2ePerCase ? EnergyPerCase : metric;

    /// <summary>
    /// Whether a relative change means something: not for <c>nps</c>, a difference of shares in points on a scale whose
    /// zero is not "nothing" (a baseline near zero or below it would make any ratio meaningless).
    /// </summary>
    /// <param name="metric">A metric key.</param>
    /// <returns>False for a metric reported in points only.</returns>
    public static bool HasRelativeChange(string metric) => metric != Nps;

    /// <summary>
    /// The unit of analysis of a metric's comparison: what one observation is. <c>case</c> for per-case figures,
    /// <c>review</c> for consistency (one per review), <c>answer</c> for NPS (one per survey answer), <c>person</c> for
    /// staff well-being (each person's answers averaged first).
    /// </summary>
    /// <param name="metric">A metric key.</param>
    /// <returns>The unit's name.</returns>
    public static string UnitOf(string metric) => metric switch
    {
        ConsistencyRate => "review",
        Nps => "answer",
        StaffWellbeingMean => "person",
        _ => "case",
    };

    /// <summary>Whether a larger value of the metric is better (false: smaller is better).</summary>
    /// <param name="metric">A metric key.</param>
    /// <returns>The metric's good direction.</returns>
    public static bool HigherIsBetter(string metric) => metric is CasesCompleted or ThroughputPerWeek or ConsistencyRate
        or CsatMean or CsatSatisfiedShare or Nps or SurveyResponseRate or StaffWellbeingMean or StaffHoursFreedPerMonth;
}
