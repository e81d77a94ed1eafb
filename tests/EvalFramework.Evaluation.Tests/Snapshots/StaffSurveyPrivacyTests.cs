using System.Globalization;
using System.Text.Json.Nodes;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>
/// Staff-survey answers in snapshots are k-anonymous against differencing: a figure counts only whole ISO weeks (UTC)
/// that lie inside the period and have closed, only groups (team × arm × week) of at least k answers, and a week once
/// published never changes. So no two snapshots, whatever their periods and whenever they are made, differ by fewer
/// than k answers of a group.
/// </summary>
public sealed class StaffSurveyPrivacyTests
{
    // Monday 3 March 2025, 00:00 UTC: the start of ISO week 10.
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Made = Monday.AddDays(60);
    private const int K = 5;

    private sealed record Answer(DateTimeOffset Time, string Team, string Arm, int Wellbeing, DateTimeOffset? Received = null)
    {
        public DateTimeOffset ReceivedAt => Received ?? Time.AddSeconds(1);
    }

    private sealed record Earlier(DateTimeOffset From, DateTimeOffset To, DateTimeOffset CreatedAt);

    /// <summary>
    /// Four weeks of answers on the Friday of each week: permits 6 per arm, procurement 5 in the AI arm and 2 in the
    /// manual arm (under k: suppressed every week). Scores 2–5, so an answer of 1 would show in any mean it entered.
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
                answers.AddRange(scores.Select((score, i) => new Answer(friday.AddMinutes(i), team, arm, score)));
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
            engine.AddStaffSurvey(a.Time, a.ReceivedAt, a.Team, a.Arm, a.Wellbeing);
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
        answers.Add(new Answer(time, "permits", "ai_assisted", 1));

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
        answers.Add(new Answer(time, "permits", "ai_assisted", 1));

        var from = Make(time, Monday.AddDays(28), answers);
        var fromNextSecond = Make(time.AddSeconds(1), Monday.AddDays(28), answers);

