using System.Net;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Contract.Tests;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// <c>assignment</c> on <c>case.started</c> at ingest: its assigned arm and a team unit's id are closed by the pilot's
/// vocabulary like every other arm and team (refused by field, never echoed); a value of the wrong JSON type is named
/// with what the field expects.
/// </summary>
public sealed class AssignmentIngestTests(CollectorFactory collector) : IClassFixture<CollectorFactory>
{
    /// <summary>A generated personal identity number (valid check digit), twelve digits and with its separator.</summary>
    private static readonly (string Century, string Date, string Serial) Generated = IdentifierCorpus.IdentityNumberParts(seed: 49, count: 1).Single();
    private static readonly string Id12 = Generated.Century + Generated.Date + Generated.Serial;
    private static readonly string Id13 = Generated.Century + Generated.Date + "-" + Generated.Serial;

    private readonly CollectorFactory _collector = collector;

    private static JsonObject StartedWith(JsonNode? assignment)
    {
        var e = Started("assign-" + Guid.NewGuid().ToString("N"), arm: "ai_assisted");
        e["assignment"] = assignment;
        return e;
    }

    [Theory]
    [InlineData("team", "zq-secret-team", "manual", "assignment.unitId: must be one of permits, procurement, social")]
    [InlineData("team", "anna-svensson", "manual", "assignment.unitId: must be one of permits, procurement, social")]
    [InlineData("team", "permits", "zq-arm", "assignment.assignedArm: must be one of manual, ai_assisted, ai_automated")]
    [InlineData("period", "2026-W49", "zq-arm", "assignment.assignedArm: must be one of manual, ai_assisted, ai_automated")]
    public async Task PostEvents_AssignmentOutsideVocabulary_RefusedByFieldAndNotStored(string unit, string unitId, string arm, string error)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var bad = StartedWith(new JsonObject { ["unit"] = unit, ["unitId"] = unitId, ["assignedArm"] = arm });
        var good = StartedWith(new JsonObject { ["unit"] = "team", ["unitId"] = "permits", ["assignedArm"] = "manual" });

        var response = await client.PostAsync(bad, good);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(1, body["accepted"]!.GetValue<int>());
        var rejected = Assert.Single(body["rejected"]!.AsArray())!;
        Assert.Equal(error, Assert.Single(rejected["errors"]!.AsArray())!.GetValue<string>());
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE event_id = @id", ("@id", bad["id"]!.GetValue<string>())));
        var refusedValue = arm == "zq-arm" ? arm : unitId;
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE body LIKE @v", ("@v", "%" + refusedValue + "%")));
        Assert.DoesNotContain(refusedValue, rejected.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"team:permits\"", "assignment: must be an object")]
    [InlineData("[1]", "assignment: must be an object")]
    [InlineData("{\"unit\":5,\"unitId\":\"permits\",\"assignedArm\":\"manual\"}", "assignment.unit: must be a string")]
    [InlineData("{\"unit\":\"team\",\"unitId\":ID12,\"assignedArm\":\"manual\"}", "assignment.unitId: must be a string")]
    public async Task PostEvents_AssignmentOfTheWrongJsonType_NamesWhatTheFieldExpects(string json, string error)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var bad = StartedWith(JsonNode.Parse(json.Replace("ID12", Id12, StringComparison.Ordinal)));

        var response = await client.PostAsync(bad, StartedWith(null));

        var rejected = Assert.Single((await response.ReadObjectAsync())["rejected"]!.AsArray())!;
        var message = Assert.Single(rejected["errors"]!.AsArray())!.GetValue<string>();
        Assert.Equal(error, message);
        Assert.DoesNotContain(Id12, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("who", "assignment.who: unknown field; see the wire contract for the fields of each type")]
    [InlineData("ID13", "assignment: unknown field; see the wire contract for the fields of each type")]
    public async Task PostEvents_UnknownMemberInAssignment_NamedUnderItsParentOnlyWhenPlain(string member, string error)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var bad = StartedWith(new JsonObject { ["unit"] = "team", ["unitId"] = "permits", ["assignedArm"] = "manual", [member.Replace("ID13", Id13, StringComparison.Ordinal)] = "x" });

        var response = await client.PostAsync(bad, StartedWith(null));

        var rejected = Assert.Single((await response.ReadObjectAsync())["rejected"]!.AsArray())!;
        Assert.Equal(error, Assert.Single(rejected["errors"]!.AsArray())!.GetValue<string>());
    }

    [Theory]
    [InlineData("arm", "5", "arm: must be a string")]
    [InlineData("inputTokens", "\"ID13\"", "inputTokens: must be an integer ≥ 0")]
    public async Task PostEvents_WrongJsonType_NotCalledUnreadableText(string field, string json, string error)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var bad = field == "arm" ? Started("t-" + Guid.NewGuid().ToString("N")) : AiUsage("t-" + Guid.NewGuid().ToString("N"));
        bad[field] = JsonNode.Parse(json.Replace("ID13", Id13, StringComparison.Ordinal));

        var response = await client.PostAsync(bad, StartedWith(null));

        var rejected = Assert.Single((await response.ReadObjectAsync())["rejected"]!.AsArray())!;
        Assert.Equal(error, Assert.Single(rejected["errors"]!.AsArray())!.GetValue<string>());
    }
}
