using EvalFramework.Contract;

namespace EvalFramework.Evaluation.Statistics;

/// <summary>
/// The assignment design a power calculation plans for: what is assigned to an arm (<c>case</c>, <c>handler</c>,
/// <c>team</c> or <c>period</c>), how many such units there are, and how alike the cases of one unit are.
/// </summary>
public sealed record PowerDesign
{
    /// <summary>What is assigned to an arm: one of <see cref="AssignmentUnits"/> (default <c>case</c>).</summary>
    public string Unit { get; init; } = AssignmentUnits.Case;

    /// <summary>Teams or handlers over all arms (unit <c>team</c> or <c>handler</c>); each arm gets its share of them.</summary>
    public int Units { get; init; }

    /// <summary>The length of one switchback period in days (unit <c>period</c>, default 7).</summary>
    public int PeriodDays { get; init; } = 7;

    /// <summary>
    /// The intra-cluster correlation of the metric between cases of one unit (the share of its variance that lies
    /// between units), on the metric's own scale as the snapshot's ANOVA estimate gives it; unused for unit <c>case</c>.
    /// </summary>
    public double Icc { get; init; }

    /// <summary>The coefficient of variation of the units' sizes in cases (0: all the same size).</summary>
    public double SizeCv { get; init; }

    /// <summary>Whether units larger than a case are assigned: the analysis is cluster-robust.</summary>
    public bool IsClustered => Unit != AssignmentUnits.Case;

    /// <summary>The design of a case-level pilot.</summary>
    public static PowerDesign CaseLevel { get; } = new();
}
