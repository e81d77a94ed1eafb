using System.Net;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>Ingest into the store: one suite, run on SQLite and on PostgreSQL (<see cref="StorageSuites"/>).</summary>
public abstract class IngestTests<TCollector>(TCollector collector) : IClassFixture<TCollector>
    where TCollector : CollectorFactory
{
    private readonly TCollector _collector = collector;

    [StorageFact]
    public async Task PostEvents_SameBatchTwice_SecondTimeAllDuplicatesAndStoredOnce()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = NewCase();
        var batch = new JsonNode[] { Started(caseId), Effort(caseId, 120), Completed(caseId) };

        var first = await (await client.PostAsync(Clone(batch))).ReadObjectAsync();
        var second = await (await client.PostAsync(Clone(batch))).ReadObjectAsync();

        Assert.Equal(3, first["accepted"]!.GetValue<int>());
        Assert.Equal(0, second["accepted"]!.GetValue<int>());
        Assert.Equal(3, second["duplicates"]!.GetValue<int>());
        Assert.Equal(3L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", caseId)));
        // The duplicate effort was not added to the case a second time.
        Assert.Equal(120.0, _collector.Scalar("SELECT effort_seconds FROM cases WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageFact]
    public async Task PostEvents_SameIdTwiceInOneBatch_FirstCopyStoredSecondDuplicate()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = NewCase();
        var effort = Effort(caseId, 60);
        var second = effort.DeepClone();
        second["seconds"] = 90; // the same id with other content: a client bug, and the first copy counts

        var body = await (await client.PostAsync(effort, second)).ReadObjectAsync();

        Assert.Equal(1, body["accepted"]!.GetValue<int>());
        Assert.Equal(1, body["duplicates"]!.GetValue<int>());
        Assert.Equal(60.0, _collector.Scalar("SELECT effort_seconds FROM cases WHERE case_id = @c", ("@c", caseId)));
        Assert.Contains("\"seconds\":60", (string)_collector.Scalar("SELECT body FROM events WHERE case_id = @c", ("@c", caseId))!,
            StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task PostEvents_StartWithAssignment_StoredAsSentAndBadOnesRefusedByField()
    {
        // Contract v2's assignment, added through the field table: validated, stored with its event, refused by field.
        using var client = _collector.ClientWith(_collector.WriterKey);
        var good = NewCase();
        var bad = NewCase();
        var assigned = Started(good, arm: "ai_assisted");
        assigned["assignment"] = new JsonObject { ["unit"] = "period", ["unitId"] = "2026-W49", ["assignedArm"] = "manual" };
        var wrong = Started(bad);
        wrong["assignment"] = new JsonObject { ["unit"] = "team", ["unitId"] = "Team 7", ["assignedArm"] = "manual" };

        var body = await (await client.PostAsync(assigned, wrong)).ReadObjectAsync();

        Assert.Equal(1, body["accepted"]!.GetValue<int>());
        var rejected = Assert.Single(body["rejected"]!.AsArray())!;
        Assert.Equal(1, rejected["index"]!.GetValue<int>());
        var errors = rejected["errors"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("assignment.unitId: must be the team's slug", errors);
        Assert.All(errors, m => Assert.StartsWith("assignment.unitId: ", m, StringComparison.Ordinal));
        var stored = (string)_collector.Scalar("SELECT body FROM events WHERE case_id = @c", ("@c", good))!;
        var storedAssignment = JsonNode.Parse(stored)!["assignment"]!;
        Assert.Equal(("period", "2026-W49", "manual"), (storedAssignment["unit"]!.GetValue<string>(),
            storedAssignment["unitId"]!.GetValue<string>(), storedAssignment["assignedArm"]!.GetValue<string>()));
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", bad)));
    }

    [StorageFact]
    public async Task PostEvents_SameIdForTwoPilots_BothStored()
    {
        using var writer = _collector.ClientWith(_collector.WriterKey);
        using var other = _collector.ClientWith(_collector.PilotBKey);
        var a = Started(NewCase());
        var b = Started(NewCase(), pilot: CollectorFactory.PilotB);
        b["id"] = a["id"]!.GetValue<string>();

        var first = await (await writer.PostAsync(a)).ReadObjectAsync();
        var second = await (await other.PostAsync(b)).ReadObjectAsync();

        Assert.Equal(1, first["accepted"]!.GetValue<int>());
        Assert.Equal(1, second["accepted"]!.GetValue<int>());
    }

    [StorageFact]
    public async Task PostEvents_EventsInAnyOrder_BuildTheSameCaseRow()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var rows = new List<string>();
        var random = new Random(42);
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var caseId = NewCase();
            var events = new List<JsonNode>
            {
                Started(caseId, arm: "ai_assisted", at: start),
                Completed(caseId, "escalated", at: start.AddMinutes(30)),
                Completed(caseId, "resolved", at: start.AddMinutes(50)), // a later completion wins
                Effort(caseId, 100), Effort(caseId, 50.5),
                AiUsage(caseId, "gpt-4o-mini", 1000, 200, 1500),
                AiUsage(caseId, "gpt-4o-mini", 10, 20, null, costSek: 0.25),
                AiUsage(caseId, "llama-3.3-70b", 5, 6, 7),
            };
            events.AddRange(OneOfEachType(caseId)[3..8]); // escalation, error, review, integration failure, survey
            var shuffled = events.OrderBy(_ => random.Next()).ToList();

            // Send one event per request so arrival order is the shuffled order.
            foreach (var e in shuffled)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(e)).StatusCode);
            }

            rows.Add(CaseRowText(caseId));
        }

        Assert.All(rows, row => Assert.Equal(rows[0], row));
        Assert.Contains("ai_assisted|resolved|3000000|150.5|3|1015|226|", rows[0], StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task PostEvents_ShuffledInOneBatchOrAcrossBatches_SameCaseRowIncludingTies()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        var rows = new List<string>();
        var random = new Random(7);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var caseId = NewCase();
            // Two starts at the same millisecond (a client bug) and two completions at the same millisecond:
            // the winner must not depend on arrival order.
            var events = new List<JsonNode>
            {
                Started(caseId, arm: "manual", at: at), Started(caseId, arm: "ai_assisted", at: at),
                Started(caseId, arm: "manual", at: at.AddMinutes(1)),
                Completed(caseId, "abandoned", at: at.AddMinutes(9)), Completed(caseId, "resolved", at: at.AddMinutes(9)),
                Effort(caseId, 10), Effort(caseId, 20), AiUsage(caseId, "mistral-small-3.1", 1, 2, 3), AiUsage(caseId, "mistral-small-3.1", 4, 5, 6, costSek: 1),
            };
            var shuffled = events.OrderBy(_ => random.Next()).ToList();
            if (attempt % 2 == 0)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsync([.. shuffled])).StatusCode);
            }
            else
            {
                foreach (var part in shuffled.Chunk(3))
                {
                    Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(part)).StatusCode);
                }
            }

            rows.Add(CaseRowText(caseId) + "|" + _collector.RowText(
                "SELECT calls, input_tokens, priced_input_tokens, cost_sek FROM case_ai_usage WHERE case_id = @c", ("@c", caseId)));
        }

        Assert.All(rows, row => Assert.Equal(rows[0], row));
        Assert.True(rows[0].StartsWith("manual|resolved|540000|30|2|5|7|9|", StringComparison.Ordinal), rows[0]);
        Assert.EndsWith("|2|5|4|1", rows[0], StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task PostEvents_NoCaseStartedYet_CaseHeldAsIncomplete()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = NewCase();

        await client.PostAsync(Effort(caseId, 30), Completed(caseId));

        Assert.Equal(1L, _collector.Scalar("SELECT COUNT(*) FROM cases WHERE case_id = @c AND case_type IS NULL AND started_ms IS NULL", ("@c", caseId)));
        Assert.True(_collector.Scalar("SELECT started_ms FROM case_records WHERE case_id = @c", ("@c", caseId)) is DBNull, "a record with a start");
        await client.PostAsync(Started(caseId));
        Assert.Equal("building-permit-question", _collector.Scalar("SELECT case_type FROM cases WHERE case_id = @c", ("@c", caseId)));
        Assert.IsType<long>(_collector.Scalar("SELECT started_ms FROM case_records WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageFact]
    public async Task PostEvents_AiUsageWithAndWithoutCost_PricedTokensKeptApart()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = NewCase();

        await client.PostAsync(AiUsage(caseId, "mistral-small-3.1", 100, 10), AiUsage(caseId, "mistral-small-3.1", 40, 4, costSek: 0.5));

        Assert.Equal("140|14|40|4|0.5|2", _collector.RowText(
            "SELECT input_tokens, output_tokens, priced_input_tokens, priced_output_tokens, cost_sek, calls FROM case_ai_usage WHERE case_id = @c",
            ("@c", caseId)));
    }

    [StorageFact]
    public async Task PostEvents_StaffSurveyAndMaintenance_StoredWithoutCase()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var all = OneOfEachType(NewCase());

        var body = await (await client.PostAsync(all[9], all[10])).ReadObjectAsync();

        Assert.Equal(2, body["accepted"]!.GetValue<int>());
        Assert.Equal(1L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE event_id = @id AND case_id IS NULL", ("@id", all[9]["id"]!.GetValue<string>())));
    }

    [StorageFact]
    public async Task PostEvents_StoredEvent_KeepsServerOwnedFieldsAndItsJson()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var e = Effort(NewCase(), 42);

        await client.PostAsync(e);

        var stored = (string)_collector.Scalar("SELECT key_name || '|' || body FROM events WHERE event_id = @id", ("@id", e["id"]!.GetValue<string>()))!;
        Assert.StartsWith("writer|{", stored, StringComparison.Ordinal);
        Assert.Contains("\"seconds\":42", stored, StringComparison.Ordinal);
    }

    private string CaseRowText(string caseId) => _collector.RowText("""
        SELECT arm, outcome, completed_ms - started_ms, effort_seconds, ai_calls, ai_input_tokens, ai_output_tokens,
               ai_duration_ms, escalations, errors_complaint, reviews, reviews_incorrect, reviews_consistent,
               review_score_sum, integration_failures, csat_sum, nps_promoters, case_type
        FROM cases WHERE case_id = @c
        """, ("@c", caseId));

    private static string NewCase() => "case-" + Guid.NewGuid().ToString("N");

    private static JsonNode[] Clone(JsonNode[] events) => [.. events.Select(e => e.DeepClone())];
}
