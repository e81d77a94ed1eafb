using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Tests.Snapshots;

public sealed class CaseRecordCodecTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);

    private static CaseRow Row(int i, string arm)
    {
        var row = new CaseRow
        {
            CaseId = arm + "-ärende-" + i.ToString("D4", CultureInfo.InvariantCulture),
            CaseType = i % 3 == 0 ? "direct-procurement-advice" : "building-permit-question",
            Arm = arm,
            StartedMs = From.AddMinutes(i).ToUnixTimeMilliseconds(),
            CompletedMs = i % 9 == 0 ? null : From.AddMinutes(i).ToUnixTimeMilliseconds() + (60_000L * (1 + (i % 13))),
            Outcome = i % 9 == 0 ? null : CaseOutcomes.All[i % 4],
            EffortSeconds = 100.5 + (i % 7),
            AiDurationMs = arm == "manual" ? 0 : 1500 + i,
            Escalations = i % 11 == 0 ? 1 : 0,
            Errors = i % 5 == 0 ? 2 : 0,
            Reviews = i % 2,
            ReviewsIncorrect = i % 4 == 1 ? 1 : 0,
            ReviewsConsistencySet = i % 2,
            ReviewsConsistent = i % 6 == 1 ? 1 : 0,
            IntegrationFailures = i % 17 == 0 ? 1 : 0,
            CsatCount = i % 3 == 0 ? 1 : 0,
            CsatSum = i % 3 == 0 ? 1 + (i % 5) : 0,
            NpsCount = i % 3 == 0 ? 1 : 0,
            NpsPromoters = i % 3 == 0 && i % 2 == 0 ? 1 : 0,
            NpsDetractors = i % 3 == 0 && i % 2 == 1 ? 1 : 0,
        };
        row.EffortByRole.Add(new RoleEffort("handlaggare", 60.5 + (i % 7)));
        row.EffortByRole.Add(new RoleEffort("kommunvagledare", 40));
        if (arm != "manual")
        {
            row.AiUsage.Add(new ModelUsage("gpt-4o-mini", 1000 + i, 200 + i, i % 2 == 0 ? 100 : 0, i % 2 == 0 ? 20 : 0, i % 2 == 0 ? 0.25 : 0));
            row.AiUsage.Add(new ModelUsage("mistral-small-3.1", 500, 50, 0, 0, 0));
        }

        return row;
    }

    [Fact]
    public void Read_EncodedRow_GivesTheSameRowBack()
    {
        var row = Row(10, "ai_assisted");
        var record = CaseRecordCodec.Encode(row);
        var back = new CaseRow();

        CaseRecordCodec.Read(record, back, new Utf8StringCache(), withCaseId: true);

        Assert.Equal(record.Length, CaseRecordCodec.Length(row));
        Assert.Equal(row.CaseId, back.CaseId);
        Assert.Equal((row.CaseType, row.Arm, row.StartedMs, row.CompletedMs, row.Outcome),
            (back.CaseType, back.Arm, back.StartedMs, back.CompletedMs, back.Outcome));
        Assert.Equal(CaseOutcomes.Abandoned, back.Outcome);
        Assert.Equal((row.EffortSeconds, row.AiDurationMs, row.Errors, row.ReviewsIncorrect, row.CsatSum, row.NpsDetractors),
            (back.EffortSeconds, back.AiDurationMs, back.Errors, back.ReviewsIncorrect, back.CsatSum, back.NpsDetractors));
        Assert.Equal(row.EffortByRole, back.EffortByRole);
        Assert.Equal(row.AiUsage, back.AiUsage);
        Assert.Equal(record, CaseRecordCodec.Encode(back));
    }

    [Fact]
    public void Read_OpenCaseWithoutCaseId_NullCompletionAndEmptyId()
    {
        var row = Row(9, "manual");
        var back = new CaseRow();

        CaseRecordCodec.Read(CaseRecordCodec.Encode(row), back, new Utf8StringCache(), withCaseId: false);

        Assert.Null(back.CompletedMs);
        Assert.Null(back.Outcome);
        Assert.Equal("", back.CaseId);
        Assert.Empty(back.AiUsage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(30)]
    [InlineData(-1)]
    public void Read_TruncatedOrTrailingBytes_ThrowsFormatException(int length)
    {
        var record = CaseRecordCodec.Encode(Row(1, "ai_assisted"));
        var bad = length >= 0 ? record[..length] : [.. record, 0];

        Assert.Throws<FormatException>(() => CaseRecordCodec.Read(bad, new CaseRow(), new Utf8StringCache(), withCaseId: false));
    }

    [Fact]
    public void AddCaseRecord_SameCasesAsAddCase_SameSnapshotBytes()
    {
        var request = new SnapshotRequest("snap-records", PilotAConfig.Pilot, From, From.AddDays(14), From.AddDays(15), PilotAConfig.Load());
        var rows = Enumerable.Range(0, 800).Select(i => Row(i, "ai_assisted"))
            .Concat(Enumerable.Range(0, 800).Select(i => Row(i, "manual")))
            .OrderBy(r => r.CaseId, StringComparer.Ordinal)
            .ToList();
        using var byRow = new SnapshotEngine(request);
        using var byRecord = new SnapshotEngine(request);

        foreach (var row in rows)
        {
            byRow.AddCase(row);
            byRecord.AddCaseRecord(CaseRecordCodec.Encode(row));
        }

        var expected = byRow.ComputeJson();
        Assert.Equal(expected, byRecord.ComputeJson());
        Assert.Equal(1600, (long)System.Text.Json.Nodes.JsonNode.Parse(expected)!["dataQuality"]!["casesInPeriod"]!);
        Assert.Equal(byRow.DataSha256, byRecord.DataSha256);
    }

    [Fact]
    public void AddCaseRecord_CaseIdsNotAscending_Throws()
    {
        using var engine = new SnapshotEngine(new SnapshotRequest("s", "demo", From, From.AddDays(1), From.AddDays(1), null));
        engine.AddCaseRecord(CaseRecordCodec.Encode(Row(2, "manual")));

        Assert.Throws<ArgumentException>(() => engine.AddCaseRecord(CaseRecordCodec.Encode(Row(1, "manual"))));
    }

    /// <summary>The byte stream docs/snapshots.md documents under "Verifying a snapshot", written independently with a BinaryWriter.</summary>
    [Fact]
    public void DataSha256_CasesSurveyAndMaintenance_IsSha256OfTheDocumentedByteStream()
    {
        // Hashed: the cases used, per arm the person-level sums of the staff answers counted (groups of 5 and 6 persons
        // in week 0), the maintenance. Not hashed: a case whose arm is not in the config, a group under k = 5 persons, an
        // answer of week 1 (not closed 2 days before the snapshot), an answer without a respondent, any team or person.
        var rows = new[] { Row(3, "ai_assisted"), Row(4, "manual") };
        var period = new SnapshotRequest("s", PilotAConfig.Pilot, From, From.AddDays(14), From.AddDays(15), PilotAConfig.Load());
        using var engine = new SnapshotEngine(period);
        foreach (var row in rows.Append(Row(5, "ai_automated")).OrderBy(r => r.CaseId, StringComparer.Ordinal))
        {
            engine.AddCase(row);
        }

        var counted = new (string Team, string Arm, int[] Scores)[]
        {
            ("permits", "manual", [5, 3, 4, 3, 4]),
            ("permits", "ai_assisted", [4, 4, 5, 5, 3]),
            ("procurement", "ai_assisted", [2, 3, 3, 4, 4, 1]),
        };
        foreach (var (team, arm, scores) in counted)
        {
            foreach (var (score, i) in scores.Select((s, i) => (s, i)))
            {
                engine.AddStaffSurvey(From.AddDays(4).AddMinutes(i), From.AddDays(4).AddMinutes(i), team, arm, Person(team + arm + i), score);
            }
        }

        engine.AddStaffSurvey(From.AddDays(4), From.AddDays(4), "procurement", "manual", Person("alone"), 2);
        engine.AddStaffSurvey(From.AddDays(4), From.AddDays(4), "permits", "manual", null, 1);
        engine.AddStaffSurvey(From.AddDays(11), From.AddDays(11), "permits", "manual", Person("permitsmanual0"), 1);
        engine.AddMaintenance(From.AddHours(5), 1.5, null, null);
        engine.ComputeJson();

        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            void Text(string value)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(value);
                w.Write(bytes.Length);
                w.Write(bytes);
            }

            foreach (var r in rows.OrderBy(r => r.CaseId, StringComparer.Ordinal))
            {
                w.Write((byte)'C');
                Text(r.CaseId);
                Text(r.CaseType);
                Text(r.Arm);
                w.Write(r.StartedMs);
                w.Write(r.CompletedMs ?? long.MinValue);
                Text(r.Outcome ?? "");
                w.Write(r.EffortSeconds);
                w.Write(r.AiDurationMs);
                foreach (var n in new[] { r.Escalations, r.Errors, r.Reviews, r.ReviewsIncorrect, r.ReviewsConsistencySet, r.ReviewsConsistent,
                             r.IntegrationFailures, r.CsatCount, r.CsatSum, r.NpsCount, r.NpsPromoters, r.NpsDetractors })
                {
                    w.Write(n);
                }

                w.Write(r.EffortByRole.Count);
                foreach (var (role, seconds) in r.EffortByRole)
                {
                    Text(role);
                    w.Write(seconds);
                }

                w.Write(r.AiUsage.Count);
                foreach (var u in r.AiUsage)
                {
                    Text(u.Model);
                    w.Write(u.InputTokens);
                    w.Write(u.OutputTokens);
                    w.Write(u.PricedInputTokens);
                    w.Write(u.PricedOutputTokens);
                    w.Write(u.CostSek);
                }
            }

            // Per arm shown, in byte order, the person-level sums: persons (i64), then the sum and the sum of squares of
            // the person means (f64, added in ascending order). Here every person answered once, so a person's mean is
            // their answer (ai_assisted: 11 persons, 38, 146; manual: 5, 19, 75).
            foreach (var arm in new[] { "ai_assisted", "manual" })
            {
                var means = counted.Where(g => g.Arm == arm).SelectMany(g => g.Scores).Select(x => (double)x).Order().ToList();
                double sum = 0, squares = 0;
                foreach (var mean in means)
                {
                    sum += mean;
                    squares += mean * mean;
                }

                w.Write((byte)'P');
                Text(arm);
                w.Write((long)means.Count);
                w.Write(sum);
                w.Write(squares);
            }

            w.Write((byte)'M');
            w.Write(From.AddHours(5).ToUnixTimeMilliseconds());
            w.Write(1.5);
            Text(""); // arm
            Text(""); // kind
        }

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream.ToArray())), engine.DataSha256);
    }

    /// <summary>A respondent pseudonym (64 lower-case hex digits) for a test person.</summary>
    private static string Person(string name) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)));

    [Fact]
    public void Get_SameBytesTwice_SameStringInstance()
    {
        var cache = new Utf8StringCache();

        var first = cache.Get("handläggare"u8);
        var second = cache.Get("handläggare"u8);

        Assert.Equal("handläggare", first);
        Assert.Same(first, second);
    }
}