        Assert.NotNull(Wellbeing(from, "ai_assisted")["value"]);
        Assert.Equal(StaffFigures(from), StaffFigures(fromNextSecond));
        Assert.Equal(StaffCsv(from), StaffCsv(fromNextSecond));
    }

    [Fact]
    public void Snapshots_EndingOneSecondApartAroundTheLastSecondOfAWeek_DifferByTheWholeWeekNeverOneAnswer()
    {
        // The later snapshot takes in the whole week that ends with the answer: its 12 AI-arm answers (permits 6 + the
        // answer, procurement 5) and 6 manual ones (procurement's 2 stay suppressed), never the one answer alone.
        var time = Monday.AddDays(21).AddSeconds(-1);
        var answers = Background();
        answers.Add(new Answer(time, "permits", "ai_assisted", 1));

        var before = Make(Monday, time, answers);
        var after = Make(Monday, time.AddSeconds(1), answers);

        Assert.Equal(12, (long)Wellbeing(after, "ai_assisted")["n"]! - (long)Wellbeing(before, "ai_assisted")["n"]!);
        Assert.Equal(6, (long)Wellbeing(after, "manual")["n"]! - (long)Wellbeing(before, "manual")["n"]!);
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
        // permits 6 a week in the manual arm, over four weeks: the 8 suppressed answers are in no figure.
        Assert.Equal(24, (long)Wellbeing(with, "manual")["n"]!);
    }

    [Fact]
    public void Snapshot_AnswerArrivingAfterItsWeekWasPublished_ChangesNothing()
    {
        // A first snapshot publishes weeks 0–3; one answer for week 1 arrives a day later (a client replaying an old
        // answer, or one person's late answer): a snapshot made after it must show the same staff figures.
        var to = Monday.AddDays(28);
        var first = Make(Monday, to, Background());
        var late = new Answer(Monday.AddDays(9), "permits", "ai_assisted", 1, Received: Made.AddHours(1));

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

        Assert.Equal(4 * (6 + 5), (long)Wellbeing(snapshot, "ai_assisted")["n"]!);
    }

    [Fact]
    public void Snapshot_WeekEndedLessThanTwoDaysBefore_LeftOut()
    {
        // Week 1 ended an hour before the snapshot: answers may still be on their way, so it is not published yet.
        var snapshot = Make(Monday, Monday.AddDays(14), Background(), createdAt: Monday.AddDays(14).AddHours(1));

        Assert.Equal(6 + 5, (long)Wellbeing(snapshot, "ai_assisted")["n"]!);
    }

    [Fact]
    public void Snapshot_PeriodCuttingWeeks_OnlyWholeWeeksCountAndTheWarningSaysWhich()
    {
        // From Wednesday of week 0 to Wednesday of week 3: weeks 1 and 2 are whole.
        var snapshot = Make(Monday.AddDays(2), Monday.AddDays(23), Background());

        Assert.Equal(2 * (6 + 5), (long)Wellbeing(snapshot, "ai_assisted")["n"]!);
        Assert.Contains(JsonNode.Parse(snapshot)!["dataQuality"]!["warnings"]!.AsArray(), w => ((string)w!).Contains(
            "2 complete week(s), 2025-03-10 to 2025-03-23", StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshot_GroupOfExactlyKInAWeek_ShownWithItsMean()
    {
        var answers = new[] { 3, 4, 4, 5, 4 }.Select((s, i) => new Answer(Monday.AddDays(4).AddMinutes(i), "permits", "manual", s));

        var wellbeing = Wellbeing(Make(Monday, Monday.AddDays(7), answers), "manual");

        Assert.Equal(4, (double)wellbeing["value"]!, 12);
        Assert.Equal(K, (long)wellbeing["n"]!);
    }

    [Fact]
    public void Snapshot_GroupOfKMinusOneInAWeek_NoFigure()
    {
        var answers = new[] { 3, 4, 4, 5 }.Select((s, i) => new Answer(Monday.AddDays(4).AddMinutes(i), "permits", "manual", s));

        var snapshot = Make(Monday, Monday.AddDays(7), answers);

        Assert.Null(Wellbeing(snapshot, "manual")["value"]);
        Assert.Equal(0, (long)Wellbeing(snapshot, "manual")["n"]!);
        Assert.Equal(1, (long)JsonNode.Parse(snapshot)!["dataQuality"]!["suppressedStaffGroups"]!);
    }

    /// <summary>One week's answers: each group's scores in order, on the Friday of week 0.</summary>
    private static List<Answer> Week(params (string Team, string Arm, int[] Scores)[] groups) =>
        [.. groups.SelectMany((g, j) => g.Scores.Select((score, i) => new Answer(Monday.AddDays(4).AddHours(j).AddMinutes(i), g.Team, g.Arm, score)))];

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
    public void Snapshots_AnswersWithTheSameCountSumAndSumOfSquares_SameBytes()
    {
        // 1, 4, 4 and 2, 2, 5 have the same count, sum (9) and sum of squares (33), hence the same mean, n and
        // interval: the snapshot, its data hash included, must not tell them apart.
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
    public void DataSha256_StaffRecordsRebuiltFromThePublishedFiguresAlone_SameHash()
    {
        // Whatever the hash takes of staff answers follows from the published figures (n, mean, interval and the
        // confidence level), so brute-forcing the hash can find nothing finer than what the snapshot shows.
        var answerSets = new[]
        {
            Background(),
            Week(("permits", "manual", [1, 3, 3, 4, 4, 5]), ("procurement", "manual", [2, 3, 3, 4, 4])),
            Week(("permits", "manual", [4, 4, 4, 4, 4]), ("procurement", "ai_assisted", [1, 5, 1, 5, 1, 5, 3])),
        };
        foreach (var answers in answerSets)
        {
            var json = Make(Monday, Monday.AddDays(28), answers);
            var root = JsonNode.Parse(json)!;
            var level = (double)root["settings"]!["confidenceLevel"]!;

            using var stream = new MemoryStream();
            using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                foreach (var row in Cases(["ai_assisted", "manual"]))
                {
                    w.Write(CaseRecordCodec.Encode(row));
                }

                foreach (var arm in new[] { "ai_assisted", "manual" })
                {
                    var figure = Wellbeing(json, arm);
                    var n = (long)figure["n"]!;
                    if (n == 0)
                    {
                        continue;
                    }

                    var sum = Math.Round((double)figure["value"]! * n);
                    var sumOfSquares = sum * sum / n;
                    if (n > 1)
                    {
                        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - level) / 2));
                        var s = ((double)figure["ciHigh"]! - (double)figure["ciLow"]!) / 2 * Math.Sqrt(n) / t;
                        sumOfSquares += (n - 1) * s * s;
                    }

                    w.Write((byte)'S');
                    w.Write(System.Text.Encoding.UTF8.GetByteCount(arm));
                    w.Write(System.Text.Encoding.UTF8.GetBytes(arm));
                    w.Write(n);
                    w.Write((long)sum);
                    w.Write((long)Math.Round(sumOfSquares));
                }
            }

            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream.ToArray())), DataSha256(json));
        }
    }
}
