using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots.Accumulation;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// How a snapshot of a before/after design (<c>design.aiStart</c>) is analysed. With a concurrent control (cases of the
/// baseline arm started after the start) the arms' figures are the after period's and each comparison is a difference
/// in differences (<see cref="BeforeAfterComparisons"/>); without one, the baseline arm's figures are the before
/// period's (every case before the start) and each comparison is the after period's arm against them: not causal.
/// </summary>
internal sealed class BeforeAfterDesign
{
    private readonly BeforePeriodGroups _before;
    private readonly string _baseline;
    private readonly IReadOnlyCollection<GroupAccumulator> _after;
    private readonly DesignConfig _design;

    private BeforeAfterDesign(BeforePeriodGroups before, string baseline, IReadOnlyCollection<GroupAccumulator> after, DesignConfig design, DateTimeOffset aiStart)
    {
        _before = before;
        _design = design;
        _baseline = baseline;
        _after = after;
        AiStart = aiStart;
        ConcurrentControl = after.Any(g => g.Arm == baseline && g.Started > 0);
    }

    /// <summary>The AI's start.</summary>
    public DateTimeOffset AiStart { get; }

    /// <summary>Whether the baseline arm has cases after the start: then the comparisons are differences in differences.</summary>
    public bool ConcurrentControl { get; }

    /// <summary>The design of a snapshot; null when the pilot has no <c>design.aiStart</c>.</summary>
    public static BeforeAfterDesign? Of(SnapshotAccumulator data, string baseline, DesignConfig design) =>
        design.AiStart is { } start ? new BeforeAfterDesign(data.Before, baseline, [.. data.Groups.Values], design, start) : null;

    /// <summary>
    /// Whether the difference in differences is by unit: handlers or teams assigned (the same units on both sides of
    /// the start). Periods differ on the two sides, so under a period design the cells' cases are taken as independent.
    /// </summary>
    public bool ByUnit => _design.Unit is AssignmentUnits.Handler or AssignmentUnits.Team;

    /// <summary>
    /// The groups whose figures the snapshot shows per arm: the after period's; without a concurrent control also each
    /// case type's before period, as the baseline arm.
    /// </summary>
    public IEnumerable<GroupAccumulator> ArmGroups() => ConcurrentControl ? _after : _after.Concat(_before.Pooled.Values);

    /// <summary>A group's before period in a case type; an empty one when it has no case.</summary>
    public GroupAccumulator Before(string caseType, string group) =>
        _before.ByGroup.TryGetValue((caseType, group), out var g) ? g : new GroupAccumulator(caseType, group, 0);

    /// <summary>The difference-in-differences comparisons of a treatment arm's after period (<paramref name="t"/>) in a case type.</summary>
    public IEnumerable<PendingComparison> Compare(GroupAccumulator b, GroupAccumulator t, double level) => ByUnit
        ? BeforeAfterComparisons.CompareByUnit(Before(t.CaseType, _baseline), b, Before(t.CaseType, t.Arm), t, level, _design.Unit, _design.MinUnitsPerArm)
        : BeforeAfterComparisons.Compare(Before(t.CaseType, _baseline), b, Before(t.CaseType, t.Arm), t, level);

    /// <summary>The snapshot's <c>beforeAfter</c> section.</summary>
    public BeforeAfterSummary Summary()
    {
        var after = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var g in _after)
        {
            after[g.Arm] = after.GetValueOrDefault(g.Arm) + g.Started;
        }

        return new BeforeAfterSummary(AiStart, ConcurrentControl, ConcurrentControl, _before.StartedByGroup(), after);
    }
}
