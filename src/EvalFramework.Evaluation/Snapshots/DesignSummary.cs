namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// The <c>design</c> section of a snapshot: what was assigned to the arms, the analysis that follows from it, how many
/// units each arm has and how alike the cases of one unit are (ICC).
/// </summary>
/// <param name="Unit">What was assigned: <c>case</c>, <c>handler</c>, <c>team</c> or <c>period</c>.</param>
/// <param name="Analysis">The analysis used: <c>case_level</c> or <c>cluster_robust</c> (or a before/after analysis).</param>
/// <param name="MinUnitsPerArm">The fewest units per arm for a verdict under a clustered design.</param>
/// <param name="UnitsPerArm">Per arm of the config, the distinct units with a case in the period (cases under a case-level design).</param>
/// <param name="Icc">The ICC estimates per case type and metric (clustered designs only; empty otherwise).</param>
/// <param name="CasesWithoutUnit">Cases used whose unit is not known (clustered designs only, else 0): in the arms' figures, not in the comparisons.</param>
public sealed record DesignSummary(
    string Unit,
    string Analysis,
    int MinUnitsPerArm,
    IReadOnlyList<KeyValuePair<string, long>> UnitsPerArm,
    IReadOnlyList<IccValue> Icc,
    long CasesWithoutUnit);
