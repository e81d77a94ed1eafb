using System.Net;
using System.Security.Cryptography;
using System.Text;
using EvalFramework.Collector.Tests.Infrastructure;

namespace EvalFramework.Collector.Tests;

/// <summary>The SDK against a real collector (in-process ASP.NET Core pipeline, real SQLite file).</summary>
public sealed class SdkIntegrationTests : IClassFixture<CollectorFactory>
{
    private const string PseudonymKey = "a-test-pseudonym-key-of-enough-length";
    private const string CaseType = "building-permit-question";
    private readonly CollectorFactory _collector;

    public SdkIntegrationTests(CollectorFactory collector) => _collector = collector;

    [Fact]
    public async Task CaseTracker_RecordsCases_RowsEndUpInSqlite()
    {
        // This test's cases are the pseudonyms of its own references: other tests' cases share the case type.
        var run = Events.Token(10);
        await using (var tracker = CaseTracker.Create(Options(), handler: _collector.Server.CreateHandler()))
        {
            for (var i = 0; i < 3; i++)
            {
                using var c = tracker.StartCase(CaseType, i == 0 ? "manual" : "ai_assisted", $"ÄRENDE-{run}-{i}", channel: "phone");
                c.RecordEffort("handlaggare", TimeSpan.FromMinutes(5));
                c.RecordAiUsage("mistral-small-3.1", 1000, 250, TimeSpan.FromSeconds(2));
                c.RecordReview(correct: i != 2, consistent: true, score: 4);
                c.Complete();
            }

            using (var late = tracker.Case($"ÄRENDE-{run}-1"))
            {
                late.RecordCitizenSurvey(5, 10);
            }

            // Disposed without Complete: recorded as abandoned.
            using (tracker.StartCase(CaseType, "manual", $"ÄRENDE-{run}-3"))
            {
            }

            await tracker.FlushAsync();
            Assert.Equal(0, tracker.Statistics.Rejected);
            Assert.Equal(0, tracker.Statistics.Dropped);
        }

        var cases = Enumerable.Range(0, 4).Select(i => PseudonymOf($"ÄRENDE-{run}-{i}")).ToArray();
        Assert.Equal(4L, Scalar("SELECT COUNT(*) FROM cases WHERE case_type = @t", cases));
        Assert.Equal(3L, Scalar("SELECT COUNT(*) FROM cases WHERE case_type = @t AND outcome = 'resolved' AND effort_seconds = 300 AND ai_output_tokens = 250", cases));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM cases WHERE case_type = @t AND outcome = 'abandoned'", cases));
        Assert.Equal(1L, Scalar("SELECT SUM(reviews_incorrect) FROM cases WHERE case_type = @t", cases));
        Assert.Equal(1L, Scalar("SELECT SUM(nps_promoters) FROM cases WHERE case_type = @t", cases));
        // Only pseudonyms are stored: the service's own reference appears nowhere.
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE body LIKE '%ÄRENDE%' OR case_id LIKE '%ÄRENDE%'"));
    }

    [Fact]
    public async Task CaseTracker_CollectorAnswers503Then200_EveryEventStoredOnce()
    {
        var reference = "REF-" + Events.Token(10);
        using var failing = new FailFirstHandler(2) { InnerHandler = _collector.Server.CreateHandler() };
        await using (var tracker = CaseTracker.Create(Options(o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(400)), handler: failing))
        {
            using (var c = tracker.StartCase(CaseType, "manual", reference))
            {
                c.RecordEffort("handlaggare", TimeSpan.FromMinutes(2));
                c.Complete();
            }

            await tracker.FlushAsync();
            Assert.Equal(2, tracker.Statistics.Retries);
            Assert.Equal(3, tracker.Statistics.Sent);
        }

        Assert.Equal(2, failing.Refused);
        var caseId = PseudonymOf(reference);
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM cases WHERE case_type = @t AND effort_seconds = 120 AND outcome = 'resolved'", [caseId]));
        Assert.Equal(3L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", caseId)));
    }

    [Fact]
    public async Task CaseTracker_AssignsByTeam_CaseRowsCarryTheAssignment()
    {
        // Salt and teams as in docs/assignment.md's test vectors: team permits and social are not in them, so the arms
        // are computed here independently (HMAC-SHA256 of "team:<slug>", top 53 bits over 2^53, against 0.5).
        const string salt = "example-assignment-salt-2026";
        static string ArmOf(string team) =>
            (BitConverter.ToUInt64([.. HMACSHA256.HashData(Encoding.UTF8.GetBytes(salt), Encoding.UTF8.GetBytes("team:" + team)).Take(8).Reverse()]) >> 11)
                / 9007199254740992.0 < 0.5 ? "manual" : "ai_assisted";
        var run = Events.Token(10);
        await using (var tracker = CaseTracker.Create(Options(o =>
        {
            o.AssignmentSalt = salt;
            o.AssignmentUnit = "team";
            o.AssignmentArms = [new() { Name = "manual", Share = 0.5 }, new() { Name = "ai_assisted", Share = 0.5 }];
        }), handler: _collector.Server.CreateHandler()))
        {
            using (tracker.StartAssignedCase(tracker.Assign(CaseType, $"ÄRENDE-{run}-0", "permits")))
            {
            }

            using (tracker.StartAssignedCase(tracker.Assign(CaseType, $"ÄRENDE-{run}-1", "social"), armUsed: "ai_automated"))
            {
            }

            await tracker.FlushAsync();
            Assert.Equal(0, tracker.Statistics.Rejected);
        }

        foreach (var (i, team, arm) in new[] { (0, "permits", ArmOf("permits")), (1, "social", "ai_automated") })
        {
            var assigned = ArmOf(team);
            Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM cases WHERE case_type = @t AND arm = @arm AND assigned_arm = @assigned "
                + "AND assignment_unit = 'team' AND assignment_unit_id = @team", [PseudonymOf($"ÄRENDE-{run}-{i}")], ("@arm", arm),
                ("@assigned", assigned), ("@team", team)));
        }
    }

    /// <summary>The pseudonym the SDK sends for a reference, made here independently: HMAC-SHA256, lower-case hex.</summary>
    private static string PseudonymOf(string reference) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PseudonymKey), Encoding.UTF8.GetBytes(reference)));

    /// <summary>Runs <paramref name="sql"/> (on the case type) limited to the given cases.</summary>
    private object? Scalar(string sql, string[] caseIds, params (string Name, object Value)[] more) => _collector.Scalar(
        sql + " AND case_id IN (" + string.Join(", ", caseIds.Select((_, i) => "@c" + i)) + ")",
        [("@t", CaseType), .. caseIds.Select((id, i) => ("@c" + i, (object)id)), .. more]);

    private EvalFrameworkOptions Options(Action<EvalFrameworkOptions>? change = null)
    {
        var options = new EvalFrameworkOptions
        {
            CollectorUri = _collector.Server.BaseAddress,
            ApiKey = _collector.WriterKey,
            Pilot = CollectorFactory.PilotA,
            PseudonymKey = PseudonymKey,
            FlushInterval = TimeSpan.FromMilliseconds(100),
        };
        change?.Invoke(options);
        return options;
    }

    /// <summary>Answers 503 with Retry-After to the first <c>n</c> requests, then lets them through to the collector.</summary>
    private sealed class FailFirstHandler(int n) : DelegatingHandler
    {
        private int _seen;

        public int Refused => Math.Min(_seen, n);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _seen) <= n)
            {
                var busy = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
                busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
                return Task.FromResult(busy);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
