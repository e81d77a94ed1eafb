using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>Bad input never gets a 500: each of these gets a 4xx problem with a clear message, and nothing is stored.</summary>
public sealed class BadInputTests : IClassFixture<CollectorFactory>
{
    private readonly CollectorFactory _collector;

    public BadInputTests(CollectorFactory collector) => _collector = collector;

    public static TheoryData<string, int, string> Bodies => new()
    {
        { "malformed JSON", 400, "body" },
        { "empty body", 400, "body" },
        { "array at the root", 400, "body" },
        { "events missing", 400, "events" },
        { "events not an array", 400, "events" },
        { "no events", 400, "events" },
        { "5000 events", 400, "events" },
        { "event not an object", 400, "events[0].event" },
        { "wrong types everywhere", 400, "events[0].id" },
        { "huge string inside the limit", 400, "events[0].caseId" },
        { "2 MiB body", 413, "" },
        { "deep nesting", 400, "body" },
        { "number too large for tokens", 400, "events[0].inputTokens" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task PostEvents_BadBody_4xxProblemAndNothingStored(string name, int status, string field)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var before = _collector.Count("events");

        var response = await client.PostAsync("/api/v1/events", new StringContent(Body(name), Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        if (field.Length > 0)
        {
            Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"expected an error for {field}: {problem.ToJsonString()}");
        }
        else
        {
            Assert.Contains("1 MiB", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.Equal(before, _collector.Count("events"));
    }

    [Fact]
    public async Task PostEvents_WrongContentType_415()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var before = _collector.Count("events");

        var response = await client.PostAsync("/api/v1/events", new StringContent(Batch(Started()).ToJsonString(), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, _collector.Count("events"));
    }

    [Fact]
    public async Task PostEvents_ChunkedBodyOverLimit_413()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Body("2 MiB body"))));
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/api/v1/events", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostEvents_DeepNesting_400SayingSoAndTheLimit()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);

        var response = await client.PostAsync("/api/v1/events", new StringContent(Body("deep nesting"), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nested too deeply: at most 16 levels of objects and arrays",
            (await response.ReadObjectAsync())["errors"]!["body"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task PostEvents_CompressedBody_DecompressedAndStored(string encoding)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var started = Started();
        var content = new ByteArrayContent(Compression.Compress(Encoding.UTF8.GetBytes(Batch(started).ToJsonString()), encoding));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add(encoding);

        var response = await client.PostAsync("/api/v1/events", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadObjectAsync())["accepted"]!.GetValue<int>());
    }

    [Fact]
    public async Task PostEvents_GzipThatInflatesPastTheLimit_413WithoutInflatingIt()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var content = new ByteArrayContent(Compression.Compress(new byte[16 * 1024 * 1024], "gzip")); // 16 MiB of zeros, ~16 KiB on the wire
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var response = await client.PostAsync("/api/v1/events", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("compressed and uncompressed", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}: the body was inflated past the limit");
    }

    [Theory]
    [InlineData("gzip", 400, "not valid gzip data (Content-Encoding: gzip)")]
    [InlineData("br", 415, "Content-Encoding: must be gzip, deflate or none.")]
    public async Task PostEvents_BodyNotInItsContentEncoding_4xxNamingTheEncoding(string encoding, int status, string message)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var before = _collector.Count("events");
        var content = new StringContent(Batch(Started()).ToJsonString(), Encoding.UTF8, "application/json");
        content.Headers.ContentEncoding.Add(encoding);

        var response = await client.PostAsync("/api/v1/events", content);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(message, (status == 400 ? problem["errors"]!["body"]![0] : problem["detail"])!.GetValue<string>());
        Assert.Equal(before, _collector.Count("events"));
    }

    [Theory]
    [InlineData("pilot=Bad%20Pilot", "pilot")]
    [InlineData("", "pilot")]
    [InlineData("pilot=pilot-a&from=yesterday", "from")]
    [InlineData("pilot=pilot-a&from=12/03/2026", "from")]
    [InlineData("pilot=pilot-a&to=2026-03-12T10:00:00", "to")]
    [InlineData("pilot=pilot-a&limit=0", "limit")]
    [InlineData("pilot=pilot-a&limit=5000", "limit")]
    [InlineData("pilot=pilot-a&cursor=abc", "cursor")]
    [InlineData("pilot=pilot-a&arm=A%20B", "arm")]
    public async Task GetCases_BadQuery_400NamesParameter(string query, string field)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);

        var response = await client.GetAsync("/api/v1/cases?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    private static string Body(string name) => name switch
    {
        "malformed JSON" => "{\"events\": [ {\"id\": \"a\", ",
        "empty body" => "",
        "array at the root" => "[" + Started().ToJsonString() + "]",
        "events missing" => "{\"items\": []}",
        "events not an array" => "{\"events\": {\"id\": \"x\"}}",
        "no events" => "{\"events\": []}",
        "5000 events" => Batch([.. Enumerable.Range(0, 5000).Select(_ => (JsonNode)Started())]).ToJsonString(),
        "event not an object" => "{\"events\": [42]}",
        "wrong types everywhere" => "{\"events\": [{\"id\": 5, \"type\": true, \"time\": [], \"pilot\": {}}]}",
        "huge string inside the limit" => Batch(With(Started(), "caseId", new string('x', 900_000))).ToJsonString(),
        "2 MiB body" => Batch(With(Started(), "caseId", new string('x', 2 * 1024 * 1024))).ToJsonString(),
        "deep nesting" => "{\"events\": [{\"attributes\": " + new string('[', 200) + new string(']', 200) + "}]}",
        "number too large for tokens" => Batch(With(Started(), "type", "ai.usage").Also(e => { e.Remove("caseType"); e.Remove("arm"); e["model"] = "m"; e["outputTokens"] = 1; e["inputTokens"] = JsonNode.Parse("1e400"); })).ToJsonString(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static JsonObject With(JsonObject e, string field, JsonNode? value)
    {
        e[field] = value;
        return e;
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject e, Action<JsonObject> change)
    {
        change(e);
        return e;
    }
}
