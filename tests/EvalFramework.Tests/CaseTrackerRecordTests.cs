using EvalFramework.Contract;
using EvalFramework.Tests.Support;

namespace EvalFramework.Tests;

public sealed class CaseTrackerRecordTests
{
    private const string Reference = "DNR-2025-000123";

    private static async Task<(WireEvent Event, RecordedRequest Request, string CaseId)> RecordOne(Action<CaseTracker, TrackedCase> record)
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);
        using var handle = tracker.Case(Reference);
        record(tracker, handle);
        await tracker.FlushWithin();

        var request = Assert.Single(handler.Requests);
        var e = Assert.Single(request.Events);
        Assert.Null(EventValidator.Validate(e, DateTimeOffset.UtcNow));
        Assert.Equal(1, tracker.Statistics.Sent);
        Assert.True(EventValidator.IsEventId(e.Id!));
        Assert.True(Guid.TryParse(e.Id, out var id) && id.Version == 7, "ids are UUIDv7");
        Assert.Equal(TestTrackers.Pilot, e.Pilot);
        Assert.InRange(e.Time!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        return (e, request, handle.CaseId);
    }

    [Fact]
    public async Task StartCase_ValidArguments_SendsCaseStartedWithPseudonymAndAttributes()
    {
        var handler = new RecordingHandler();
        string caseId;
        await using (var tracker = TestTrackers.Create(handler))
        {
            using var tracked = tracker.StartCase("building-permit-question", "ai_assisted", Reference, "phone", new Dictionary<string, string> { ["district"] = "north" });
            caseId = tracked.CaseId;
            tracked.Complete();
            await tracker.FlushWithin();
        }

        var started = Assert.Single(handler.Stored, e => e.Type == EventTypes.CaseStarted);
        Assert.Null(EventValidator.Validate(started, DateTimeOffset.UtcNow));
        Assert.Equal("building-permit-question", started.CaseType);
        Assert.Equal("ai_assisted", started.Arm);
        Assert.Equal("phone", started.Channel);
        Assert.Equal("north", started.Attributes!["district"]);
        Assert.Equal(caseId, started.CaseId);
        Assert.Equal(new Tracking.Pseudonymiser(TestTrackers.PseudonymKey).Pseudonymise(Reference), caseId);
    }

    [Fact]
    public async Task Send_AnyBatch_PostsJsonWithBearerKeyToEventsEndpoint()
    {
        var (_, request, _) = await RecordOne((_, c) => c.RecordEscalation());

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("http://collector.test:5080/api/v1/events"), request.Uri);
        Assert.Equal("Bearer " + TestTrackers.ApiKey, request.Authorization);
        Assert.Equal("application/json", request.MediaType);
        Assert.StartsWith("{\"events\":[{\"id\":", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAiUsage_AllFields_SendsAiUsage()
    {
        var (e, _, caseId) = await RecordOne((_, c) => c.RecordAiUsage("gpt-4o-mini", 1200, 300, TimeSpan.FromMilliseconds(1500), 0.25));

        Assert.Equal(EventTypes.AiUsage, e.Type);
        Assert.Equal(caseId, e.CaseId);
        Assert.Equal("gpt-4o-mini", e.Model);
        Assert.Equal(1200, e.InputTokens);
        Assert.Equal(300, e.OutputTokens);
        Assert.Equal(1500, e.DurationMs);
        Assert.Equal(0.25, e.CostSek);
    }

    [Fact]
    public async Task RecordAiUsage_NoDurationOrCost_LeavesThemOut()
    {
        var (e, request, _) = await RecordOne((_, c) => c.RecordAiUsage("local-model", 0, 0));

        Assert.Null(e.DurationMs);
        Assert.Null(e.CostSek);
        Assert.DoesNotContain("durationMs", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordEffort_Minutes_SendsSeconds()
    {
        var (e, _, caseId) = await RecordOne((_, c) => c.RecordEffort("case-handler", TimeSpan.FromMinutes(12.5)));

        Assert.Equal(EventTypes.HumanEffort, e.Type);
        Assert.Equal(caseId, e.CaseId);
        Assert.Equal("case-handler", e.Role);
        Assert.Equal(750, e.Seconds);
    }

    [Fact]
    public async Task RecordEscalation_WithReason_SendsCaseEscalated()
    {
        var (e, _, _) = await RecordOne((_, c) => c.RecordEscalation("needs-legal-judgement"));

        Assert.Equal(EventTypes.CaseEscalated, e.Type);
        Assert.Equal("needs-legal-judgement", e.Reason);
    }

    [Fact]
    public async Task RecordError_SourceAndSeverity_SendsCaseError()
    {
        var (e, _, _) = await RecordOne((_, c) => c.RecordError(ErrorSources.Complaint, ErrorSeverities.Major));

        Assert.Equal(EventTypes.CaseError, e.Type);
        Assert.Equal("complaint", e.Source);
        Assert.Equal("major", e.Severity);
    }

    [Fact]
    public async Task RecordReview_AllFields_SendsQualityReview()
    {
        var (e, _, _) = await RecordOne((_, c) => c.RecordReview(correct: false, consistent: true, score: 2));

        Assert.Equal(EventTypes.QualityReview, e.Type);
        Assert.False(e.Correct);
        Assert.True(e.Consistent);
        Assert.Equal(2, e.Score);
    }

    [Fact]
    public async Task RecordIntegrationFailure_SystemAndKind_SendsIntegrationFailure()
    {
        var (e, request, _) = await RecordOne((_, c) => c.RecordIntegrationFailure("case-archive", "timeout"));

        Assert.Equal(EventTypes.IntegrationFailure, e.Type);
        Assert.Equal("case-archive", e.TargetSystem);
        Assert.Equal("timeout", e.Kind);
        Assert.Contains("\"system\":\"case-archive\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordCitizenSurvey_CsatAndNps_SendsSurveyCitizen()
    {
        var (e, _, _) = await RecordOne((_, c) => c.RecordCitizenSurvey(4, 9));

        Assert.Equal(EventTypes.SurveyCitizen, e.Type);
        Assert.Equal(4, e.Csat);
        Assert.Equal(9, e.Nps);
    }

    [Fact]
    public async Task Complete_Outcome_SendsCaseCompleted()
    {
        var (e, _, caseId) = await RecordOne((_, c) => c.Complete(CaseOutcomes.Escalated));

        Assert.Equal(EventTypes.CaseCompleted, e.Type);
        Assert.Equal(caseId, e.CaseId);
        Assert.Equal("escalated", e.Outcome);
    }

    [Fact]
    public async Task RecordStaffSurvey_Scores_SendsSurveyStaffWithoutCaseId()
    {
        var (e, _, _) = await RecordOne((t, _) => t.RecordStaffSurvey("permits-team", "manual", 4, 3, 2));

        Assert.Equal(EventTypes.SurveyStaff, e.Type);
        Assert.Null(e.CaseId);
        Assert.Equal("permits-team", e.Team);
        Assert.Equal("manual", e.Arm);
        Assert.Equal((4, 3, 2), (e.Wellbeing, e.Workload, e.Stress));
    }

    [Fact]
    public async Task RecordStaffSurvey_WithRespondent_SendsItsHmacPseudonymNeverTheReference()
    {
        const string staffReference = "anställd-4711";

        var (e, request, _) = await RecordOne((t, _) => t.RecordStaffSurvey("permits-team", "manual", staffReference, 4, 3, 2));

        // Expected: HMAC-SHA256 under the pilot's key of "respondent:" + the reference, computed here with the BCL.
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(TestTrackers.PseudonymKey), System.Text.Encoding.UTF8.GetBytes("respondent:" + staffReference)));
        Assert.Equal(EventTypes.SurveyStaff, e.Type);
        Assert.Equal(expected, e.Respondent);
        Assert.Equal((4, 3, 2), (e.Wellbeing, e.Workload, e.Stress));
        Assert.DoesNotContain("4711", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordStaffSurvey_SamePersonTwice_SamePseudonymAndNotACaseIdsPseudonym()
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);
        tracker.RecordStaffSurvey("permits-team", "manual", "4711", 4, 3, 2);
        tracker.RecordStaffSurvey("permits-team", "manual", "4711", 2, 3, 2);
        tracker.RecordStaffSurvey("permits-team", "manual", "4712", 5, 3, 2);
        using var handle = tracker.Case("4711");
        await tracker.FlushWithin();

        var respondents = handler.Requests.SelectMany(r => r.Events).Select(e => e.Respondent).ToList();
        Assert.Equal(3, respondents.Count);
        Assert.Equal(respondents[0], respondents[1]);
        Assert.NotEqual(respondents[0], respondents[2]);
        Assert.NotEqual(handle.CaseId, respondents[0]);
    }

    [Fact]
    public async Task RecordMaintenance_HoursKindArm_SendsPilotMaintenanceWithoutCaseId()
    {
        var (e, _, _) = await RecordOne((t, _) => t.RecordMaintenance(2.5, "prompt-update", "ai_assisted"));

        Assert.Equal(EventTypes.PilotMaintenance, e.Type);
        Assert.Null(e.CaseId);
        Assert.Equal(2.5, e.Hours);
        Assert.Equal("prompt-update", e.Kind);
        Assert.Equal("ai_assisted", e.Arm);
    }

    [Fact]
    public async Task Record_EveryEventType_NeverSendsTheReference()
    {
        const string reference = "ÄRENDE-KOMMUN-QWERTY";
        var handler = new RecordingHandler();
        await using (var tracker = TestTrackers.Create(handler))
        {
            using (var tracked = tracker.StartCase("building-permit-question", "manual", reference))
            {
                tracked.RecordAiUsage("m", 1, 1);
                tracked.RecordEffort("case-handler", TimeSpan.FromMinutes(1));
                tracked.RecordEscalation();
                tracked.RecordError(ErrorSources.Reopened, ErrorSeverities.Minor);
                tracked.RecordIntegrationFailure("archive", "timeout");
                tracked.RecordCitizenSurvey(5);
                tracked.Complete();
            }

            using (var late = tracker.Case(reference))
            {
                late.RecordReview(true);
            }

            await tracker.FlushWithin();
        }

        var bodies = string.Concat(handler.Requests.Select(r => r.Body));
        Assert.Equal(9, handler.Stored.Count);
        Assert.Single(handler.Stored.Select(e => e.CaseId).Distinct());
        Assert.DoesNotContain("KOMMUN-QWERTY", bodies, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTrackers.PseudonymKey, bodies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case_SameReferenceAsStartCase_HasSameCaseIdAndRecordsNoStart()
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);
        string startedId;
        using (var started = tracker.StartCase("building-permit-question", "manual", Reference))
        {
            startedId = started.CaseId;
            started.Complete();
        }

        using var late = tracker.Case(Reference);
        await tracker.FlushWithin();

        Assert.Equal(startedId, late.CaseId);
        Assert.Equal([EventTypes.CaseStarted, EventTypes.CaseCompleted], handler.Stored.Select(e => e.Type));
    }
}
