using System.Net;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>Every rule of wire contract v1: one event breaking it gets a 400 naming the event index and the field, and nothing is stored.</summary>
public sealed class ValidationTests : IClassFixture<CollectorFactory>
{
    private readonly CollectorFactory _collector;

    public ValidationTests(CollectorFactory collector) => _collector = collector;

    /// <summary>Each rule: a way to break it, and the field the error must name.</summary>
    private static readonly Dictionary<string, (Func<JsonObject> Make, string Field)> s_rules = new()
    {
        ["id missing"] = (() => Without(Started(), "id"), "id"),
        ["id with a space"] = (() => With(Started(), "id", "has space"), "id"),
        ["id of 65 characters"] = (() => With(Started(), "id", new string('a', 65)), "id"),
        ["id empty"] = (() => With(Started(), "id", ""), "id"),
        ["type missing"] = (() => Without(Started(), "type"), "type"),
        ["type unknown"] = (() => With(Started(), "type", "case.opened"), "type"),
        ["time missing"] = (() => Without(Started(), "time"), "time"),
        ["time without offset"] = (() => With(Started(), "time", "2025-03-01T09:30:00"), "time"),
        ["time not a date"] = (() => With(Started(), "time", "yesterday"), "time"),
        ["time a number"] = (() => With(Started(), "time", 1700000000), "time"),
        ["time ten minutes ahead"] = (() => With(Started(), "time", Time(DateTimeOffset.UtcNow.AddMinutes(10))), "time"),
        ["time day/month/year"] = (() => With(Started(), "time", "12/03/2026"), "time"),
        ["time in year 0001"] = (() => With(Started(), "time", "0001-01-01T00:00:00Z"), "time"),
        ["time in 1970"] = (() => With(Started(), "time", "1970-01-01T00:00:00Z"), "time"),
        ["caseId with a bidi override"] = (() => With(Started(), "caseId", "case-\u202E1"), "caseId"),
        ["caseId with a zero-width space"] = (() => With(Started(), "caseId", "case\u200B-1"), "caseId"),
        ["model with a byte order mark"] = (() => With(AiUsage(), "model", "\uFEFFgpt-4o-mini"), "model"),
        ["model with a bidi isolate"] = (() => With(AiUsage(), "model", "gpt-4o-mini\u2066"), "model"),
        ["attribute value with an Arabic letter mark"] = (() => With(Started(), "attributes", new JsonObject { ["office"] = "Malm\u061C\u00F6" }), "attributes.office"),
        ["pilot missing"] = (() => Without(Started(), "pilot"), "pilot"),
        ["pilot upper case"] = (() => With(Started(), "pilot", "Pilot-A"), "pilot"),
        ["pilot with underscore"] = (() => With(Started(), "pilot", "pilot_a"), "pilot"),
        ["pilot of 64 characters"] = (() => With(Started(), "pilot", new string('p', 64)), "pilot"),
        ["caseId missing on a case event"] = (() => Without(Started(), "caseId"), "caseId"),
        ["caseId of 129 characters"] = (() => With(Started(), "caseId", new string('c', 129)), "caseId"),
        ["caseId empty"] = (() => With(Started(), "caseId", ""), "caseId"),
        ["caseId on survey.staff"] = (() => With(OneOfEachType()[9], "caseId", "case-1"), "caseId"),
        ["caseId on pilot.maintenance"] = (() => With(OneOfEachType()[10], "caseId", "case-1"), "caseId"),
        ["attributes with 17 entries"] = (() => With(Started(), "attributes", Attributes(17)), "attributes"),
        ["attribute key not a slug"] = (() => With(Started(), "attributes", new JsonObject { ["Bad Key"] = "x" }), "attributes"),
        ["attribute value of 257 characters"] = (() => With(Started(), "attributes", new JsonObject { ["office"] = new string('v', 257) }), "attributes.office"),
        ["attribute key not in the allow-list"] = (() => With(Started(), "attributes", new JsonObject { ["citizen-name"] = "x" }), "attributes"),
        ["attribute value a number"] = (() => With(Started(), "attributes", new JsonObject { ["office"] = 5 }), "attributes.office"),
        ["caseType missing"] = (() => Without(Started(), "caseType"), "caseType"),
        ["caseType not a slug"] = (() => With(Started(), "caseType", "Building Permit"), "caseType"),
        ["arm missing"] = (() => Without(Started(), "arm"), "arm"),
        ["arm not a slug"] = (() => With(Started(), "arm", "AI!"), "arm"),
        ["channel not a slug"] = (() => With(Started(), "channel", "Phone Call"), "channel"),
        ["outcome missing"] = (() => Without(Completed(), "outcome"), "outcome"),
        ["outcome unknown"] = (() => With(Completed(), "outcome", "done"), "outcome"),
        ["model missing"] = (() => Without(AiUsage(), "model"), "model"),
        ["model of 129 characters"] = (() => With(AiUsage(), "model", new string('m', 129)), "model"),
        ["inputTokens missing"] = (() => Without(AiUsage(), "inputTokens"), "inputTokens"),
        ["inputTokens negative"] = (() => With(AiUsage(), "inputTokens", -1), "inputTokens"),
        ["inputTokens fractional"] = (() => With(AiUsage(), "inputTokens", 1.5), "inputTokens"),
        ["inputTokens a string"] = (() => With(AiUsage(), "inputTokens", "100"), "inputTokens"),
        ["outputTokens missing"] = (() => Without(AiUsage(), "outputTokens"), "outputTokens"),
        ["outputTokens negative"] = (() => With(AiUsage(), "outputTokens", -5), "outputTokens"),
        ["durationMs negative"] = (() => With(AiUsage(), "durationMs", -1), "durationMs"),
        ["costSek negative"] = (() => With(AiUsage(), "costSek", -0.5), "costSek"),
        ["role missing"] = (() => Without(Effort(), "role"), "role"),
        ["role not a slug"] = (() => With(Effort(), "role", "Case Handler"), "role"),
        ["seconds missing"] = (() => Without(Effort(), "seconds"), "seconds"),
        ["seconds zero"] = (() => With(Effort(), "seconds", 0), "seconds"),
        ["seconds over a day"] = (() => With(Effort(), "seconds", 86_401), "seconds"),
        ["seconds the smallest double"] = (() => With(Effort(), "seconds", 5e-324), "seconds"),
        ["reason not a slug"] = (() => With(OneOfEachType()[3], "reason", "Too hard"), "reason"),
        ["error source missing"] = (() => Without(OneOfEachType()[4], "source"), "source"),
        ["error source unknown"] = (() => With(OneOfEachType()[4], "source", "audit"), "source"),
        ["error severity missing"] = (() => Without(OneOfEachType()[4], "severity"), "severity"),
        ["error severity unknown"] = (() => With(OneOfEachType()[4], "severity", "fatal"), "severity"),
        ["review correct missing"] = (() => Without(OneOfEachType()[5], "correct"), "correct"),
        ["review correct a string"] = (() => With(OneOfEachType()[5], "correct", "yes"), "correct"),
        ["review consistent a number"] = (() => With(OneOfEachType()[5], "consistent", 1), "consistent"),
        ["review score 6"] = (() => With(OneOfEachType()[5], "score", 6), "score"),
        ["review score 0"] = (() => With(OneOfEachType()[5], "score", 0), "score"),
        ["integration system missing"] = (() => Without(OneOfEachType()[6], "system"), "system"),
        ["integration kind missing"] = (() => Without(OneOfEachType()[6], "kind"), "kind"),
        ["csat missing"] = (() => Without(OneOfEachType()[7], "csat"), "csat"),
        ["csat 0"] = (() => With(OneOfEachType()[7], "csat", 0), "csat"),
        ["csat 6"] = (() => With(OneOfEachType()[7], "csat", 6), "csat"),
        ["nps 11"] = (() => With(OneOfEachType()[7], "nps", 11), "nps"),
        ["nps negative"] = (() => With(OneOfEachType()[7], "nps", -1), "nps"),
        ["staff team missing"] = (() => Without(OneOfEachType()[9], "team"), "team"),
        ["staff arm missing"] = (() => Without(OneOfEachType()[9], "arm"), "arm"),
        ["staff wellbeing 0"] = (() => With(OneOfEachType()[9], "wellbeing", 0), "wellbeing"),
        ["staff workload 6"] = (() => With(OneOfEachType()[9], "workload", 6), "workload"),
        ["staff stress missing"] = (() => Without(OneOfEachType()[9], "stress"), "stress"),
        ["maintenance hours missing"] = (() => Without(OneOfEachType()[10], "hours"), "hours"),
        ["maintenance hours zero"] = (() => With(OneOfEachType()[10], "hours", 0), "hours"),
        ["maintenance hours the smallest double"] = (() => With(OneOfEachType()[10], "hours", 5e-324), "hours"),
        ["maintenance kind missing"] = (() => Without(OneOfEachType()[10], "kind"), "kind"),
        ["maintenance arm not a slug"] = (() => With(OneOfEachType()[10], "arm", "Both Arms"), "arm"),
        ["a field of another type"] = (() => With(Started(), "csat", 5), "csat"),
        ["an unknown field"] = (() => With(Started(), "priority", "high"), "priority"),
    };

