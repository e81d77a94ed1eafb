namespace EvalFramework.Evaluation.Configuration;

/// <summary>One pilot (an entry of <c>pilots</c>): what it compares and what its resources cost.</summary>
public sealed record PilotConfig
{
    /// <summary>The pilot slug as sent in events (<c>slug</c>, required).</summary>
    public required string Slug { get; init; }

    /// <summary>Name shown to people (<c>displayName</c>, required).</summary>
    public required string DisplayName { get; init; }

    /// <summary>The case types, as sent in <c>case.started</c> (<c>caseTypes</c>, required, at least one, no duplicates).</summary>
    public required IReadOnlyList<string> CaseTypes { get; init; }

    /// <summary>The arms with their intended allocation shares (<c>arms</c>, required, shares sum to 1).</summary>
    public required IReadOnlyList<ArmConfig> Arms { get; init; }

    /// <summary>The arm every other arm is compared with (<c>baselineArm</c>, required, one of <see cref="Arms"/>).</summary>
    public required string BaselineArm { get; init; }

    /// <summary>Staff roles by role slug (<c>staffRoles</c>, required).</summary>
    public required IReadOnlyDictionary<string, StaffRoleConfig> StaffRoles { get; init; }

    /// <summary>AI models by model name (<c>aiModels</c>, optional, default none).</summary>
    public required IReadOnlyDictionary<string, AiModelConfig> AiModels { get; init; }

    /// <summary>Fixed monthly costs (<c>fixedCosts</c>, optional, default none).</summary>
    public required IReadOnlyList<FixedCostConfig> FixedCosts { get; init; }

    /// <summary>One-off costs, amortised over their months (<c>oneOffCosts</c>, optional, default none).</summary>
    public IReadOnlyList<OneOffCostConfig> OneOffCosts { get; init; } = [];

    /// <summary>How maintenance hours are costed (<c>maintenance</c>, required).</summary>
    public required MaintenanceConfig Maintenance { get; init; }

    /// <summary>
    /// Event attribute keys this pilot may send (<c>attributeKeys</c>, optional, default
    /// <see cref="ConfigDefaults.AttributeKeys"/>; an empty list allows none).
    /// </summary>
    public required IReadOnlyList<string> AttributeKeys { get; init; }

    /// <summary>
    /// Allowed values of some attribute keys (<c>attributeValues</c>, optional: key → list of values). A key listed here
    /// takes only those values; a key not listed takes free text, checked by the identifier guard.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AttributeValues { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Channels as sent in <c>case.started</c> <c>channel</c> (<c>channels</c>, optional, default none).</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Reasons as sent in <c>case.escalated</c> <c>reason</c> (<c>escalationReasons</c>, optional, default none).</summary>
    public IReadOnlyList<string> EscalationReasons { get; init; } = [];

    /// <summary>Systems as sent in <c>integration.failure</c> <c>system</c> (<c>integrationSystems</c>, optional, default none).</summary>
    public IReadOnlyList<string> IntegrationSystems { get; init; } = [];

    /// <summary>Kinds as sent in <c>integration.failure</c> <c>kind</c> (<c>integrationFailureKinds</c>, optional, default none).</summary>
    public IReadOnlyList<string> IntegrationFailureKinds { get; init; } = [];

    /// <summary>Kinds as sent in <c>pilot.maintenance</c> <c>kind</c> (<c>maintenanceKinds</c>, optional, default none).</summary>
    public IReadOnlyList<string> MaintenanceKinds { get; init; } = [];

    /// <summary>Teams as sent in <c>survey.staff</c> <c>team</c> (<c>teams</c>, optional, default none).</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>What a <c>caseId</c> must look like (<c>caseIds</c>: <c>pseudonym</c>, the default, or <c>any</c>).</summary>
    public CaseIdRule CaseIds { get; init; } = CaseIdRule.Pseudonym;

    /// <summary>
    /// The analysis plan (<c>analysisPlan</c>): alpha, primary metrics and guardrails; without the key, no primary
    /// metric and the default guardrails (<see cref="AnalysisPlan.Default"/>).
    /// </summary>
    public AnalysisPlan AnalysisPlan { get; init; } = AnalysisPlan.Default(1 - ConfigDefaults.ConfidenceLevel);

    /// <summary>How cases reach their arm (<c>design</c>); without the key, each case on its own (<see cref="DesignConfig.Default"/>).</summary>
    public DesignConfig Design { get; init; } = DesignConfig.Default;

    /// <summary>The file the pilot was read from, for errors found later against data.</summary>
    internal string SourceFile { get; init; } = "";

    /// <summary>The key path of the pilot, e.g. <c>pilots[0]</c>.</summary>
    internal string KeyPath { get; init; } = "pilots[0]";

    /// <summary>The line of the pilot's <c>aiModels</c> key (or of the pilot when it has none).</summary>
    internal int AiModelsLine { get; init; }

    /// <summary>The line of the pilot's <c>staffRoles</c> key.</summary>
    internal int StaffRolesLine { get; init; }

    /// <summary>Whether <paramref name="arm"/> is one of the pilot's arms.</summary>
    /// <param name="arm">An arm slug.</param>
    /// <returns><see langword="true"/> when the arm is defined.</returns>
    public bool HasArm(string arm) => Arms.Any(a => a.Name == arm);

    /// <summary>
    /// Checks that every model seen in the data has an entry in <c>aiModels</c> (price and size). A model without
    /// one would otherwise be costed at zero; call this before computing costs or energy.
    /// </summary>
    /// <param name="modelsSeen">The distinct model names of the pilot's <c>ai.usage</c> events.</param>
    /// <returns>One error per missing model, naming it; empty when all are priced.</returns>
    public IReadOnlyList<ConfigError> CheckModelsSeen(IEnumerable<string> modelsSeen)
    {
        ArgumentNullException.ThrowIfNull(modelsSeen);
        return [.. modelsSeen.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(m => !AiModels.ContainsKey(m))
            .Select(m => new ConfigError(SourceFile, AiModelsLine, KeyPath + ".aiModels." + m,
                "no price for model '" + m + "' seen in the data of pilot '" + Slug
                + "': add inputPerMillionSek, outputPerMillionSek and activeParamsBillions"))];
    }

    /// <summary>Checks that every staff role seen in the data has a loaded hourly cost in <c>staffRoles</c>.</summary>
    /// <param name="rolesSeen">The distinct roles of the pilot's <c>human.effort</c> events.</param>
    /// <returns>One error per missing role, naming it; empty when all are costed.</returns>
    public IReadOnlyList<ConfigError> CheckRolesSeen(IEnumerable<string> rolesSeen)
    {
        ArgumentNullException.ThrowIfNull(rolesSeen);
        return [.. rolesSeen.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(r => !StaffRoles.ContainsKey(r))
            .Select(r => new ConfigError(SourceFile, StaffRolesLine, KeyPath + ".staffRoles." + r,
                "no hourly cost for role '" + r + "' seen in the data of pilot '" + Slug + "': add hourlyCostSek"))];
    }
}
