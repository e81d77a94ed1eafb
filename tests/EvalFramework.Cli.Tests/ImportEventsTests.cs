using EvalFramework.Cli.Commands;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Import;

namespace EvalFramework.Cli.Tests;

/// <summary>The events of an imported case: the SDK's pseudonym, stable ids, and only the events the row has.</summary>
public sealed class ImportEventsTests
{
    [Fact]
    public void Pseudonym_Rfc4231TestCase2_TheSdksHmacSha256()
    {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?" (the SDK's Pseudonymiser test vector).
        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            new ImportEvents("demo", "Jefe").Pseudonym("what do ya want for nothing?"));
    }

    [Fact]
    public void Of_CompletedCaseWithEffortAndTeam_ThreeEventsWithTheAssignmentAndStableIds()
    {
        var started = new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);
        var c = new ImportedCase(2, "DNR-1", "a-question", "manual", started, started.AddHours(2), CaseOutcomes.Escalated, 600,
            "handlaggare", "phone", "team-a", "ai_assisted");
        var make = new ImportEvents("demo", "a-pilot-secret-of-some-length");

        var events = make.Of(c).ToList();

        Assert.Equal([EventTypes.CaseStarted, EventTypes.HumanEffort, EventTypes.CaseCompleted], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(make.Pseudonym("DNR-1"), e.CaseId));
        Assert.Equal(events.Select(e => e.Id), make.Of(c).Select(e => e.Id));
        Assert.Equal(3, events.Select(e => e.Id).Distinct().Count());
        Assert.All(events, e => Assert.Matches("^[A-Za-z0-9_-]{1,64}$", e.Id!));
        Assert.Equal((AssignmentUnits.Team, "team-a", "ai_assisted"),
            (events[0].Assignment!.Unit, events[0].Assignment!.UnitId, events[0].Assignment!.AssignedArm));
        Assert.Equal(started.AddHours(2), events[1].Time);
        Assert.Equal(CaseOutcomes.Escalated, events[2].Outcome);
    }

    [Fact]
    public void Of_OpenCaseWithoutEffort_OnlyTheStart()
    {
        var c = new ImportedCase(2, "DNR-2", "a-question", "manual", DateTimeOffset.UnixEpoch.AddYears(40), null, null, null, null, null, null, null);

        var started = Assert.Single(new ImportEvents("demo", "a-pilot-secret-of-some-length").Of(c));
        Assert.Null(started.Assignment);
    }
}
