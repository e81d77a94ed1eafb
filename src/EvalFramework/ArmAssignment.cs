namespace EvalFramework;

/// <summary>
/// The arm a case was assigned to, from <see cref="CaseTracker.Assign(string, string)"/>: pass it to
/// <see cref="CaseTracker.StartAssignedCase"/>, which
/// records it on <c>case.started</c>. It holds pseudonyms only, never the references it was made from.
/// </summary>
public sealed class ArmAssignment
{
    internal ArmAssignment(string caseType, string caseId, string arm, string unit, string unitId)
    {
        CaseType = caseType;
        CaseId = caseId;
        Arm = arm;
        Unit = unit;
        UnitId = unitId;
    }

    /// <summary>The case type (slug) the case was assigned for.</summary>
    public string CaseType { get; }

    /// <summary>The case's pseudonym (64 lower-case hex characters).</summary>
    public string CaseId { get; }

    /// <summary>The assigned arm (slug): the arm the case should be handled in.</summary>
    public string Arm { get; }

    /// <summary>What was assigned: <c>case</c>, <c>handler</c>, <c>team</c> or <c>period</c> (<see cref="Contract.AssignmentUnits"/>).</summary>
    public string Unit { get; }

    /// <summary>
    /// The assigned unit's id as recorded: the case's pseudonym (unit case), the handler's pseudonym (unit handler), the
    /// team's slug (unit team) or the period's key such as <c>2026-W49</c> (unit period).
    /// </summary>
    public string UnitId { get; }
}
