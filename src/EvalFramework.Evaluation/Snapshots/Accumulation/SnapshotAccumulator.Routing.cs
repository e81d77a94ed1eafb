namespace EvalFramework.Evaluation.Snapshots.Accumulation;

/// <summary>
/// Where a case goes under the pilot's design: its assigned arm's group (intention to treat) and, after the first
/// non-compliant case, the as-treated group of the arm it was handled in; its unit's part of the group under a design
/// by unit; before <c>design.aiStart</c>, the baseline period's groups.
/// </summary>
internal sealed partial class SnapshotAccumulator
{
    /// <summary>The group a case is counted in: in the baseline period its before-group, else its assigned (or used) arm's; null when not in the vocabulary.</summary>
    private GroupAccumulator? GroupOf(CaseRow row, bool before) => before ? BeforeGroup(row) : Group(row.CaseType, row.AssignedArm ?? row.Arm);

    /// <summary>
    /// Adds a case to its group: by its assignment (<see cref="AccumulateByAssignment"/>), or, in a before/after
    /// design's baseline period, to its group and its case type's pooled group (<see cref="BeforePeriodGroups"/>). A
    /// case handled in the baseline arm before the AI's start is so by design: it is never counted as non-compliant.
    /// </summary>
    private void AccumulateCase(bool before, GroupAccumulator group, CaseRow row)
    {
        if (!before)
        {
            AccumulateByAssignment(group, row);
            return;
        }

        Accumulate(group, row);

        // The case is counted once (its unit, its data hash): the pooled group only repeats it.
        Accumulate(_before.PooledGroup(row.CaseType, _pilot!.BaselineArm), row, countUnit: false);
    }

    /// <summary>
    /// Adds a used case to its group by assigned arm and counts its compliance; from the first case handled in another arm
    /// than assigned on, also to the as-treated group of the arm it was handled in (left out of those when that arm is
    /// not in the config).
    /// </summary>
    private void AccumulateByAssignment(GroupAccumulator group, CaseRow row)
    {
        _compliance.Add(row);
        if (_asTreated is null && ComplianceCounter.IsNonCompliant(row))
        {
            _asTreated = _groups.ToDictionary(g => g.Key, g => g.Value.Copy());
        }

        Accumulate(group, row);
        if (_asTreated is not null && GroupIn(_asTreated, row.CaseType, row.Arm) is { } treated)
        {
            Accumulate(treated, row);
        }
    }

    /// <summary>Under a clustered design, adds the case to its unit's part of the group as well (see <see cref="CaseUnits"/>).</summary>
    private void AddToUnit(GroupAccumulator group, CaseRow row, bool countUnit)
    {
        if (_units is not null && !group.IsUnit && _units.Of(row, count: countUnit) is { } unit)
        {
            Accumulate(group.Unit(unit), row);
        }
    }

    /// <summary>The case type and arm's accumulator; null when either is not in the pilot's vocabulary.</summary>
    private GroupAccumulator? Group(string caseType, string arm)
    {
        if (_last is not null && _last.CaseType == caseType && _last.Arm == arm)
        {
            return _last;
        }

        return GroupIn(_groups, caseType, arm) is { } group ? _last = group : null;
    }

    /// <summary>The case type and arm's accumulator in <paramref name="groups"/>, made on first use; null when either is not in the pilot's vocabulary.</summary>
    private GroupAccumulator? GroupIn(Dictionary<(string CaseType, string Arm), GroupAccumulator> groups, string caseType, string arm)
    {
        if (!groups.TryGetValue((caseType, arm), out var group))
        {
            if (!_caseTypes.Contains(caseType) || !_arms.Contains(arm))
            {
                return null;
            }

            group = new GroupAccumulator(caseType, arm, Period.Weeks);
            groups.Add((caseType, arm), group);
        }

        return group;
    }

    /// <summary>
    /// The group of a case started before <c>design.aiStart</c> (see <see cref="BeforePeriodGroups"/>); null when its
    /// case type or group is not in the pilot's vocabulary.
    /// </summary>
    private GroupAccumulator? BeforeGroup(CaseRow row)
    {
        var group = BeforePeriodGroups.GroupOf(row);
        return _caseTypes.Contains(row.CaseType) && _arms.Contains(group) && _arms.Contains(row.Arm) ? _before.Group(row.CaseType, group) : null;
    }
}
