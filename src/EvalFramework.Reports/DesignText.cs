namespace EvalFramework.Reports;

/// <summary>
/// The report's words for a snapshot's design (how cases reached their arm and the analysis that follows), in one
/// language (<see cref="English"/>, <see cref="Swedish"/>).
/// </summary>
internal sealed partial class DesignText
{
    /// <summary>The header fact's name.</summary>
    public required string Kind { get; init; }

    /// <summary>What was assigned, by unit key (<c>case</c>, <c>handler</c>, <c>team</c>, <c>period</c>).</summary>
    public required IReadOnlyDictionary<string, string> Assigned { get; init; }

    /// <summary>The unit in the plural, by unit key.</summary>
    public required IReadOnlyDictionary<string, string> Units { get; init; }

    /// <summary>The analysis of a clustered design: {0} the units in the plural.</summary>
    public required string ClusterRobust { get; init; }

    /// <summary>Units per arm: {0} the units in the plural (capitalised), {1} the arms with their counts.</summary>
    public required string UnitsPerArm { get; init; }

    /// <summary>The ICC estimates: {0} the units in the plural, {1} the lowest, {2} the highest.</summary>
    public required string Icc { get; init; }

    /// <summary>An arm with fewer units than the minimum: {0} the minimum, {1} the units in the plural.</summary>
    public required string TooFewUnits { get; init; }

    /// <summary>Cases whose unit is not known: {0} how many.</summary>
    public required string WithoutUnit { get; init; }

    /// <summary>
    /// Compliance with the assignment: {0} the non-compliant cases, {1} the assigned cases, {2} their share. The figures are
    /// by assigned arm (intention to treat); the as-treated difference is beside the comparisons.
    /// </summary>
    public required string Compliance { get; init; }

    /// <summary>Every assigned case was handled in its assigned arm: {0} the assigned cases.</summary>
    public required string FullCompliance { get; init; }

    /// <summary>The as-treated difference beside a comparison: {0} the difference with its interval.</summary>
    public required string AsTreated { get; init; }

    /// <summary>
    /// A before/after design with a concurrent control: {0} the AI's start date. The comparisons are differences in
    /// differences.
    /// </summary>
    public required string DifferenceInDifferences { get; init; }

    /// <summary>A before/after design without a concurrent control: {0} the AI's start date. Not causal.</summary>
    public required string BeforeAfterOnly { get; init; }

    /// <summary>The short label beside every comparison of a before/after design without a control.</summary>
    public required string NotCausal { get; init; }

    /// <summary>A comparison by unit with too few units: {0} the arms with their counts, {1} the minimum, {2} the units in the plural.</summary>
    public required string TooFewUnitsToTell { get; init; }

    /// <summary>A median not compared under a design by unit: {0} the units in the plural.</summary>
    public required string NotComparedByUnit { get; init; }

    /// <summary>A comparison by unit whose units all have the same value in an arm: {0} the units in the plural.</summary>
    public required string NoSpread { get; init; }

    /// <summary>
    /// A goal or guardrail of a daily look before its share has enough events (the sequences' burn-in): {0} the arms
    /// with their counts, {1} the fewest events and non-events per arm.
    /// </summary>
    public required string TooEarly { get; init; }

    /// <summary>The unit in the plural, or its key.</summary>
    public string UnitsOf(string unit) => Units.GetValueOrDefault(unit, unit);
}
