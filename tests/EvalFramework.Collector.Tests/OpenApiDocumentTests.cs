using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Collector.Tests.Otlp;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// <c>/openapi/v1.json</c> is the contract a client is generated from: real answers of a running collector (successes
/// and the problem+json errors as they really occur) meet the schema the document declares for their operation, status
/// and media type; a wrong answer does not; every example meets its schema; the API keys are declared where they are
/// asked for.
/// </summary>
public sealed class OpenApiDocumentTests : IClassFixture<OpenApiCollectorFactory>
{
    private const string Pilot = SnapshotCollectorFactory.Pilot;

    private readonly OpenApiCollectorFactory _collector;

    public OpenApiDocumentTests(OpenApiCollectorFactory collector) => _collector = collector;

    [Fact]
    public async Task RealAnswers_OfEveryApiOperation_MeetTheSchemasTheDocumentDeclares()
    {
        using var anonymous = _collector.CreateClient();
        var contract = await OpenApiContract.LoadAsync(anonymous);
        using var admin = _collector.ClientWith(_collector.AdminKey);
        using var reader = _collector.ClientWith(_collector.DemoReaderKey);
        using var adminOnly = _collector.ClientWith(_collector.DemoAdminOnlyKey);
        var wrong = new List<string>();
        var statuses = new HashSet<string>(StringComparer.Ordinal);

        async Task<HttpResponseMessage> Check(HttpClient client, HttpMethod method, string url, string path, HttpContent? body = null, int? expected = null,
            string? accept = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = body };
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            var response = await client.SendAsync(request);
            if (expected is { } status && (int)response.StatusCode != status)
            {
                wrong.Add($"{method} {url}: {(int)response.StatusCode}, expected {status}: {await response.Content.ReadAsStringAsync()}");
            }

            wrong.AddRange(await contract.CheckAsync(response, method.Method, path));
            statuses.Add($"{method.Method} {path} {(int)response.StatusCode}");
            return response;
        }

        const string Events = "/api/v1/events";
        var caseId = Pseudonym(); // the demo pilot's config has caseIds: pseudonym
        var valid = Started(caseId, pilot: Pilot);
        await Check(admin, HttpMethod.Post, Events, Events, Json(Batch(valid.DeepClone(), Completed(caseId, Pilot))), 200);
        await Check(admin, HttpMethod.Post, Events, Events, Json(Batch(valid.DeepClone(), Started(Pseudonym(), caseType: "no-such-case-type", pilot: Pilot))), 200); // a duplicate and a rejected one
        await Check(admin, HttpMethod.Post, Events, Events, Json(Batch(Started(Pseudonym(), caseType: "no-such-case-type", pilot: Pilot))), 400);
        await Check(admin, HttpMethod.Post, Events, Events, new StringContent("{\"events\": 1}", Encoding.UTF8, "application/json"), 400);
        await Check(admin, HttpMethod.Post, Events, Events, new StringContent(Batch(valid.DeepClone()).ToJsonString(), Encoding.UTF8, "text/plain"), 415);
        await Check(admin, HttpMethod.Post, Events, Events, new StringContent("[" + new string(' ', 1024 * 1024) + "]", Encoding.UTF8, "application/json"), 413);
        await Check(anonymous, HttpMethod.Post, Events, Events, Json(Batch(valid.DeepClone())), 401);
        await Check(reader, HttpMethod.Post, Events, Events, Json(Batch(valid.DeepClone())), 403);

        const string Cases = "/api/v1/cases";
        await Check(reader, HttpMethod.Get, Cases + "?pilot=" + Pilot + "&limit=1", Cases, expected: 200);
        await Check(reader, HttpMethod.Get, Cases + "?limit=0", Cases, expected: 400);
        await Check(adminOnly, HttpMethod.Get, Cases + "?pilot=" + Pilot, Cases, expected: 403);

