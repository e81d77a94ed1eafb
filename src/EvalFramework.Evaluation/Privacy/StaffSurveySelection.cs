namespace EvalFramework.Evaluation.Privacy;

/// <summary>
/// Which staff-survey answers a snapshot counts: the rule that keeps them k-anonymous against differencing.
/// <list type="number">
/// <item>Only whole weeks (<see cref="StaffWeeks"/>: ISO weeks in UTC) inside the period that ended at least two days
/// before the snapshot is made. Any two snapshots therefore differ by whole weeks, never by part of one.</item>
/// <item>A week, once published (by an earlier snapshot whose period held it and that was made after it closed, or by
/// this one), keeps the answers received before that first publication: a later arrival never changes it.</item>
/// <item>Only answers whose team and arm are in the pilot's config.</item>
/// <item>Only groups (team × arm × week) of at least k answers; a smaller group is in no figure, not even a total.</item>
/// </list>
/// So each week's counted set is fixed once it can be seen, and is made of groups of at least k answers: whatever
/// snapshots one compares, the difference is whole groups of at least k answers, never one person's answer.
/// </summary>
internal sealed class StaffSurveySelection
{
    private StaffSurveySelection()
    {
    }

    /// <summary>The first counted week's start, Unix ms.</summary>
    public long FirstWeekMs { get; private init; }

    /// <summary>How many weeks are counted (consecutive, from <see cref="FirstWeekMs"/>).</summary>
    public int Weeks { get; private init; }

    /// <summary>
    /// Well-being of the counted answers per arm, as exact integer sums: all that the snapshot uses of them. Which team
    /// or week an answer came from, and the answers themselves, are not kept.
    /// </summary>
    public Dictionary<string, StaffSums> ByArm { get; } = new(StringComparer.Ordinal);

    /// <summary>Groups (team × arm × week) of the counted weeks with fewer than k answers.</summary>
    public long SuppressedGroups { get; private set; }

    /// <summary>The answers of those groups.</summary>
    public long SuppressedAnswers { get; private set; }

    /// <summary>Answers of the counted weeks whose team or arm is not in the config.</summary>
    public long OutsideVocabulary { get; private set; }

    public static StaffSurveySelection Select(IReadOnlyList<StaffAnswer> answers, long fromMs, long toMs, long createdMs,
        IReadOnlyList<EarlierSnapshot> earlier, IReadOnlySet<string> teams, IReadOnlySet<string> arms, int k)
    {
        var first = StaffWeeks.StartAtOrAfter(fromMs);
        var end = Math.Min(StaffWeeks.StartOf(toMs), StaffWeeks.StartOf(createdMs - StaffWeeks.CloseAfterMs));
        var weeks = end > first ? (int)((end - first) / StaffWeeks.WeekMs) : 0;
        var selection = new StaffSurveySelection { FirstWeekMs = first, Weeks = weeks };
        if (weeks == 0)
        {
            return selection;
        }

        var published = new long[weeks];
        for (var w = 0; w < weeks; w++)
        {
            published[w] = PublishedAt(first + (w * StaffWeeks.WeekMs), createdMs, earlier);
        }

        var groups = new Dictionary<(string Team, string Arm, long Week), List<StaffAnswer>>();
        foreach (var answer in answers)
        {
            var week = StaffWeeks.StartOf(answer.TimeMs);
            if (week < first || week >= end || answer.ReceivedMs >= published[(week - first) / StaffWeeks.WeekMs])
            {
                continue;
            }

            if (!teams.Contains(answer.Team) || !arms.Contains(answer.Arm))
            {
                selection.OutsideVocabulary++;
                continue;
            }

            if (!groups.TryGetValue((answer.Team, answer.Arm, week), out var group))
            {
                groups.Add((answer.Team, answer.Arm, week), group = []);
            }

            group.Add(answer);
        }

        foreach (var group in groups.Values)
        {
            if (group.Count < k)
            {
                selection.SuppressedGroups++;
                selection.SuppressedAnswers += group.Count;
                continue;
            }

            foreach (var answer in group)
            {
                selection.ByArm[answer.Arm] = selection.ByArm.GetValueOrDefault(answer.Arm).Add(answer.Wellbeing);
            }
        }

        return selection;
    }

    /// <summary>
    /// When the week starting at <paramref name="weekMs"/> was first published: the earliest earlier snapshot whose period
    /// holds the week and that was made after the week closed, else this snapshot.
    /// </summary>
    private static long PublishedAt(long weekMs, long createdMs, IReadOnlyList<EarlierSnapshot> earlier)
    {
        var weekEnd = weekMs + StaffWeeks.WeekMs;
        var at = createdMs;
        foreach (var e in earlier)
        {
            if (e.FromMs <= weekMs && weekEnd <= e.ToMs && e.CreatedMs >= weekEnd + StaffWeeks.CloseAfterMs && e.CreatedMs < at)
            {
                at = e.CreatedMs;
            }
        }

        return at;
    }
}
