using EvalFramework.Contract;
using EvalFramework.Contract.Tests;
using EvalFramework.Tests.Support;
using EvalFramework.Tracking;

namespace EvalFramework.Tests;

public sealed class AssignTests
{
    // The pseudonym key, salt and expected unit ids and arms are docs/assignment.md's test vectors (computed there with
    // Python's hmac module; the unit ids are the HMAC-SHA256 pseudonyms of the references under this key).
    private const string PseudonymKey = "example-pseudonym-key-2026";
    private const string Salt = "example-assignment-salt-2026";

    private static CaseTracker Tracker(string unit, TimeProvider? clock = null, RecordingHandler? handler = null,
        params (string Name, double Share)[] arms) =>
        CaseTracker.Create(TestTrackers.Options(o =>
        {
            o.PseudonymKey = PseudonymKey;
            o.AssignmentSalt = Salt;
            o.AssignmentUnit = unit;
            o.AssignmentArms = [.. (arms.Length > 0 ? arms : [("manual", 0.5), ("ai_assisted", 0.5)])
                .Select(a => new AssignmentArm { Name = a.Name, Share = a.Share })];
        }), handler: handler ?? new RecordingHandler(), timeProvider: clock);

    [Fact]
    public async Task Assign_UnitCase_ArmOfTheCasePseudonymAsInTheDoc()
    {
        await using var tracker = Tracker(AssignmentUnits.Case);

        var first = tracker.Assign("building-permit-question", "DNR-2025-000123");
        var second = tracker.Assign("building-permit-question", "DNR-2025-000124");

        Assert.Equal("a102eb16262768c0e2e3387986d0a4fab7c3dc99742b3acab1c0ce41d2b2e87d", first.UnitId);
        Assert.Equal(first.CaseId, first.UnitId);
        Assert.Equal(("case", "manual"), (first.Unit, first.Arm));
        Assert.Equal("ai_assisted", second.Arm);
    }

    [Fact]
    public async Task Assign_UnitHandler_ArmOfTheHandlerPseudonymForEveryCaseAndCaseType()
    {
        await using var tracker = Tracker(AssignmentUnits.Handler);

        var a = tracker.Assign("building-permit-question", "DNR-2025-000123", "staff-1042");
        var b = tracker.Assign("noise-complaint", "DNR-2025-000999", "staff-1042");
        var other = tracker.Assign("building-permit-question", "DNR-2025-000123", "staff-2077");

        Assert.Equal("3d108acf4c07c29121d7438f0cc95cd0a3830300d73ea0184187004ffbdd6fd3", a.UnitId);
        Assert.Equal(("ai_assisted", a.UnitId), (b.Arm, b.UnitId));
        Assert.Equal("ai_assisted", a.Arm);
        Assert.Equal("manual", other.Arm);
        Assert.NotEqual(a.CaseId, b.CaseId);
    }

    [Fact]
    public async Task Assign_UnitTeamWithThreeArms_ArmsAsInTheDoc()
    {
        await using var tracker = Tracker(AssignmentUnits.Team, arms: [("manual", 0.2), ("ai_assisted", 0.3), ("ai_plus", 0.5)]);

        Assert.Equal("ai_assisted", tracker.Assign("t", "r", "team-north").Arm);
        Assert.Equal("ai_plus", tracker.Assign("t", "r", "team-south").Arm);
        Assert.Equal("ai_plus", tracker.Assign("t", "r", "team-east").Arm);
    }

    [Fact]
    public async Task Assign_UnitPeriodWithoutKey_IsoWeekOfTheClock()
    {
        // 2026-12-01 is a Tuesday of ISO week 49 (Python: date(2026, 12, 1).isocalendar() == (2026, 49, 2)).
        await using var tracker = Tracker(AssignmentUnits.Period, new FixedClock(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero)));

        var assignment = tracker.Assign("t", "DNR-2025-000123");