        const string Snapshots = "/api/v1/snapshots";
        var today = DateTimeOffset.UtcNow.UtcDateTime.Date;
        var period = new JsonObject { ["pilot"] = Pilot, ["from"] = Day(today.AddDays(-30)), ["to"] = Day(today) };
        using var full = await Check(admin, HttpMethod.Post, Snapshots, Snapshots, Json(period), 201);
        using var brief = await Check(adminOnly, HttpMethod.Post, Snapshots, Snapshots, Json(period), 201);
        Assert.True((await BodyAsync(full)).ContainsKey("caseTypes"), "the admin key that may read gets the whole snapshot");
        Assert.False((await BodyAsync(brief)).ContainsKey("caseTypes"), "the admin-only key gets where the snapshot is and what it covers");
        // The 201 is either schema: each answer meets the one it is (not only the looser of the two).
        var snapshotSchema = new JsonObject { ["$ref"] = "#/components/schemas/Snapshot" };
        Assert.Empty(contract.Validate(snapshotSchema, Element(await BodyAsync(full))));
        Assert.NotEmpty(contract.Validate(snapshotSchema, Element(await BodyAsync(brief))));
        await Check(admin, HttpMethod.Post, Snapshots, Snapshots, Json(new JsonObject { ["pilot"] = Pilot, ["from"] = "yesterday" }), 400);
        var id = (string)(await BodyAsync(full))["id"]!;
        await Check(reader, HttpMethod.Get, Snapshots + "?pilot=" + Pilot, Snapshots, expected: 200);
        await Check(reader, HttpMethod.Get, Snapshots + "/" + id, Snapshots + "/{id}", expected: 200);
        await Check(reader, HttpMethod.Get, Snapshots + "/" + id + "?format=csv", Snapshots + "/{id}", expected: 200);
        await Check(reader, HttpMethod.Get, Snapshots + "/" + id + "?format=xml", Snapshots + "/{id}", expected: 400);
        await Check(reader, HttpMethod.Get, Snapshots + "/no-such-snapshot", Snapshots + "/{id}", expected: 404);

        const string Plans = "/api/v1/plans";
        await Check(admin, HttpMethod.Post, Plans, Plans, Json(new JsonObject { ["pilot"] = Pilot }), 201);
        await Check(admin, HttpMethod.Post, Plans, Plans, Json(new JsonObject { ["pilot"] = Pilot }), 200);
        await Check(admin, HttpMethod.Post, Plans, Plans, Json(new JsonObject { ["pilot"] = Pilot, ["planSha256"] = new string('0', 64) }), 409);
        await Check(reader, HttpMethod.Get, Plans + "/" + Pilot, Plans + "/{pilot}", expected: 200);
        await Check(_collector.ClientWith(_collector.ReaderKey), HttpMethod.Get, Plans + "/" + CollectorFactory.PilotA, Plans + "/{pilot}", expected: 404);

        const string Purge = "/api/v1/purge";
        await Check(admin, HttpMethod.Post, Purge, Purge, Json(new JsonObject { ["pilot"] = Pilot, ["before"] = "2001-01-01" }), 200);
        await Check(admin, HttpMethod.Post, Purge, Purge, Json(new JsonObject { ["pilot"] = Pilot }), 400);

        await Check(reader, HttpMethod.Get, "/reports/" + id + "/snapshot.json", "/reports/{id}/snapshot.json", expected: 200);
        await Check(anonymous, HttpMethod.Get, "/reports/" + id, "/reports/{id}", expected: 401);
        await Check(anonymous, HttpMethod.Get, "/readyz", "/readyz", expected: 200);
        // Both formats of the Prometheus exporter: its text format by default, OpenMetrics when asked for as Prometheus asks.
        await Check(reader, HttpMethod.Get, "/metrics", "/metrics", expected: 200);
        await Check(reader, HttpMethod.Get, "/metrics", "/metrics", expected: 200, accept: "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");

