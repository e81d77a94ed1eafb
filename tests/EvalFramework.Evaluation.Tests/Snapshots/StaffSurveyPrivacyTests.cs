using System.Globalization;
using System.Text.Json.Nodes;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>
/// Staff-survey answers in snapshots are k-anonymous against differencing and analysed per person: a figure counts only
/// whole ISO weeks (UTC) that lie inside the period and have closed, only answers with a respondent, only groups
/// (team × arm × week) in which at least k persons answered, and a week once published never changes. So no two
/// snapshots, whatever their periods and whenever they are made, differ by the answers of fewer than k persons of a
/// group. Each person's answers are averaged per week, then over the weeks; the arm's figure is the mean of the person
/// means, n the persons.
/// </summary>
public sealed class StaffSurveyPrivacyTests
{
    // Monday 3 March 2025, 00:00 UTC: the start of ISO week 10.
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Made = Monday.AddDays(60);
    private const int K = 5;

    private sealed record Answer(DateTimeOffset Time, string Team, string Arm, int Wellbeing, DateTimeOffset? Received = null, string? Person = null)
    {
        public DateTimeOffset ReceivedAt => Received ?? Time.AddSeconds(1);

        /// <summary>The respondent pseudonym sent: 64 hex digits from the person's name (none when the name is empty).</summary>
        public string? Respondent => Person is "" ? null : Pseudonym(Person ?? Team + "/" + Arm + "/" + Wellbeing);
    }

