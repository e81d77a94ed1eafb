using EvalFramework.Contract;

namespace EvalFramework.Evaluation.Snapshots.Accumulation;

/// <summary>Counts the used cases' assignments: assigned and non-compliant cases per assigned arm, the units named, the case types with non-compliance.</summary>
internal sealed class ComplianceCounter
{
    private readonly Dictionary<string, long> _assigned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _nonCompliant = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _units = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nonCompliantCaseTypes = new(StringComparer.Ordinal);
    private long _withoutAssignment;

    /// <summary>Whether a case is non-compliant: assigned to one arm, handled in another.</summary>
    public static bool IsNonCompliant(CaseRow row) => row.AssignedArm is { } assigned && assigned != row.Arm;

    /// <summary>The case types in which some case did not comply.</summary>
    public IReadOnlySet<string> NonCompliantCaseTypes => _nonCompliantCaseTypes;

    /// <summary>Counts one used case.</summary>
    public void Add(CaseRow row)
    {
        if (row.AssignedArm is not { } assigned)
        {
            _withoutAssignment++;
            return;
        }

        Increment(_assigned, assigned);
        _units.Add(row.AssignmentUnit ?? "");
        if (assigned != row.Arm)
        {
            Increment(_nonCompliant, assigned);
            _nonCompliantCaseTypes.Add(row.CaseType);
        }
    }

    /// <summary>The snapshot's <c>compliance</c>; null when no case had an assignment.</summary>
    public ComplianceSummary? Summary()
    {
        if (_assigned.Count == 0)
        {
            return null;
        }

        var arms = _assigned.Keys.Order(StringComparer.Ordinal).ToList();
        return new ComplianceSummary(
            _units.Count == 1 && AssignmentUnits.All.Contains(_units.Min!) ? _units.Min! : ComplianceSummary.MixedUnits,
            arms.ToDictionary(a => a, a => _assigned[a], StringComparer.Ordinal),
            arms.ToDictionary(a => a, a => _nonCompliant.GetValueOrDefault(a), StringComparer.Ordinal),
            _withoutAssignment);
    }

    private static void Increment(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
