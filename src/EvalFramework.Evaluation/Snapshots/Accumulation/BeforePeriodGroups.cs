namespace EvalFramework.Evaluation.Snapshots.Accumulation;

/// <summary>
/// The cases of a before/after design (<c>design.aiStart</c>) started before the AI started: the baseline period. They
/// are kept apart from the arms' groups, per case type and group (the arm the case's unit was assigned to,
/// <see cref="CaseRow.AssignedArm"/>, else the arm used) for a difference in differences, and per case type over every
/// group for a plain before/after comparison.
/// </summary>
/// <param name="aiStartMs">The AI's start, Unix ms; null when the design has none (then no case is before).</param>
/// <param name="weeks">7-day bins of the period, as the arms' groups have.</param>
internal sealed class BeforePeriodGroups(long? aiStartMs, int weeks)
{
    private readonly Dictionary<(string CaseType, string Group), GroupAccumulator> _byGroup = [];
    private readonly Dictionary<string, GroupAccumulator> _pooled = new(StringComparer.Ordinal);

    /// <summary>The AI's start, Unix ms, or null without a before/after design.</summary>
    public long? AiStartMs { get; } = aiStartMs;

    /// <summary>The baseline period's cases by case type and group.</summary>
    public IReadOnlyDictionary<(string CaseType, string Group), GroupAccumulator> ByGroup => _byGroup;

    /// <summary>The baseline period's cases by case type, every group together.</summary>
    public IReadOnlyDictionary<string, GroupAccumulator> Pooled => _pooled;

    /// <summary>Whether a case started at <paramref name="startedMs"/> is in the baseline period.</summary>
    public bool Includes(long startedMs) => startedMs < AiStartMs;

    /// <summary>The group of a case of the baseline period, made on first use: the arm its unit was assigned to, else the arm used.</summary>
    public static string GroupOf(CaseRow row) => row.AssignedArm ?? row.Arm;

    /// <summary>The accumulator of a case type and group (both already checked against the pilot's vocabulary).</summary>
    public GroupAccumulator Group(string caseType, string group)
    {
        if (!_byGroup.TryGetValue((caseType, group), out var accumulator))
        {
            accumulator = new GroupAccumulator(caseType, group, weeks);
            _byGroup.Add((caseType, group), accumulator);
        }

        return accumulator;
    }

    /// <summary>The accumulator of a case type over every group, made on first use.</summary>
    public GroupAccumulator PooledGroup(string caseType, string baselineArm)
    {
        if (!_pooled.TryGetValue(caseType, out var accumulator))
        {
            accumulator = new GroupAccumulator(caseType, baselineArm, weeks);
            _pooled.Add(caseType, accumulator);
        }

        return accumulator;
    }

    /// <summary>The baseline period's started cases per group, over every case type.</summary>
    public SortedDictionary<string, long> StartedByGroup()
    {
        var started = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var ((_, group), g) in _byGroup)
        {
            started[group] = started.GetValueOrDefault(group) + g.Started;
        }

        return started;
    }
}
