namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// How one case type behaves in the <b>baseline</b> arm of a simulated pilot: volume and when cases arrive, how long
/// they take, who works on them, how the AI is used in the AI arms, and the rates of reviews, errors, escalations,
/// integration failures and surveys. The other arms differ from it only by the true effects
/// (<see cref="SimulationEffects"/>) and by using the AI. The defaults are a mid-sized case type; the three case types
/// of a municipal pilot have their own in <see cref="CaseTypeProfiles"/>. Times of day are Swedish local time.
/// </summary>
/// <remarks>
/// Lead time and effort are log-normal: <c>median · exp(σ·Z)</c>, so their mean is <c>median · exp(σ²/2)</c>. Both are
/// drawn per case independently of each other and of the calendar (a case may complete at night). The error rate
/// is the chance that the answer is wrong; a reviewed wrong answer gets a failed review and a <c>case.error</c>, a
/// reviewed right answer neither, so the snapshot's <c>error_rate</c> estimates exactly this chance.
/// </remarks>
public sealed record CaseTypeProfile
{
    /// <summary>The case type slug, as in the pilot's <c>caseTypes</c>.</summary>
    public required string CaseType { get; init; }

    /// <summary>Cases a year over all arms (default 2,000); the seasonal curve moves them within the year.</summary>
    public double CasesPerYear { get; init; } = 2000;

    /// <summary>Local hour when cases start arriving on a working day (default 8).</summary>
    public double OpenFromHour { get; init; } = 8;

    /// <summary>Local hour when arrivals stop (default 17).</summary>
    public double OpenToHour { get; init; } = 17;

    /// <summary>How much fewer cases arrive over lunch, 12–13, as a share (default 0: no dip; 0.5 halves the rate).</summary>
    public double LunchDip { get; init; }

    /// <summary>Arrival rate on Saturdays and Sundays (in the same hours) relative to a weekday (default 0: weekdays only).</summary>
    public double WeekendWeight { get; init; }

    /// <summary>Height of the spring peak, a bell around 5 May (sd 25 days): 0.8 means 80 % more cases at the top (default 0).</summary>
    public double SpringPeak { get; init; }

    /// <summary>Depth of the summer dip, a bell around 19 July (sd 15 days): 0.4 means 40 % fewer cases at the bottom (default 0.3).</summary>
    public double SummerDip { get; init; } = 0.3;

    /// <summary>How citizens come, with weights (default e-service 0.6, phone 0.3, email 0.1).</summary>
    public IReadOnlyList<WeightedChoice> Channels { get; init; } = [new("e-service", 0.6), new("phone", 0.3), new("email", 0.1)];

    /// <summary>Median lead time, opened → completed, seconds (default one day).</summary>
    public double LeadTimeMedianSeconds { get; init; } = 86_400;

    /// <summary>σ of the log of the lead time (default 0.9).</summary>
    public double LeadTimeSigma { get; init; } = 0.9;

    /// <summary>Median total staff effort per case, seconds (default 20 minutes).</summary>
    public double EffortMedianSeconds { get; init; } = 1_200;

    /// <summary>σ of the log of the effort (default 0.6).</summary>
    public double EffortSigma { get; init; } = 0.6;

    /// <summary>The role that does the work (default <c>handlaggare</c>); a role missing from the pilot's <c>staffRoles</c> is replaced by its first role.</summary>
    public string PrimaryRole { get; init; } = "handlaggare";

    /// <summary>A second role consulted on some cases (default none); left out when the pilot has no such role.</summary>
    public string? SecondaryRole { get; init; }

    /// <summary>Share of cases where the second role works too (default 0).</summary>
    public double SecondaryRoleShare { get; init; }

    /// <summary>Share of such a case's effort that the second role does (default 0.3).</summary>
    public double SecondaryEffortShare { get; init; } = 0.3;

    /// <summary>The model the AI arms call (default <c>mistral-small-3.1</c>); a model missing from the pilot's <c>aiModels</c> is replaced by its first model.</summary>
    public string AiModel { get; init; } = "mistral-small-3.1";

    /// <summary>Mean AI calls per case in an AI arm, ≥ 1 (default 2): one call plus a Poisson number more.</summary>
    public double AiCallsMean { get; init; } = 2;

    /// <summary>Median input tokens per call (default 2,000; σ of the log 0.4).</summary>
    public double InputTokensMedian { get; init; } = 2_000;

    /// <summary>Median output tokens per call (default 400; σ of the log 0.5).</summary>
    public double OutputTokensMedian { get; init; } = 400;

