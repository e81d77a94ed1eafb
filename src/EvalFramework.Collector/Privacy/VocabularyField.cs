using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Collector.Privacy;

/// <summary>
/// One wire field whose value must come from the pilot's closed vocabulary: the field's name on the wire, the config
/// key that lists its values, how to read it from an event and which values the pilot allows. Each is declared once,
/// in <see cref="ByType"/>.
/// </summary>
internal sealed class VocabularyField(
    string field, string configKey, Func<WireEvent, string?> value, Func<PilotConfig, IEnumerable<string>> allowed)
{
    /// <summary>The field's name on the wire, as errors name it.</summary>
    public string Field { get; } = field;

    /// <summary>The config key of the pilot that lists the allowed values.</summary>
    public string ConfigKey { get; } = configKey;

    /// <summary>Reads the field from an event (null when the event leaves it out).</summary>
    public Func<WireEvent, string?> Value { get; } = value;

    /// <summary>The values a pilot allows, in its config's order.</summary>
    public Func<PilotConfig, IEnumerable<string>> Allowed { get; } = allowed;

    /// <summary>The vocabulary fields of each event type (a type missing here has none).</summary>
    public static IReadOnlyDictionary<string, VocabularyField[]> ByType { get; } = new Dictionary<string, VocabularyField[]>(StringComparer.Ordinal)
    {
        [EventTypes.CaseStarted] =
        [
            new("caseType", "caseTypes", e => e.CaseType, p => p.CaseTypes),
            new("arm", "arms", e => e.Arm, Arms),
            new("channel", "channels", e => e.Channel, p => p.Channels),
        ],
        [EventTypes.AiUsage] = [new("model", "aiModels", e => e.Model, p => p.AiModels.Keys)],
        [EventTypes.HumanEffort] = [new("role", "staffRoles", e => e.Role, p => p.StaffRoles.Keys)],
        [EventTypes.CaseEscalated] = [new("reason", "escalationReasons", e => e.Reason, p => p.EscalationReasons)],
        [EventTypes.IntegrationFailure] =
        [
            new("system", "integrationSystems", e => e.TargetSystem, p => p.IntegrationSystems),
            new("kind", "integrationFailureKinds", e => e.Kind, p => p.IntegrationFailureKinds),
        ],
        [EventTypes.SurveyStaff] =
        [
            new("team", "teams", e => e.Team, p => p.Teams),
            new("arm", "arms", e => e.Arm, Arms),
        ],
        [EventTypes.PilotMaintenance] =
        [
            new("kind", "maintenanceKinds", e => e.Kind, p => p.MaintenanceKinds),
            new("arm", "arms", e => e.Arm, Arms),
        ],
    };

    private static IEnumerable<string> Arms(PilotConfig pilot) => pilot.Arms.Select(a => a.Name);
}
