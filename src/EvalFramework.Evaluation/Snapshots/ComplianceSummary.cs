namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// How well the cases kept to their assignment (the snapshot's <c>compliance</c>), present when some case of the period
/// carried an assignment: the figures are by assigned arm (intention to treat); a case handled in another arm than
/// assigned did not comply.
/// </summary>
/// <param name="Unit">What was assigned (<c>case</c>, <c>handler</c>, <c>team</c>, <c>period</c>), or <c>mixed</c> when the cases name several.</param>
/// <param name="AssignedCases">Cases with an assignment, by assigned arm (ordinal order).</param>
/// <param name="NonCompliant">Of those, the cases handled in another arm, by assigned arm.</param>
/// <param name="WithoutAssignment">Cases used without an assignment (analysed in the arm they were handled in).</param>
public sealed record ComplianceSummary(
    string Unit,
    IReadOnlyDictionary<string, long> AssignedCases,
    IReadOnlyDictionary<string, long> NonCompliant,
    long WithoutAssignment)
{
    /// <summary>The value of <see cref="Unit"/> when the cases name more than one unit.</summary>
    public const string MixedUnits = "mixed";

    /// <summary>All cases with an assignment.</summary>
    public long Assigned => AssignedCases.Values.Sum();

    /// <summary>All cases handled in another arm than assigned.</summary>
    public long NonCompliantTotal => NonCompliant.Values.Sum();
}
