using EvalFramework.Contract;
using EvalFramework.Tests.Support;
using Microsoft.Extensions.Logging;

namespace EvalFramework.Tests;

public sealed class InvalidArgumentTests
{
    [Fact]
    public async Task Record_InvalidArguments_DoNotThrowAreRejectedAndNeverSent()
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);

        var bad = tracker.StartCase("Not A Slug", "manual", "ref-1");      // case.started: caseType
        bad.RecordAiUsage("gpt-4o-mini", -5, 10);                           // inputTokens
        bad.RecordEffort(null!, TimeSpan.FromMinutes(1));                   // role
        bad.RecordEffort("case-handler", TimeSpan.Zero);                    // seconds
        bad.RecordCitizenSurvey(9);                                         // csat
        bad.RecordError("somewhere", ErrorSeverities.Minor);                // source
        tracker.RecordStaffSurvey("team", "manual", 0, 3, 3);               // wellbeing
        tracker.RecordMaintenance(-1, "training");                          // hours
        var nullReference = tracker.StartCase("building-permit-question", "manual", null!); // caseId
        bad.RecordEscalation();                                             // valid
        bad.Complete();                                                     // valid
        await tracker.FlushWithin();

        Assert.Equal(9, tracker.Statistics.Rejected);
        Assert.Equal(2, tracker.Statistics.Sent);
        Assert.Equal([EventTypes.CaseEscalated, EventTypes.CaseCompleted], handler.Stored.Select(e => e.Type));
        Assert.Equal(string.Empty, nullReference.CaseId);
        nullReference.Dispose();
        bad.Dispose();
    }

    [Fact]
    public async Task Record_PersonalIdentifiers_RefusedBeforeLeavingTheProcess()
    {
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var handler = new RecordingHandler();
        await using var tracker = CaseTracker.Create(TestTrackers.Options(), loggerFactory, handler: handler);

        using (var tracked = tracker.StartCase("building-permit-question", "manual", "ref-1",
            attributes: new Dictionary<string, string> { ["office"] = "svar till anna@example.se" }))
        {
            tracked.RecordAiUsage("gpt-4o-mini 070-123 45 67", 1, 1);
            tracked.Complete();
        }

        await tracker.FlushWithin();

        Assert.Equal(2, tracker.Statistics.Rejected);
        Assert.Equal([EventTypes.CaseCompleted], handler.Stored.Select(e => e.Type));
        Assert.DoesNotContain(handler.Requests, r => r.Body.Contains("anna@", StringComparison.Ordinal) || r.Body.Contains("070-123", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Message.Contains("attributes.office", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Message.Contains("anna@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartCase_AttributesWithNullValue_IsRejectedNotThrown()
    {
        var handler = new RecordingHandler();
        await using var tracker = TestTrackers.Create(handler);

        using (var tracked = tracker.StartCase("building-permit-question", "manual", "ref-1", attributes: new Dictionary<string, string> { ["x"] = null! }))
        {
            tracked.Complete();
        }

        await tracker.FlushWithin();

        Assert.Equal(1, tracker.Statistics.Rejected);
        Assert.DoesNotContain(handler.Stored, e => e.Type == EventTypes.CaseStarted);
    }

    [Fact]
    public async Task Record_InvalidValue_LogsWarningNamingFieldNotValue()
    {
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var handler = new RecordingHandler();
        await using var tracker = CaseTracker.Create(TestTrackers.Options(), loggerFactory, handler: handler);

        using (var tracked = tracker.Case("ref-1"))
        {
            tracked.RecordAiUsage("gpt-4o-mini", -987654321, 10);
        }

        await tracker.FlushWithin();

        var warning = Assert.Single(logs.Messages, m => m.Level == LogLevel.Warning);
        Assert.Contains("inputTokens", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("987654321", warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, tracker.Statistics.Rejected);
    }
}
