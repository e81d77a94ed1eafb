namespace EvalFramework.Contract;

/// <summary>
/// The field table of wire contract v1: for each of <see cref="EventTypes"/>, the fields it carries, whether each is
/// required and which pilot vocabulary list (config key) closes it. Validation, the collector's vocabulary check and
/// its metrics read this table; adding a field to a type means a line here and a property on <see cref="WireEvent"/>.
/// </summary>
public static class EventShapes
{
    /// <summary>Every shape, in contract order.</summary>
    public static IReadOnlyList<EventShape> All { get; } =
    [
        new(EventTypes.CaseStarted,
            new(WireFields.CaseType, true, "caseTypes"), new(WireFields.Arm, true, "arms"), new(WireFields.Channel, false, "channels"),
            new(WireFields.Assignment, false)),
        new(EventTypes.CaseCompleted, new FieldUse(WireFields.Outcome, true)),
        new(EventTypes.AiUsage,
            new(WireFields.Model, true, "aiModels"), new(WireFields.InputTokens, true), new(WireFields.OutputTokens, true),
            new(WireFields.DurationMs, false), new(WireFields.CostSek, false)),
        new(EventTypes.HumanEffort, new(WireFields.Role, true, "staffRoles"), new(WireFields.Seconds, true)),
        new(EventTypes.CaseEscalated, new FieldUse(WireFields.Reason, false, "escalationReasons")),
        new(EventTypes.CaseError, new(WireFields.Source, true), new(WireFields.Severity, true)),
        new(EventTypes.QualityReview, new(WireFields.Correct, true), new(WireFields.Consistent, false), new(WireFields.Score, false)),
        new(EventTypes.IntegrationFailure,
            new(WireFields.System, true, "integrationSystems"), new(WireFields.Kind, true, "integrationFailureKinds")),
        new(EventTypes.SurveyCitizen, new(WireFields.Csat, true), new(WireFields.Nps, false)),
        new(EventTypes.SurveyStaff,
            new(WireFields.Team, true, "teams"), new(WireFields.Arm, true, "arms"), new(WireFields.Wellbeing, true),
            new(WireFields.Workload, true), new(WireFields.Stress, true), new(WireFields.Respondent, false)),
        new(EventTypes.PilotMaintenance,
            new(WireFields.Hours, true), new(WireFields.Kind, true, "maintenanceKinds"), new(WireFields.Arm, false, "arms")),
    ];

    private static readonly Dictionary<string, EventShape> ByType = All.ToDictionary(s => s.Type, StringComparer.Ordinal);

    /// <summary>The shape of a type, or <see langword="null"/> when it is not one of <see cref="EventTypes"/>.</summary>
    /// <param name="type">The event's type.</param>
    public static EventShape? Find(string type) => ByType.GetValueOrDefault(type);
}