    public static TheoryData<string> Rules => [.. s_rules.Keys];

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task PostEvents_RuleBroken_400NamesIndexAndFieldAndStoresNothing(string rule)
    {
        var (make, field) = s_rules[rule];
        using var client = _collector.ClientWith(_collector.WriterKey);
        var before = _collector.Count("events");

        var response = await client.PostAsync(make());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey($"events[0].{field}"), $"expected an error for events[0].{field}, got: {errors.ToJsonString()}");
        var rejected = problem["rejected"]!.AsArray().Single()!;
        Assert.Equal(0, rejected["index"]!.GetValue<int>());
        Assert.Contains(rejected["errors"]!.AsArray(), e => e!.GetValue<string>().StartsWith(field + ":", StringComparison.Ordinal));
        Assert.Equal(before, _collector.Count("events"));
    }

    [Fact]
    public async Task PostEvents_OneValidEventOfEveryType_AllAccepted()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = "every-type-" + Guid.NewGuid().ToString("N");

        var response = await client.PostAsync(OneOfEachType(caseId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(11, body["accepted"]!.GetValue<int>());
        Assert.Empty(body["rejected"]!.AsArray());
    }

    [Fact]
    public async Task PostEvents_OneGoodOneBad_200WithPartialSuccess()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var good = Started("partial-" + Guid.NewGuid().ToString("N"));
        var bad = With(Effort(), "seconds", -3);

        var response = await client.PostAsync(good, bad);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(1, body["accepted"]!.GetValue<int>());
        var rejected = body["rejected"]!.AsArray().Single()!;
        Assert.Equal(1, rejected["index"]!.GetValue<int>());
        Assert.Equal(bad["id"]!.GetValue<string>(), rejected["id"]!.GetValue<string>());
        Assert.StartsWith("seconds:", rejected["errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE event_id = @id", ("@id", good["id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task PostEvents_ErrorMessage_NeverEchoesTheValue()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        const string Secret = "SECRET-VALUE-THAT-MUST-NOT-COME-BACK";

        var response = await client.PostAsync(With(Started(), "caseType", Secret), With(Effort(), "role", Secret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonObject With(JsonObject e, string field, JsonNode? value)
    {
        e[field] = value;
        return e;
    }

    private static JsonObject Without(JsonObject e, string field)
    {
        e.Remove(field);
        return e;
    }

    private static JsonObject Attributes(int count)
    {
        var attributes = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            attributes[$"key-{i}"] = "value";
        }

        return attributes;
    }
}
