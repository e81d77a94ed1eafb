using System.Net;
using System.Text;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// Text that is valid JSON but no valid Unicode (a lone surrogate escape, invalid UTF-8 bytes inside a string) is a
/// 400 naming the field, for that event only: never a 500, and the batch's valid events are stored.
/// </summary>
public sealed class UnreadableTextTests : IClassFixture<CollectorFactory>
{
    private readonly CollectorFactory _collector;

    public UnreadableTextTests(CollectorFactory collector) => _collector = collector;

    /// <summary>Where the unreadable text goes: the event as JSON with a placeholder, and the field the error must name.</summary>
    public static TheoryData<string, string> Placements => new()
    {
        { "{\"id\":\"@@\",\"type\":\"case.started\"}", "id" },
        { "{\"id\":\"ev1x@@\",\"type\":\"case.started\",\"time\":\"2025-03-01T09:30:00+01:00\",\"pilot\":\"pilot-a\",\"caseId\":\"c1\",\"caseType\":\"building-permit-question\",\"arm\":\"manual\"}", "id" },
        { "{\"id\":\"ev2x\",\"type\":\"case.started\",\"time\":\"2025-03-01T09:30:00+01:00\",\"pilot\":\"pilot-a\",\"caseId\":\"c@@1\",\"caseType\":\"building-permit-question\",\"arm\":\"manual\"}", "caseId" },
        { "{\"id\":\"ev3x\",\"type\":\"case.started\",\"time\":\"2025-03-01T09:30:00+01:00\",\"pilot\":\"pilot-a\",\"caseId\":\"c1\",\"caseType\":\"building@@\",\"arm\":\"manual\"}", "caseType" },
        { "{\"id\":\"ev4x\",\"type\":\"case.started\",\"time\":\"2025-03-01T09:30:00+01:00\",\"pilot\":\"pilot-a\",\"caseId\":\"c1\",\"caseType\":\"building-permit-question\",\"arm\":\"manual\",\"attributes\":{\"office\":\"Lund@@\"}}", "attributes.office" },
        { "{\"id\":\"ev5x\",\"type\":\"case.started\",\"time\":\"2025-03-01T09:30:00+01:00\",\"pilot\":\"pilot-a\",\"caseId\":\"c1\",\"caseType\":\"building-permit-question\",\"arm\":\"manual\",\"attributes\":{\"off@@ice\":\"Lund\"}}", "attributes" },
        { "{\"id\":\"ev6x\",\"ty@@pe\":\"case.started\"}", "event" },
        { "{\"@@\":1}", "event" },
        { "{\"id\":\"ev7x\",\"@@x\":1}", "event" },
    };

    [Theory]
    [InlineData("{\"ev@@ents\":[]}")]
    public async Task PostEvents_LoneSurrogateInATopLevelName_400NamingTheBody(string placed)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);

        var response = await client.PostAsync("/api/v1/events", Content(Encoding.UTF8.GetBytes(placed.Replace("@@", "\\ud800", StringComparison.Ordinal))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("body"));
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public async Task PostEvents_LoneSurrogate_400NamingTheFieldAndTheRestStored(string placed, string field)
    {
        var bad = Encoding.UTF8.GetBytes(placed.Replace("@@", "\\ud800", StringComparison.Ordinal));
        await AssertRefusedAloneAndInABatch(bad, field);
    }

    [Theory]
    [MemberData(nameof(Placements))]
    public async Task PostEvents_InvalidUtf8_400NamingTheFieldAndTheRestStored(string placed, string field)
    {
        // 0xC3 0x28: a two-byte sequence whose second byte is no continuation byte.
        var at = placed.IndexOf("@@", StringComparison.Ordinal);
        byte[] bad = [.. Encoding.UTF8.GetBytes(placed[..at]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(placed[(at + 2)..])];
        await AssertRefusedAloneAndInABatch(bad, field);
    }

    [Fact]
    public async Task PostEvents_LoneSurrogateInTheIssuesExample_400NamingTheId()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);

        var response = await client.PostAsync("/api/v1/events", Content(Encoding.UTF8.GetBytes("{\"events\":[{\"id\":\"\\ud800\",\"type\":\"case.started\"}]}")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("events[0].id"));
    }

    private async Task AssertRefusedAloneAndInABatch(byte[] bad, string field)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var before = _collector.Count("events");

        var alone = await client.PostAsync("/api/v1/events", Content([.. "{\"events\":["u8, .. bad, .. "]}"u8]));

        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        var errors = (await alone.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("events[0]." + field), $"expected events[0].{field}: {errors.ToJsonString()}");
        Assert.Equal(before, _collector.Count("events"));

        var good = Started("unreadable-" + Guid.NewGuid().ToString("N"));
        var mixed = await client.PostAsync("/api/v1/events",
            Content([.. "{\"events\":["u8, .. Encoding.UTF8.GetBytes(good.ToJsonString()), .. ","u8, .. bad, .. "]}"u8]));

        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
        var body = await mixed.ReadObjectAsync();
        Assert.Equal(1, (int)body["accepted"]!);
        var rejected = body["rejected"]!.AsArray().Single()!;
        Assert.Equal(1, (int)rejected["index"]!);
        Assert.Contains(rejected["errors"]!.AsArray(), e => ((string)e!).StartsWith(field + ":", StringComparison.Ordinal));
        Assert.Equal(1L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE event_id = @id", ("@id", (string)good["id"]!)));
    }

    private static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return content;
    }
}
