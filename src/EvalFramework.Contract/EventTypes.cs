namespace EvalFramework.Contract;

/// <summary>The event types of wire contract v1.</summary>
public static class EventTypes
{
    /// <summary>A case was opened: <c>caseType</c>, <c>arm</c>, optional <c>channel</c>.</summary>
    public const string CaseStarted = "case.started";

    /// <summary>A case was closed: <c>outcome</c>.</summary>
    public const string CaseCompleted = "case.completed";

    /// <summary>An AI call on the case: <c>model</c>, <c>inputTokens</c>, <c>outputTokens</c>, optional <c>durationMs</c> and <c>costSek</c>.</summary>
    public const string AiUsage = "ai.usage";

    /// <summary>Staff time on the case: <c>role</c>, <c>seconds</c>.</summary>
    public const string HumanEffort = "human.effort";

    /// <summary>The AI handed the case to a person: optional <c>reason</c>.</summary>
    public const string CaseEscalated = "case.escalated";

    /// <summary>An error found on the case: <c>source</c>, <c>severity</c>.</summary>
    public const string CaseError = "case.error";

    /// <summary>A quality review of the case: <c>correct</c>, optional <c>consistent</c> and <c>score</c>.</summary>
    public const string QualityReview = "quality.review";

    /// <summary>A failed call to another system: <c>system</c>, <c>kind</c>.</summary>
    public const string IntegrationFailure = "integration.failure";

    /// <summary>A citizen's survey answer for the case: <c>csat</c>, optional <c>nps</c>.</summary>
    public const string SurveyCitizen = "survey.citizen";

    /// <summary>A staff survey answer (no case): <c>team</c>, <c>arm</c>, <c>wellbeing</c>, <c>workload</c>, <c>stress</c>.</summary>
    public const string SurveyStaff = "survey.staff";

    /// <summary>Maintenance of the pilot (no case): <c>hours</c>, <c>kind</c>, optional <c>arm</c>.</summary>
    public const string PilotMaintenance = "pilot.maintenance";

    /// <summary>Every type, in contract order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CaseStarted, CaseCompleted, AiUsage, HumanEffort, CaseEscalated, CaseError,
        QualityReview, IntegrationFailure, SurveyCitizen, SurveyStaff, PilotMaintenance,
    ];

    /// <summary>Whether events of this type belong to a case and so need a <c>caseId</c>.</summary>
    public static bool IsCaseEvent(string type) => type is not (SurveyStaff or PilotMaintenance);
}
