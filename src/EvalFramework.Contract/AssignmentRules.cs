using System.Globalization;

namespace EvalFramework.Contract;

/// <summary>The rules inside <c>assignment</c> (<see cref="WireFields.Assignment"/>); errors name <c>assignment.unit</c> and so on, never the value.</summary>
internal static class AssignmentRules
{
    private static readonly WireField Unit = new("assignment.unit", FieldKind.Enum, _ => null) { Allowed = AssignmentUnits.All };
    private static readonly WireField AssignedArm = new("assignment.assignedArm", FieldKind.Slug, _ => null);
    private static readonly FieldUse ArmUse = new(AssignedArm, true, "arms");
    private static readonly FieldUse TeamUse = new(new WireField("assignment.unitId", FieldKind.Slug, _ => null), false, "teams");

    /// <summary>The members a pilot's vocabulary closes: the assigned arm (arms) and a team unit's id (teams).</summary>
    public static IReadOnlyList<FieldUse> Members { get; } = [ArmUse, TeamUse];

    /// <summary>The closed values of one assignment: its arm, and its unit id when the unit is a team.</summary>
    public static IEnumerable<MemberValue> Closed(object value)
    {
        if (value is not WireAssignment assignment)
        {
            yield break;
        }

        if (assignment.AssignedArm is { } arm)
        {
            yield return new(ArmUse, arm);
        }

        if (assignment.Unit == AssignmentUnits.Team && assignment.UnitId is { } team)
        {
            yield return new(TeamUse, team);
        }
    }

    public static IEnumerable<EventError> Check(object value)
    {
        if (value is not WireAssignment assignment)
        {
            yield return new("assignment", EventErrorCodes.Invalid, "must be an object with unit, unitId and assignedArm");
            yield break;
        }

        foreach (var error in Present(Unit, assignment.Unit).Concat(Present(AssignedArm, assignment.AssignedArm)))
        {
            yield return error;
        }

        if (assignment.UnitId is null)
        {
            yield return new("assignment.unitId", EventErrorCodes.Required, "required");
        }
        else if (assignment.Unit is { } unit && AssignmentUnits.All.Contains(unit) && !IsUnitId(unit, assignment.UnitId))
        {
            yield return new("assignment.unitId", EventErrorCodes.Invalid, unit switch
            {
                AssignmentUnits.Team => "must be the team's slug",
                AssignmentUnits.Period => "must be a period key: an ISO week like 2026-W49 or a date like 2026-12-01",
                _ => "must be a pseudonym: 64 lower-case hex characters (HMAC-SHA256)",
            });
        }
    }

    private static IEnumerable<EventError> Present(WireField field, string? value) =>
        value is null ? [field.Missing()] : field.Check(value);

    private static bool IsUnitId(string unit, string id) => unit switch
    {
        AssignmentUnits.Team => EventValidator.IsSlug(id) && IdentifierGuard.FindInSlug(id) is null,
        AssignmentUnits.Period => IsPeriodKey(id),
        _ => EventValidator.IsPseudonym(id),
    };

    private static bool IsPeriodKey(string id) =>
        DateOnly.TryParseExact(id, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || (id.Length is 8 && id[4..6] == "-W" && int.TryParse(id[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(id[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year));
}