        Assert.Equal(("period", "2026-W49", "manual"), (assignment.Unit, assignment.UnitId, assignment.Arm));
        Assert.Equal("manual", tracker.Assign("t", "other", "2026-W50").Arm);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-W01")] // Thursday: week 1 of 2026
    [InlineData("2027-01-01", "2026-W53")] // Friday: the last week of 2026, which has 53
    [InlineData("2024-12-30", "2025-W01")] // Monday: week 1 of 2025
    public void IsoWeek_YearBoundaries(string date, string week) =>
        Assert.Equal(week, PeriodKeys.IsoWeek(DateTimeOffset.Parse(date + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task StartAssignedCase_RecordsValidAssignmentAndArmUsed()
    {
        var handler = new RecordingHandler();
        await using (var tracker = Tracker(AssignmentUnits.Team, handler: handler))
        {
            using (tracker.StartAssignedCase(tracker.Assign("building-permit-question", "DNR-2025-000123", "team-south"), "phone"))
            {
            }

            using (tracker.StartAssignedCase(tracker.Assign("building-permit-question", "DNR-2025-000124", "team-south"), armUsed: "manual"))
            {
            }

            await tracker.FlushWithin();
        }

        var started = handler.Stored.Where(e => e.Type == EventTypes.CaseStarted).ToList();
        Assert.Equal(2, started.Count);
        Assert.All(started, e => Assert.Null(EventValidator.Validate(e, DateTimeOffset.UtcNow)));
        Assert.All(started, e => Assert.Equal(("team", "team-south", "ai_assisted"), (e.Assignment!.Unit, e.Assignment.UnitId, e.Assignment.AssignedArm)));
        Assert.Equal(("ai_assisted", "phone"), (started[0].Arm, started[0].Channel));
        Assert.Equal("manual", started[1].Arm);
        Assert.Equal("building-permit-question", started[1].CaseType);
    }

    [Fact]
    public async Task Assigned_MadeElsewhere_RecordedAsGivenWithTheUnitKeyPseudonymised()
    {
        var handler = new RecordingHandler();
        await using (var tracker = CaseTracker.Create(TestTrackers.Options(o => o.PseudonymKey = PseudonymKey), handler: handler))
        {
            // No salt needed: the arm is given. The handler key becomes the same pseudonym Assign would record (doc vector).
            var byHandler = tracker.Assigned("building-permit-question", "DNR-2025-000123", AssignmentUnits.Handler, "staff-1042", "manual");
            Assert.Equal(("handler", "3d108acf4c07c29121d7438f0cc95cd0a3830300d73ea0184187004ffbdd6fd3", "manual"),
                (byHandler.Unit, byHandler.UnitId, byHandler.Arm));
            var byCase = tracker.Assigned("building-permit-question", "DNR-2025-000123", AssignmentUnits.Case, null, "ai_assisted");
            Assert.Equal(byCase.CaseId, byCase.UnitId);

            using (tracker.StartAssignedCase(tracker.Assigned("t", "r-1", AssignmentUnits.Period, "2025-W02", "ai_assisted"), armUsed: "manual"))
            {
            }

            await tracker.FlushWithin();
        }

        var started = Assert.Single(handler.Stored, e => e.Type == EventTypes.CaseStarted);
        Assert.Null(EventValidator.Validate(started, DateTimeOffset.UtcNow));
        Assert.Equal(("period", "2025-W02", "ai_assisted", "manual"),
            (started.Assignment!.Unit, started.Assignment.UnitId, started.Assignment.AssignedArm, started.Arm));
    }

    [Theory]
    [InlineData("office", "team-north", "manual", "unit")]
    [InlineData("team", "team-north", "Manual Arm", "assignedArm")]
    [InlineData("team", "Team North", "manual", "unitKey")]
    [InlineData("period", "2025-13-45", "manual", "unitKey")]
    [InlineData("case", "something", "manual", "unitKey")]
    public async Task Assigned_BadArgument_NamesIt(string unit, string? key, string arm, string parameter)
    {
        await using var tracker = CaseTracker.Create(TestTrackers.Options(o => o.PseudonymKey = PseudonymKey), handler: new RecordingHandler());

        var error = Assert.Throws<ArgumentException>(() => tracker.Assigned("t", "r-1", unit, key, arm));

        Assert.Equal(parameter, error.ParamName);
        Assert.DoesNotContain(key ?? "\0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_ManyCases_SharesWithinFourStandardErrors()
    {
        await using var tracker = Tracker(AssignmentUnits.Case, arms: [("manual", 0.2), ("ai_assisted", 0.3), ("ai_plus", 0.5)]);
        const int n = 20_000;

        var counts = Enumerable.Range(0, n).Select(i => tracker.Assign("t", "ref-" + i).Arm)
            .GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());

        foreach (var (arm, share) in new[] { ("manual", 0.2), ("ai_assisted", 0.3), ("ai_plus", 0.5) })
        {
            var se = Math.Sqrt(share * (1 - share) / n);
            Assert.InRange((double)counts[arm] / n, share - (4 * se), share + (4 * se));
        }

        Assert.Equal(tracker.Assign("t", "ref-7").Arm, tracker.Assign("other-type", "ref-7").Arm);
    }

    [Fact]
    public void ArmAssigner_ZeroShare_NeverChosen()
    {
        var assigner = new ArmAssigner(Salt, [("manual", 0.5), ("paused", 0), ("ai_assisted", 0.5)]);

        Assert.DoesNotContain("paused", Enumerable.Range(0, 2000).Select(i => assigner.ArmOf("case", "id-" + i)));
    }

    [Fact]
    public async Task Assign_WithoutSalt_Throws()
    {
        await using var tracker = TestTrackers.Create(new RecordingHandler());

        Assert.Throws<InvalidOperationException>(() => tracker.Assign("t", "r"));
    }

    /// <summary>Keys that do not fit their unit; the team key holds a generated identity number (never a literal one).</summary>
    public static TheoryData<string, string> KeysNotFittingTheUnit => new()
    {
        { AssignmentUnits.Team, IdentifierCorpus.WithExample("Team North {century}{date}-{serial}") },
        { AssignmentUnits.Period, "2026-W54" },
        { AssignmentUnits.Case, "anything" },
        { AssignmentUnits.Handler, "" },
    };

    [Theory]
    [MemberData(nameof(KeysNotFittingTheUnit))]
    public async Task Assign_KeyNotFittingTheUnit_ThrowsWithoutTheValue(string unit, string key)
    {
        await using var tracker = Tracker(unit);

        var error = Assert.Throws<ArgumentException>(() => tracker.Assign("t", "r", key));

        Assert.Equal("unitKey", error.ParamName);
        Assert.Contains(unit, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Length > 0 ? key : "\u0000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_TeamUnitWithoutKey_SaysTheKeyIsNeeded()
    {
        await using var tracker = Tracker(AssignmentUnits.Team);

        var error = Assert.Throws<ArgumentException>(() => tracker.Assign("t", "r"));

        Assert.Contains("team's key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 2, "case", "AssignmentSalt is required when AssignmentArms are set")]
    [InlineData(Salt, 0, "case", "AssignmentArms is required with AssignmentSalt: the pilot's arms with their shares, in the config's order")]
    [InlineData("short", 2, "case", "AssignmentSalt must be at least 16 characters")]
    [InlineData(PseudonymKey, 2, "case", "AssignmentSalt must differ from PseudonymKey")]
    [InlineData(Salt, 2, "office", "AssignmentUnit must be one of case, handler, team, period")]
    [InlineData(Salt, 1, "case", "AssignmentArms shares must sum to 1")]
    [InlineData(Salt, 3, "case", "AssignmentArms[2].Name repeats an arm")]
    public void Options_BadAssignment_ErrorNamesTheOption(string? salt, int arms, string unit, string message)
    {
        var options = TestTrackers.Options(o =>
        {
            o.PseudonymKey = PseudonymKey;
            o.AssignmentSalt = salt;
            o.AssignmentUnit = unit;
            o.AssignmentArms = [.. new[] { ("manual", 0.5), ("ai_assisted", 0.5), ("manual", 0.0) }.Take(arms)
                .Select(a => new AssignmentArm { Name = a.Item1, Share = a.Item2 })];
        });

        var errors = EvalFrameworkOptionsValidator.Check(options);

        Assert.Equal("EvalFrameworkOptions:" + message, Assert.Single(errors));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