    /// <summary>Generation time per output token, milliseconds (default 15).</summary>
    public double MsPerOutputToken { get; init; } = 15;

    /// <summary>Fixed time per call, milliseconds (default 500).</summary>
    public double AiCallOverheadMs { get; init; } = 500;

    /// <summary>Share of completed cases drawn into the quality-review sample (default 0.2); reviewed 1–10 days after completion.</summary>
    public double ReviewShare { get; init; } = 0.2;

    /// <summary>Chance that the answer is wrong (default 0.05).</summary>
    public double ErrorRate { get; init; } = 0.05;

    /// <summary>Chance that a review finds the answer consistent with guidelines and earlier answers (default 0.8).</summary>
    public double ConsistencyRate { get; init; } = 0.8;

    /// <summary>Share of wrong answers that come back as a reopened case (default 0.25), 1–14 days after completion.</summary>
    public double ReopenShare { get; init; } = 0.25;

    /// <summary>Share of wrong answers that bring a complaint (default 0.1), 3–30 days after completion.</summary>
    public double ComplaintShare { get; init; } = 0.1;

    /// <summary>Chance that the AI hands the case to a person (default 0: no AI in the baseline; an arm's effect raises it).</summary>
    public double EscalationRate { get; init; }

    /// <summary>Chance that a call to another system fails while handling the case (default 0.02).</summary>
    public double IntegrationFailureRate { get; init; } = 0.02;

    /// <summary>The other systems the case type calls (default <c>case-register</c>).</summary>
    public IReadOnlyList<string> IntegrationSystems { get; init; } = ["case-register"];

    /// <summary>Share of cases completed as <c>abandoned</c> rather than <c>resolved</c> (default 0.02).</summary>
    public double AbandonedShare { get; init; } = 0.02;

    /// <summary>Share of cases completed as <c>rejected</c>, the request refused (default 0.01).</summary>
    public double RejectedShare { get; init; } = 0.01;

    /// <summary>Share of completed cases whose citizen answers the survey (default 0.2), a few hours to five days later.</summary>
    public double SurveyResponseRate { get; init; } = 0.2;

    /// <summary>Weights of CSAT 1, 2, 3, 4 and 5 (default 0.04, 0.06, 0.14, 0.40, 0.36: mean 3.98).</summary>
    public IReadOnlyList<double> CsatWeights { get; init; } = [0.04, 0.06, 0.14, 0.40, 0.36];

    /// <summary>Share of survey answers that also answer the NPS question (default 0.6).</summary>
    public double NpsAnswerShare { get; init; } = 0.6;

    /// <summary>Weights of NPS answers 0 to 10 (default: 30 % detractors, 35 % promoters, NPS +5).</summary>
    public IReadOnlyList<double> NpsWeights { get; init; } = [0.03, 0.02, 0.02, 0.03, 0.04, 0.08, 0.08, 0.15, 0.20, 0.17, 0.18];

    /// <summary>The team slug of the staff who handle the case type (default <c>team</c>).</summary>
    public string Team { get; init; } = "team";

    /// <summary>Staff in the team per arm (default 6); 0 sends no staff surveys.</summary>
    public int TeamSizePerArm { get; init; } = 6;

    /// <summary>Share of the team answering the weekly staff survey, on Friday afternoon (default 0.7).</summary>
    public double StaffSurveyResponseRate { get; init; } = 0.7;

    /// <summary>Weights of well-being 1–5 in the staff survey (default 0.03, 0.10, 0.30, 0.40, 0.17: mean 3.58).</summary>
    public IReadOnlyList<double> WellbeingWeights { get; init; } = [0.03, 0.10, 0.30, 0.40, 0.17];

    /// <summary>Weights of workload 1–5 (default 0.05, 0.15, 0.35, 0.30, 0.15).</summary>
    public IReadOnlyList<double> WorkloadWeights { get; init; } = [0.05, 0.15, 0.35, 0.30, 0.15];

    /// <summary>Weights of stress 1–5 (default 0.10, 0.25, 0.35, 0.20, 0.10).</summary>
    public IReadOnlyList<double> StressWeights { get; init; } = [0.10, 0.25, 0.35, 0.20, 0.10];

    /// <summary>The mean lead time the profile implies, seconds.</summary>
    public double LeadTimeMeanSeconds => LeadTimeMedianSeconds * Math.Exp(LeadTimeSigma * LeadTimeSigma / 2);

    /// <summary>The mean effort the profile implies, seconds.</summary>
    public double EffortMeanSeconds => EffortMedianSeconds * Math.Exp(EffortSigma * EffortSigma / 2);
}
