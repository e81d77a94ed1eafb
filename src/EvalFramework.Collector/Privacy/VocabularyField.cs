using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Collector.Privacy;

/// <summary>
/// Maps each pilot vocabulary list that the contract's field table names (<see cref="FieldUse.Vocabulary"/>, a config
/// key such as <c>caseTypes</c>) to the values a pilot's config lists under it. Which fields each list closes is said
/// once, by <see cref="EventShapes"/>.
/// </summary>
internal static class VocabularyField
{
    /// <summary>The values a pilot allows, in its config's order, by vocabulary list.</summary>
    public static IReadOnlyDictionary<string, Func<PilotConfig, IEnumerable<string>>> Lists { get; } =
        new Dictionary<string, Func<PilotConfig, IEnumerable<string>>>(StringComparer.Ordinal)
        {
            ["caseTypes"] = p => p.CaseTypes,
            ["arms"] = p => p.Arms.Select(a => a.Name),
            ["channels"] = p => p.Channels,
            ["aiModels"] = p => p.AiModels.Keys,
            ["staffRoles"] = p => p.StaffRoles.Keys,
            ["escalationReasons"] = p => p.EscalationReasons,
            ["integrationSystems"] = p => p.IntegrationSystems,
            ["integrationFailureKinds"] = p => p.IntegrationFailureKinds,
            ["teams"] = p => p.Teams,
            ["maintenanceKinds"] = p => p.MaintenanceKinds,
        };

    /// <summary>Every use of a field that a vocabulary list closes, as (field, list) pairs.</summary>
    public static IEnumerable<FieldUse> Uses =>
        EventShapes.All.SelectMany(s => s.Fields).SelectMany(u => u.Field.Members.Prepend(u)).Where(u => u.Vocabulary is not null);
}
