namespace EvalFramework.Evaluation.Privacy;

/// <summary>
/// Which staff-survey answers a snapshot counts, and how: the rule that keeps them k-anonymous against differencing,
/// and the unit of analysis, the person.
/// <list type="number">
/// <item>Only whole weeks (<see cref="StaffWeeks"/>: ISO weeks in UTC) inside the period that ended at least two days
/// before the snapshot is made. Any two snapshots therefore differ by whole weeks, never by part of one.</item>
/// <item>A week, once published (by an earlier snapshot whose period held it and that was made after it closed, or by
/// this one), keeps the answers received before that first publication: a later arrival never changes it.</item>
/// <item>Only answers whose team and arm are in the pilot's config.</item>
/// <item>Only answers with a respondent (the staff member's pseudonym, contract v2): the unit is the person, so an
/// answer that names no one cannot be placed. Those without are counted and left out.</item>
/// <item>Only groups (team × arm × week) in which at least k distinct persons answered; a smaller group is in no
/// figure, not even a total. One person answering k times fills no group.</item>
/// </list>
/// Each person's counted answers are averaged per week, and the week means over the weeks: the person mean. The arm's
/// figure is the mean of its person means. So each week's counted set is fixed once it can be seen, and is made of
/// groups of at least k persons: whatever snapshots one compares, the difference comes from whole groups of at least k
/// persons, never from one person's answers.
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
    /// Well-being per arm at the unit of persons (count, sum and sum of squares of the person means): all that the
    /// snapshot uses of the answers. Which person, team or week an answer came from, and the answers themselves, are not kept.
    /// </summary>
    public Dictionary<string, StaffPersonSums> ByArm { get; } = new(StringComparer.Ordinal);

    /// <summary>Groups (team × arm × week) of the counted weeks in which fewer than k persons answered.</summary>
    public long SuppressedGroups { get; private set; }

    /// <summary>The answers of those groups.</summary>
    public long SuppressedAnswers { get; private set; }

    /// <summary>Answers of the counted weeks whose team or arm is not in the config.</summary>
    public long OutsideVocabulary { get; private set; }

    /// <summary>Answers of the counted weeks (team and arm in the config) that carry no respondent.</summary>
    public long WithoutRespondent { get; private set; }

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

            if (answer.Respondent is null)
            {
                selection.WithoutRespondent++;
                continue;
            }

            if (!groups.TryGetValue((answer.Team, answer.Arm, week), out var group))
            {
                groups.Add((answer.Team, answer.Arm, week), group = []);
            }

            group.Add(answer);
        }

        // Per arm and person, the counted answers of each week (sum, count), weeks in order.
        var persons = new Dictionary<(string Arm, string Respondent), SortedDictionary<long, (long Sum, long Count)>>();
        foreach (var ((_, arm, week), group) in groups)
        {
            if (group.Select(a => a.Respondent).Distinct(StringComparer.Ordinal).Count() < k)
            {
                selection.SuppressedGroups++;
                selection.SuppressedAnswers += group.Count;
                continue;
            }

            foreach (var answer in group)
            {
                if (!persons.TryGetValue((arm, answer.Respondent!), out var weeksOfPerson))
                {
                    persons.Add((arm, answer.Respondent!), weeksOfPerson = []);
                }

                var (sum, count) = weeksOfPerson.GetValueOrDefault(week);
                weeksOfPerson[week] = (sum + answer.Wellbeing, count + 1);
            }
        }

        foreach (var byArm in persons.GroupBy(p => p.Key.Arm, StringComparer.Ordinal))
        {
            selection.ByArm[byArm.Key] = StaffPersonSums.Of(byArm.Select(p => PersonMean(p.Value)));
        }

        return selection;
    }

    /// <summary>A person's mean: the mean of their week means (each week weighs the same, however often they answered in it).</summary>
    private static double PersonMean(SortedDictionary<long, (long Sum, long Count)> weeks)
    {
        var total = 0.0;
        foreach (var (sum, count) in weeks.Values)
        {
            total += (double)sum / count;
        }

        return total / weeks.Count;
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
