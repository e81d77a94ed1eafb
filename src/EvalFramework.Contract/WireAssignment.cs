using System.Text.Json.Serialization;

namespace EvalFramework.Contract;

/// <summary>
/// <c>case.started</c> <c>assignment</c> (contract v2, optional): how the case reached its arm. <see cref="WireEvent.Arm"/>
/// stays the arm actually used; a case whose arm differs from <see cref="AssignedArm"/> did not comply.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class WireAssignment
{
    /// <summary>One of <see cref="AssignmentUnits"/>.</summary>
    public string? Unit { get; set; }

    /// <summary>The unit's key: a pseudonym (64 lower-case hex) for a case or handler, a team slug, or a period key (<c>2026-W49</c> or <c>2026-12-01</c>).</summary>
    public string? UnitId { get; set; }

    /// <summary>The arm the unit was assigned to (slug).</summary>
    public string? AssignedArm { get; set; }
}
