namespace EvalFramework.Reports;

/// <summary>
/// The report's words for the analysis plan and the roles of comparisons, in one language (<see cref="English"/>,
/// <see cref="Swedish"/>). Templates use numbered placeholders, filled with <see cref="ReportText.Format"/>.
/// </summary>
internal sealed partial class PlanText
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string Alpha { get; init; }
    public required string PrimaryMeasures { get; init; }
    public required string Guardrails { get; init; }
    public required string Secondary { get; init; }
    public required string SecondaryAll { get; init; }
    public required string AllCaseTypes { get; init; }
    public required string Margin { get; init; }
    public required string NoPrimary { get; init; }
    public required string DefaultPlan { get; init; }
    public required string Registration { get; init; }
    public required string RegisteredSame { get; init; }
    public required string ChangedAfterRegistration { get; init; }
    public required string NotRegistered { get; init; }
    public required string NotRegisteredShort { get; init; }
    public required string ChangedShort { get; init; }
    public required string RegisteredAfterData { get; init; }
    public required string RegisteredLateShort { get; init; }
    public required string PlanHash { get; init; }

    public required string PrimaryTitle { get; init; }
    public required string PrimaryIntro { get; init; }
    public required string GuardrailTitle { get; init; }
    public required string GuardrailIntro { get; init; }
    public required string SecondaryTitle { get; init; }
    public required string SecondaryIntro { get; init; }
    public required string NoneInRole { get; init; }

    public required string Role { get; init; }
    public required string UnitOfAnalysis { get; init; }
    public required string WholePilot { get; init; }
    public required string Descriptive { get; init; }
    public required string NotClearAfterHolm { get; init; }
    public required string GuardrailBound { get; init; }
    public required string SameTest { get; init; }
    public required string Persons { get; init; }
    public required string AdjustedP { get; init; }
    public required string BoundColumn { get; init; }

    /// <summary>
    /// What the verdicts mean in a snapshot with an analysis plan, where they differ from the older reading (every
    /// comparison Holm-adjusted; a guardrail's whole two-sided interval against the margin).
    /// </summary>
    public required IReadOnlyDictionary<string, string> VerdictExplanations { get; init; }

    /// <summary>The role's short label (a tag beside a verdict): primary, guardrail, exploratory.</summary>
    public required IReadOnlyDictionary<string, string> RoleLabels { get; init; }

    /// <summary>The unit of analysis in words, by <c>MetricKeys.UnitOf</c> value.</summary>
    public required IReadOnlyDictionary<string, string> Units { get; init; }

    /// <summary>The unit in words, or its key.</summary>
    public string Unit(string? unit) => unit is null ? "" : Units.GetValueOrDefault(unit, unit);

    /// <summary>The role's label, or its key.</summary>
    public string RoleLabel(string role) => RoleLabels.GetValueOrDefault(role, role);
}