        const string Traces = "/v1/traces";
        var (trace, span) = OtlpJson.NewIds();
        var unattributed = OtlpJson.Request(null, OtlpJson.Span(trace, span, 5, ("evalframework.case_id", Pseudonym()), ("gen_ai.operation.name", "chat"),
            ("gen_ai.request.model", "gpt-4o-mini"), ("gen_ai.usage.input_tokens", 5), ("gen_ai.usage.output_tokens", 5)));
        await Check(admin, HttpMethod.Post, Traces, Traces, OtlpJson.Content(unattributed), 200); // no pilot: partialSuccess names the span
        await Check(admin, HttpMethod.Post, Traces, Traces, new ByteArrayContent([]) { Headers = { ContentType = new("application/x-protobuf") } }, 200);
        var brotli = OtlpJson.Content(new JsonObject { ["resourceSpans"] = new JsonArray() });
        brotli.Headers.ContentEncoding.Add("br");
        await Check(admin, HttpMethod.Post, Traces, Traces, brotli, 415);

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Equal(28, statuses.Count); // 34 requests, 28 distinct operation and status pairs
        Assert.Equal(["200", "201", "400", "401", "403", "404", "409", "413", "415"], statuses.Select(s => s[^3..]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryOperationWithABody_AnswersAWrongContentTypeWithItsDeclared415()
    {
        using var admin = _collector.ClientWith(_collector.AdminKey);
        var contract = await OpenApiContract.LoadAsync(admin);
        var wrong = new List<string>();
        var sent = new List<string>();

        foreach (var (method, path, _) in contract.Operations().Where(o => o.Operation["requestBody"] is not null))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", Encoding.UTF8, "text/plain") };
            using var response = await admin.SendAsync(request);
            sent.Add(method + " " + path);
            if (response.StatusCode != HttpStatusCode.UnsupportedMediaType)
            {
                wrong.Add($"{method} {path}: {(int)response.StatusCode}, expected 415");
            }

            wrong.AddRange(await contract.CheckAsync(response, method, path));
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Equal(["POST /api/v1/events", "POST /api/v1/plans", "POST /api/v1/purge", "POST /api/v1/snapshots", "POST /v1/traces"], sent.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RateLimitedOperation_Its429_MeetsTheDeclaredProblemAnswer()
    {
        using var limited = _collector.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimit:RequestsPerSecond", "1");
            b.UseSetting("RateLimit:Burst", "1");
        });
        using var client = limited.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _collector.DemoReaderKey);
        var contract = await OpenApiContract.LoadAsync(client);

        using var first = await client.GetAsync(new Uri("/api/v1/snapshots?pilot=" + Pilot, UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/api/v1/snapshots?pilot=" + Pilot, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Empty(await contract.CheckAsync(second, "GET", "/api/v1/snapshots"));
        Assert.NotNull(contract.Operation("GET", "/api/v1/snapshots")["responses"]?["429"]?["headers"]?["Retry-After"]);
    }

    [Fact]
    public async Task WrongAnswers_FailValidation()
    {
        using var client = _collector.ClientWith(_collector.AdminKey);
        var contract = await OpenApiContract.LoadAsync(client);
        var caseId = Pseudonym();
        using var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Json(Batch(Started(caseId, pilot: Pilot))));
        var real = await response.ReadObjectAsync();
        var schema = contract.Operation("POST", "/api/v1/events")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var casesSchema = contract.Operation("GET", "/api/v1/cases")["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var problemSchema = contract.Operation("GET", "/api/v1/cases")["responses"]!["403"]!["content"]!["application/problem+json"]!["schema"]!;

        var countAsText = real.DeepClone().AsObject();
        countAsText["accepted"] = "1";
        var rejectedWithoutIndex = real.DeepClone().AsObject();
        rejectedWithoutIndex["rejected"] = new JsonArray(new JsonObject { ["index"] = "first", ["errors"] = new JsonArray("caseType: unknown") });

        Assert.Empty(contract.Validate(schema, Element(real)));
        Assert.NotEmpty(contract.Validate(schema, Element(countAsText)));
        Assert.NotEmpty(contract.Validate(schema, Element(rejectedWithoutIndex)));
        Assert.NotEmpty(contract.Validate(casesSchema, Element(new JsonObject { ["nextCursor"] = null }))); // items is required
        Assert.NotEmpty(contract.Validate(problemSchema, Element(new JsonObject { ["title"] = "Forbidden", ["status"] = "403" })));
    }

    [Fact]
    public async Task Examples_EachMeetsTheSchemaItIllustrates()
    {
        using var client = _collector.CreateClient();
        var contract = await OpenApiContract.LoadAsync(client);
        var checkedExamples = 0;
        var wrong = new List<string>();

        foreach (var (method, path, operation) in contract.Operations())
        {
            var media = new List<(string Where, JsonNode? Media)>();
            media.AddRange((operation["requestBody"]?["content"]?.AsObject() ?? []).Select(c => ($"{method} {path} request {c.Key}", c.Value)));
            foreach (var (status, answer) in operation["responses"]?.AsObject() ?? [])
            {
                media.AddRange((answer?["content"]?.AsObject() ?? []).Select(c => ($"{method} {path} {status} {c.Key}", c.Value)));
            }

            foreach (var (where, value) in media)
            {
                if (value?["example"] is { } example)
                {
                    checkedExamples++;
                    wrong.AddRange(contract.Validate(value["schema"]!, Element(example)).Select(e => where + ": " + e));
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Equal(10, checkedExamples); // the requests of events, purge, snapshots and plans; 6 answers
    }

    [Fact]
    public async Task Operations_KeysDeclaredWhereAskedFor_AndTheErrorsAsProblemJson()
    {
        using var client = _collector.CreateClient();
        var contract = await OpenApiContract.LoadAsync(client);
        var anonymous = new[] { "GET /", "GET /healthz", "GET /readyz", "GET /api" };
        var schemes = contract.Document["components"]!["securitySchemes"]!;

        Assert.Equal("bearer", (string?)schemes["bearer"]!["scheme"]);
        Assert.Equal("basic", (string?)schemes["basic"]!["scheme"]);
        // The wire names of the source-generated contract: [JsonPropertyName("system")], unknown fields refused, time a string.
        var wireEvent = contract.Document["components"]!["schemas"]!["WireEvent"]!;
        Assert.NotNull(wireEvent["properties"]!["system"]);
        Assert.Null(wireEvent["properties"]!["targetSystem"]);
        Assert.False((bool)wireEvent["additionalProperties"]!);
        Assert.Equal("date-time", (string?)wireEvent["properties"]!["time"]!["format"]);
        Assert.Equal("#/components/schemas/EventBatch", (string?)contract.Operation("POST", "/api/v1/events")["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]);
        foreach (var (method, path, operation) in contract.Operations())
        {
            var name = method + " " + path;
            var security = operation["security"]?.AsArray().Select(r => string.Join('+', r!.AsObject().Select(s => s.Key))).ToList() ?? [];
            if (anonymous.Contains(name))
            {
                Assert.True(security.Count == 0, name + " is anonymous");
                continue;
            }

            Assert.True(security.Contains("bearer") && security.Contains("basic"), name + " takes a key by Bearer and by Basic");
            foreach (var status in new[] { "401", "403" })
            {
                Assert.True(operation["responses"]?[status]?["content"]?["application/problem+json"] is not null, $"{name} declares its {status} as problem+json");
            }

            foreach (var (status, answer) in operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'))
            {
                Assert.True(answer?["content"]?["application/problem+json"] is not null, $"{name} {status} is problem+json");
            }
        }

        Assert.NotNull(contract.Operation("GET", "/metrics")["responses"]?["200"]); // described though its exporter maps it outside the descriptions
        // The handlers read the query as text, so the route metadata alone would declare every parameter a string.
        var limit = contract.Operation("GET", "/api/v1/cases")["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "limit")!["schema"]!;
        Assert.Equal("integer", (string?)limit["type"]);
        Assert.Equal(1, (int)limit["minimum"]!);
        Assert.Equal(1000, (int)limit["maximum"]!);
        // The OTLP handler reads its body itself: the document still says what it takes.
        var traces = contract.Operation("POST", "/v1/traces")["requestBody"]!["content"]!.AsObject();
        Assert.Equal(["application/json", "application/x-protobuf"], traces.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.NotNull(traces["application/json"]!["schema"]!["properties"]!["resourceSpans"]);
        Assert.Contains("Content-Encoding", (string?)contract.Operation("POST", "/v1/traces")["responses"]!["415"]!["description"], StringComparison.Ordinal);
        Assert.StartsWith("Not ready", (string?)contract.Operation("GET", "/readyz")["responses"]!["503"]!["description"], StringComparison.Ordinal);
        Assert.Contains("429", contract.Operation("POST", "/api/v1/events")["responses"]!.AsObject().Select(r => r.Key));
    }

    /// <summary>The JSON body of an answer already read once (by the contract check).</summary>
    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static string Pseudonym() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Completed(string caseId, string pilot)
    {
        var e = Base("case.completed", caseId, pilot);
        e["outcome"] = "resolved";
        return e;
    }

    private static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement;
}