    private static string Pseudonym(string name) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)));

    private sealed record Earlier(DateTimeOffset From, DateTimeOffset To, DateTimeOffset CreatedAt);

    /// <summary>
    /// Four weeks of answers on the Friday of each week, by the same persons every week (person i of a group answers the
    /// i-th score): permits 6 per arm, procurement 5 in the AI arm and 2 in the manual arm (under k: suppressed every
    /// week). Scores 2–5, so an answer of 1 would show in any mean it entered.
    /// </summary>
    private static List<Answer> Background(int[]? smallGroupScores = null)
    {
        var answers = new List<Answer>();
        for (var week = 0; week < 4; week++)
        {
            var friday = Monday.AddDays((7 * week) + 4).AddHours(14);
            var groups = new (string Team, string Arm, int[] Scores)[]
            {
                ("permits", "manual", [3, 4, 4, 5, 3, 4]),
                ("permits", "ai_assisted", [4, 4, 5, 5, 3, 4]),
                ("procurement", "ai_assisted", [3, 3, 4, 4, 5]),
                ("procurement", "manual", smallGroupScores ?? [2, 3]),
            };
            foreach (var (team, arm, scores) in groups)
            {
                answers.AddRange(scores.Select((score, i) => new Answer(friday.AddMinutes(i), team, arm, score, Person: $"{team}/{arm}/{i}")));
            }
        }

        return answers;
    }

    /// <summary>
    /// The snapshot JSON of [from, to), fed as the collector feeds it: the cases started in the period and the answers
    /// whose time is in the period and that have arrived by <paramref name="createdAt"/>.
    /// </summary>
    private static byte[] Make(DateTimeOffset from, DateTimeOffset to, IEnumerable<Answer> answers, DateTimeOffset? createdAt = null,
        params Earlier[] earlier) => MakeWithCasesIn(["ai_assisted", "manual"], from, to, answers, createdAt ?? Made, earlier);

    /// <summary>As <see cref="Make"/>, with cases in the given arms only.</summary>
    private static byte[] MakeWithCasesIn(string[] caseArms, DateTimeOffset from, DateTimeOffset to, IEnumerable<Answer> answers,
        DateTimeOffset made, params Earlier[] earlier)
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("snap-staff", PilotAConfig.Pilot, from, to, made, PilotAConfig.Load()));
        foreach (var row in Cases(caseArms))
        {
            engine.AddCase(row);
        }

        foreach (var a in answers.Where(a => a.Time >= from && a.Time < to && a.ReceivedAt <= made))
        {
            engine.AddStaffSurvey(a.Time, a.ReceivedAt, a.Team, a.Arm, a.Respondent, a.Wellbeing);
        }

        foreach (var e in earlier)
        {
            engine.AddEarlierSnapshot(e.From, e.To, e.CreatedAt);
        }

        return engine.ComputeJson();
    }

    /// <summary>Ten completed cases per arm, in case id byte order.</summary>
    private static IEnumerable<CaseRow> Cases(string[] arms)
    {
        foreach (var arm in arms.Order(StringComparer.Ordinal))
        {
            for (var i = 0; i < 10; i++)
            {
                var row = new CaseRow
                {
                    CaseId = arm + "-" + i.ToString("D3", CultureInfo.InvariantCulture),
                    CaseType = "building-permit-question",
                    Arm = arm,
                    StartedMs = Monday.AddHours(i + 1).ToUnixTimeMilliseconds(),
                    CompletedMs = Monday.AddHours(i + 2).ToUnixTimeMilliseconds(),
                    Outcome = CaseOutcomes.Resolved,
                    EffortSeconds = 300 + i,
                };
                row.EffortByRole.Add(new RoleEffort("handlaggare", row.EffortSeconds));
                yield return row;
            }
        }
    }

    private static JsonNode Wellbeing(byte[] json, string arm) =>
        JsonNode.Parse(json)!["caseTypes"]![0]!["arms"]!.AsArray().Single(a => (string)a!["arm"]! == arm)!["metrics"]!["staff_wellbeing_mean"]!;

    /// <summary>Everything of a snapshot that staff answers can reach: the well-being figures, the data quality section and the data hash.</summary>
    private static string StaffFigures(byte[] json)
    {
        var root = JsonNode.Parse(json)!;
        var figures = new JsonObject();
        foreach (var caseType in root["caseTypes"]!.AsArray())
        {
            foreach (var arm in caseType!["arms"]!.AsArray())
            {
                figures[(string)caseType["caseType"]! + "/" + (string)arm!["arm"]!] = arm["metrics"]!["staff_wellbeing_mean"]!.DeepClone();
            }
        }

        figures["dataQuality"] = root["dataQuality"]!.DeepClone();
        figures["dataSha256"] = root["dataSha256"]!.DeepClone();
        return figures.ToJsonString();
    }

    private static string StaffCsv(byte[] json) =>
        string.Join('\n', SnapshotCsv.FromJson(json).Split('\n').Where(line => line.Contains(",staff_wellbeing_mean,", StringComparison.Ordinal)));

    [Theory]
    [InlineData("2025-03-19T13:37:00Z")] // a Wednesday: mid-week
    [InlineData("2025-03-17T00:00:00Z")] // the first second of a week: the earlier snapshot ends exactly at a week's start
    public void Snapshots_EndingOneSecondApartAroundOneAnswer_IdenticalStaffFiguresInJsonAndCsv(string at)
    {
        var time = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
        var answers = Background();
        answers.Add(new Answer(time, "permits", "ai_assisted", 1, Person: "permits/ai_assisted/0"));

        var before = Make(Monday, time, answers);
        var after = Make(Monday, time.AddSeconds(1), answers);

        Assert.NotNull(Wellbeing(after, "ai_assisted")["value"]);
        Assert.Equal(StaffFigures(before), StaffFigures(after));
        Assert.Equal(StaffCsv(before), StaffCsv(after));
        Assert.Contains(",staff_wellbeing_mean,", StaffCsv(after), StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshots_StartingOneSecondApartAroundOneAnswer_IdenticalStaffFiguresInJsonAndCsv()
    {
        var time = Monday.AddDays(9).AddHours(8); // Wednesday of week 1
        var answers = Background();
        answers.Add(new Answer(time, "permits", "ai_assisted", 1, Person: "permits/ai_assisted/0"));

        var from = Make(time, Monday.AddDays(28), answers);
        var fromNextSecond = Make(time.AddSeconds(1), Monday.AddDays(28), answers);

        Assert.NotNull(Wellbeing(from, "ai_assisted")["value"]);
        Assert.Equal(StaffFigures(from), StaffFigures(fromNextSecond));
        Assert.Equal(StaffCsv(from), StaffCsv(fromNextSecond));
    }

    [Fact]
    public void Snapshots_EndingOneSecondApartAroundTheLastSecondOfAWeek_DifferByTheWholeWeekNeverOneAnswer()
    {
        // The later snapshot takes in the whole week that ends with the answer (all of its groups of at least k persons),
        // never the one answer alone: its staff figures are those of the two whole weeks before and of the three whole
        // weeks up to the answer's week's end.
        var time = Monday.AddDays(21).AddSeconds(-1);
        var answers = Background();
        answers.Add(new Answer(time, "permits", "ai_assisted", 1, Person: "permits/ai_assisted/0"));

        var before = Make(Monday, time, answers);
        var after = Make(Monday, time.AddSeconds(1), answers);

        Assert.Equal(Wellbeing(Make(Monday, Monday.AddDays(14), answers), "ai_assisted").ToJsonString(), Wellbeing(before, "ai_assisted").ToJsonString());
        Assert.Equal(Wellbeing(Make(Monday, Monday.AddDays(21), answers), "ai_assisted").ToJsonString(), Wellbeing(after, "ai_assisted").ToJsonString());
        Assert.NotEqual(Wellbeing(before, "ai_assisted").ToJsonString(), Wellbeing(after, "ai_assisted").ToJsonString());
        Assert.Equal(11, (long)Wellbeing(after, "ai_assisted")["n"]!);
    }

    [Fact]
    public void Snapshot_SuppressedGroupAnswersChanged_SameBytes()
    {
        // procurement × manual has 2 answers a week (k = 5): whatever they say, no published number moves.
        var low = Make(Monday, Monday.AddDays(28), Background(smallGroupScores: [1, 1]));
        var high = Make(Monday, Monday.AddDays(28), Background(smallGroupScores: [5, 5]));

        Assert.Equal(low, high);
        Assert.Equal(4, (long)JsonNode.Parse(low)!["dataQuality"]!["suppressedStaffGroups"]!);
    }

    [Fact]
    public void Snapshot_SuppressedGroupLeftOut_SameFiguresAndHash()
    {
        var with = Make(Monday, Monday.AddDays(28), Background());
        var without = Make(Monday, Monday.AddDays(28), Background().Where(a => a is not { Team: "procurement", Arm: "manual" }));

        Assert.Equal(JsonNode.Parse(with)!["caseTypes"]!.ToJsonString(), JsonNode.Parse(without)!["caseTypes"]!.ToJsonString());
        Assert.Equal((string)JsonNode.Parse(with)!["dataSha256"]!, (string)JsonNode.Parse(without)!["dataSha256"]!);
        // permits' 6 persons in the manual arm: the 2 persons of the suppressed group are in no figure.
        Assert.Equal(6, (long)Wellbeing(with, "manual")["n"]!);
    }

    [Fact]
    public void Snapshot_AnswerArrivingAfterItsWeekWasPublished_ChangesNothing()
    {
        // A first snapshot publishes weeks 0–3; one answer for week 1 arrives a day later (a client replaying an old
        // answer, or one person's late answer): a snapshot made after it must show the same staff figures.
        var to = Monday.AddDays(28);
        var first = Make(Monday, to, Background());
        var late = new Answer(Monday.AddDays(9), "permits", "ai_assisted", 1, Received: Made.AddHours(1), Person: "permits/ai_assisted/0");

        var second = Make(Monday, to, [.. Background(), late], Made.AddDays(1), new Earlier(Monday, to, Made));

        Assert.Equal(StaffFigures(first), StaffFigures(second));
    }

    [Fact]
    public void Snapshot_AnswersReceivedLongAfterTheirWeekNotYetPublished_Count()
    {
        // A backfill: history sent today is counted by the first snapshot that publishes its weeks.
        var backfill = Background().Select(a => a with { Received = Made.AddHours(-1) }).ToList();
        var earlierOfAnotherPeriod = new Earlier(Monday.AddDays(28), Monday.AddDays(35), Made.AddHours(-3));

        var snapshot = Make(Monday, Monday.AddDays(28), backfill, Made, earlierOfAnotherPeriod);

        Assert.Equal(6 + 5, (long)Wellbeing(snapshot, "ai_assisted")["n"]!);
        Assert.Contains(JsonNode.Parse(snapshot)!["dataQuality"]!["warnings"]!.AsArray(), w => ((string)w!).Contains(
            ": 4 complete week(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshot_WeekEndedLessThanTwoDaysBefore_LeftOut()
    {
        // Week 1 ended an hour before the snapshot: answers may still be on their way, so it is not published yet.
        var snapshot = Make(Monday, Monday.AddDays(14), Background(), createdAt: Monday.AddDays(14).AddHours(1));

        Assert.Equal(6 + 5, (long)Wellbeing(snapshot, "ai_assisted")["n"]!);
        Assert.Contains(JsonNode.Parse(snapshot)!["dataQuality"]!["warnings"]!.AsArray(), w => ((string)w!).Contains(
            ": 1 complete week(s), 2025-03-03 to 2025-03-09", StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshot_PeriodCuttingWeeks_OnlyWholeWeeksCountAndTheWarningSaysWhich()
    {
        // From Wednesday of week 0 to Wednesday of week 3: weeks 1 and 2 are whole.
        var snapshot = Make(Monday.AddDays(2), Monday.AddDays(23), Background());

        Assert.Equal(6 + 5, (long)Wellbeing(snapshot, "ai_assisted")["n"]!);
        Assert.Contains(JsonNode.Parse(snapshot)!["dataQuality"]!["warnings"]!.AsArray(), w => ((string)w!).Contains(
            "2 complete week(s), 2025-03-10 to 2025-03-23", StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshot_GroupOfExactlyKInAWeek_ShownWithItsMean()
    {
        var answers = new[] { 3, 4, 4, 5, 4 }.Select((s, i) => new Answer(Monday.AddDays(4).AddMinutes(i), "permits", "manual", s, Person: "p" + i));

        var wellbeing = Wellbeing(Make(Monday, Monday.AddDays(7), answers), "manual");

        Assert.Equal(4, (double)wellbeing["value"]!, 12);
        Assert.Equal(K, (long)wellbeing["n"]!);
    }

    [Fact]
    public void Snapshot_GroupOfKMinusOneInAWeek_NoFigure()
    {
        var answers = new[] { 3, 4, 4, 5 }.Select((s, i) => new Answer(Monday.AddDays(4).AddMinutes(i), "permits", "manual", s, Person: "p" + i));

        var snapshot = Make(Monday, Monday.AddDays(7), answers);

        Assert.Null(Wellbeing(snapshot, "manual")["value"]);
        Assert.Equal(0, (long)Wellbeing(snapshot, "manual")["n"]!);
        Assert.Equal(1, (long)JsonNode.Parse(snapshot)!["dataQuality"]!["suppressedStaffGroups"]!);
    }

    /// <summary>One week's answers: each group's scores in order, on the Friday of week 0, each by a person of its own.</summary>
    private static List<Answer> Week(params (string Team, string Arm, int[] Scores)[] groups) =>
        [.. groups.SelectMany((g, j) => g.Scores.Select((score, i) =>
            new Answer(Monday.AddDays(4).AddHours(j).AddMinutes(i), g.Team, g.Arm, score, Person: $"{g.Team}/{g.Arm}/{i}")))];

    private static string Text(byte[] json) => System.Text.Encoding.UTF8.GetString(json);

    private static string DataSha256(byte[] json) => (string)JsonNode.Parse(json)!["dataSha256"]!;

    [Fact]
    public void Snapshots_SameArmAnswersSplitDifferentlyBetweenTeams_SameBytes()
    {
        // The snapshot publishes well-being per arm, so nothing in it, the data hash included, may tell how an arm's
        // answers split between its teams: a hash over per-answer records let the split be brute-forced back.
        var split = Week(("permits", "manual", [1, 3, 3, 4, 4, 5]), ("procurement", "manual", [2, 3, 3, 4, 4]),
            ("permits", "ai_assisted", [4, 4, 5, 5, 3]));
        var otherSplit = Week(("permits", "manual", [2, 3, 3, 4, 4, 5]), ("procurement", "manual", [1, 3, 3, 4, 4]),
            ("procurement", "ai_assisted", [4, 4, 5, 5, 3]));

        var first = Make(Monday, Monday.AddDays(7), split);

        Assert.Equal(11, (long)Wellbeing(first, "manual")["n"]!);
        Assert.Equal(Text(first), Text(Make(Monday, Monday.AddDays(7), otherSplit)));
    }

    [Fact]
    public void Snapshots_PersonMeansWithTheSameCountSumAndSumOfSquares_SameBytes()
    {
        // Person means 1, 4, 4 and 2, 2, 5 have the same count, sum (9) and sum of squares (33), hence the same mean, n
        // and interval: the snapshot, its data hash included, must not tell them apart.
        var one = Make(Monday, Monday.AddDays(7), Week(("permits", "manual", [1, 4, 4, 3, 3])));
        var other = Make(Monday, Monday.AddDays(7), Week(("permits", "manual", [2, 2, 5, 3, 3])));

        Assert.Equal(Text(one), Text(other));
    }

    [Fact]
    public void Snapshots_APublishedStaffAggregateChanged_DataHashChanges()
    {
        var base5 = Week(("permits", "manual", [3, 3, 3, 3, 3]));
        var sum = Week(("permits", "manual", [3, 3, 3, 3, 4]));
        var sumOfSquares = Week(("permits", "manual", [2, 4, 3, 3, 3])); // same count and sum: only the interval moves
        var count = Week(("permits", "manual", [3, 3, 3, 3, 3, 3])); // same mean
        var arm = Week(("permits", "ai_assisted", [3, 3, 3, 3, 3])); // the same answers in the other arm

        var snapshots = new[] { base5, sum, sumOfSquares, count, arm, [] }.Select(a => Make(Monday, Monday.AddDays(7), a)).ToList();

        Assert.Equal(snapshots.Count, snapshots.Select(DataSha256).Distinct().Count());
        Assert.Equal(snapshots.Count, snapshots.Select(s => Wellbeing(s, "manual").ToJsonString() + Wellbeing(s, "ai_assisted").ToJsonString())
            .Distinct().Count());
    }

    [Fact]
    public void Snapshot_AnswersOfAnArmWithNoCase_InNoFigureAndNotInTheDataHash()
    {
        // Staff well-being is shown under the arms that have cases; an arm without one shows no staff figure, so its
        // answers must not reach the data hash either.
        var manual = ("permits", "manual", new[] { 3, 4, 4, 5, 3 });
        var withAi = MakeWithCasesIn(["manual"], Monday, Monday.AddDays(7), Week(manual, ("permits", "ai_assisted", [1, 1, 2, 1, 1])), Made);
        var without = MakeWithCasesIn(["manual"], Monday, Monday.AddDays(7), Week(manual), Made);

        Assert.Equal(Text(without), Text(withAi));
        Assert.Equal(5, (long)Wellbeing(withAi, "manual")["n"]!);
    }

    [Fact]
    public void Snapshots_DifferentAnswersGivingTheSamePersonMeans_SameBytes()
    {
        // The hash takes staff answers only as person-level sums: answers that give every person the same mean (3 from
        // 3 and 3, or from 2 and 4, or from 1 in one week and 5 in the next) give the same snapshot, byte for byte.
        List<Answer> Of(params int[][] weeks) => [.. weeks.SelectMany((scores, w) => scores.Select((score, i) =>
            new Answer(Monday.AddDays((7 * w) + 4).AddMinutes(i), "permits", "manual", score, Person: "p" + (i % 5))))];

        var plain = Make(Monday, Monday.AddDays(14), Of([3, 3, 3, 3, 3], [3, 3, 3, 3, 3]));
        var spread = Make(Monday, Monday.AddDays(14), Of([2, 3, 3, 3, 3], [4, 3, 3, 3, 3]));
        var twice = Make(Monday, Monday.AddDays(14), Of([1, 3, 3, 3, 3], [5, 3, 3, 3, 3, 5]));

        Assert.Equal(5, (long)Wellbeing(plain, "manual")["n"]!);
        Assert.Equal(Text(plain), Text(spread));
        Assert.Equal(Text(plain), Text(twice));
    }

    [Fact]
    public void Snapshot_KAnswersFromFewerThanKPersons_NoFigure()
    {
        // Five answers, but by two persons: k counts persons, so one person answering often fills no group.
        var answers = new[] { 3, 4, 4, 5, 4 }.Select((s, i) => new Answer(Monday.AddDays(4).AddMinutes(i), "permits", "manual", s, Person: "p" + (i % 2)));

        var snapshot = Make(Monday, Monday.AddDays(7), answers);

        Assert.Null(Wellbeing(snapshot, "manual")["value"]);
        Assert.Equal(1, (long)JsonNode.Parse(snapshot)!["dataQuality"]!["suppressedStaffGroups"]!);
        Assert.Contains(JsonNode.Parse(snapshot)!["dataQuality"]!["warnings"]!.AsArray(), w => ((string)w!).StartsWith(
            "1 staff-survey group(s) (team × arm × week) have fewer than 5 persons answering: their 5 answer(s) are left out", StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshot_AnswersWithoutRespondent_LeftOutAndCountedInAWarning()
    {
        var answers = Week(("permits", "manual", [3, 4, 4, 5, 4]));
        answers.AddRange(new[] { 1, 1, 1, 1, 1, 1 }.Select((s, i) => new Answer(Monday.AddDays(4).AddHours(5).AddMinutes(i), "permits", "manual", s, Person: "")));

        var snapshot = Make(Monday, Monday.AddDays(7), answers);

        Assert.Equal(4, (double)Wellbeing(snapshot, "manual")["value"]!, 12);
        Assert.Equal(5, (long)Wellbeing(snapshot, "manual")["n"]!);
        Assert.Contains(JsonNode.Parse(snapshot)!["dataQuality"]!["warnings"]!.AsArray(), w => ((string)w!).StartsWith(
            "6 staff-survey answer(s) carry no respondent: left out", StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshot_PersonAnsweringSeveralTimes_MeanOfPersonMeansWithAStudentTIntervalOnPersons()
    {
        // Person means 3 (3, 3), 4, 4 (4, 4, 4), 5 and 4.5 (4, 5), all in one week: the figure is their mean, 4.1, not
        // the mean of the nine answers (4.0), with n = 5 persons. Expected interval from Python/SciPy:
        // x = [3, 4, 4, 5, 4.5]; x.mean() ± scipy.stats.t.ppf(0.975, 4) · x.std(ddof=1) / √5.
        var scores = new (string Person, int Score)[] { ("a", 3), ("a", 3), ("b", 4), ("c", 4), ("c", 4), ("c", 4), ("d", 5), ("e", 4), ("e", 5) };
        var answers = scores.Select((x, i) => new Answer(Monday.AddDays(4).AddMinutes(i), "permits", "manual", x.Score, Person: x.Person));

        var wellbeing = Wellbeing(Make(Monday, Monday.AddDays(7), answers), "manual");

        Assert.Equal(4.1, (double)wellbeing["value"]!, 12);
        Assert.Equal(5, (long)wellbeing["n"]!);
        Assert.Equal(3.179157333504007, (double)wellbeing["ciLow"]!, 9);
        Assert.Equal(5.020842666495993, (double)wellbeing["ciHigh"]!, 9);
    }

    [Fact]
    public void Snapshot_PersonAnsweringInTwoWeeks_EachWeekWeighsTheSame()
    {
        // Person p0 answers 1 in week 0 and 5 twice in week 1: week means 1 and 5, person mean 3 (not 11/3); the other
        // four answer 3 once a week. Every person mean is 3.
        var answers = new List<Answer> { new(Monday.AddDays(4), "permits", "manual", 1, Person: "p0") };
        answers.AddRange(new[] { 5, 5 }.Select((s, i) => new Answer(Monday.AddDays(11).AddMinutes(i), "permits", "manual", s, Person: "p0")));
        for (var week = 0; week < 2; week++)
        {
            answers.AddRange(Enumerable.Range(1, 4).Select(i => new Answer(Monday.AddDays((7 * week) + 4).AddHours(i), "permits", "manual", 3, Person: "p" + i)));
        }

        var wellbeing = Wellbeing(Make(Monday, Monday.AddDays(14), answers), "manual");

        Assert.Equal(3, (double)wellbeing["value"]!, 12);
        Assert.Equal(5, (long)wellbeing["n"]!);
    }
}
