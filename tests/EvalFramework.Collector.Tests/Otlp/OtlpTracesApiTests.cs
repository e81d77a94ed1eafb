using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Metrics;
using EvalFramework.Collector.Tests.Infrastructure;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using static EvalFramework.Collector.Tests.Otlp.OtlpJson;
using Proto = EvalFramework.Collector.Tests.Otlp.OtlpProtobuf;

namespace EvalFramework.Collector.Tests.Otlp;

/// <summary>
/// <c>POST /v1/traces</c>: what is stored, answered, refused and counted; run on a SQLite file and on PostgreSQL
/// (<see cref="OtlpTracesApiTestsOnSqlite"/>, <see cref="OtlpTracesApiTestsOnPostgres"/>).
/// </summary>
public abstract class OtlpTracesApiTests<TCollector>(TCollector collector) : IClassFixture<TCollector>
    where TCollector : CollectorFactory
{
    private readonly TCollector _collector = collector;

    private static (string, object)[] Chat(string caseId, string model, long input, long output, params (string, object)[] more) =>
    [
        ("evalframework.case_id", caseId), ("gen_ai.operation.name", "chat"), ("gen_ai.request.model", model),
        ("gen_ai.usage.input_tokens", input), ("gen_ai.usage.output_tokens", output), .. more,
    ];

    private static JsonObject PilotA => Resource(("evalframework.pilot", CollectorFactory.PilotA), ("service.name", "permit-assistant"));

    private static ByteArrayContent Protobuf(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/x-protobuf");
        return content;
    }

    /// <summary>ExportTraceServiceResponse.partial_success (1): rejected_spans (1), error_message (2); read by field number.</summary>
    private static (long Rejected, string? Message)? PartialSuccess(byte[] response)
    {
        var input = new CodedInputStream(response);
        (long, string?)? partial = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            Assert.Equal((1u << 3) | 2, tag);
            var inner = input.ReadBytes().CreateCodedInput();
            long rejected = 0;
            string? message = null;
            while ((tag = inner.ReadTag()) != 0)
            {
                if (tag == 1 << 3)
                {
                    rejected = inner.ReadInt64();
                }
                else
                {
                    Assert.Equal((2u << 3) | 2, tag);
                    message = inner.ReadString();
                }
            }

            partial = (rejected, message);
        }

        return partial;
    }

    [StorageFact]
    public async Task PostTraces_ProtobufChatSpans_StoredAsAiUsageAndAnsweredWithAnEmptyProtobufResponse()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = Events.Token();
        var trace = Guid.NewGuid().ToByteArray();
        byte[] first = [1, 1, 2, 3, 5, 8, 13, 21], second = [2, 7, 1, 8, 2, 8, 1, 8];
        var end = (ulong)DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds() * 1_000_000;
        var body = Proto.Request(Proto.ResourceSpans(
            Proto.Resource(Proto.Attribute("evalframework.pilot", "pilot-a")),
            Proto.ScopeSpans(
                Proto.Span(trace, first, end - 1_500_000_000, end, Proto.Attribute("evalframework.case_id", caseId),
                    Proto.Attribute("gen_ai.request.model", "gpt-4o-mini"), Proto.Attribute("gen_ai.usage.input_tokens", 120L),
                    Proto.Attribute("gen_ai.usage.output_tokens", 30L)),
                Proto.Span(trace, second, end - 250_000_000, end, Proto.Attribute("evalframework.case_id", caseId),
                    Proto.Attribute("gen_ai.request.model", "llama-3.3-70b"), Proto.Attribute("gen_ai.usage.input_tokens", 7L),
                    Proto.Attribute("gen_ai.usage.output_tokens", 3L)))));

        using var response = await client.PostAsync("/v1/traces", Protobuf(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var id = "otlp-" + Convert.ToHexStringLower(trace) + "-" + Convert.ToHexStringLower(first);
        var stored = JsonNode.Parse((string)_collector.Scalar("SELECT body FROM events WHERE event_id = @id", ("@id", id))!)!;
        Assert.Equal(("ai.usage", "pilot-a", caseId, "gpt-4o-mini"),
            ((string)stored["type"]!, (string)stored["pilot"]!, (string)stored["caseId"]!, (string)stored["model"]!));
        Assert.Equal((120L, 30L, 1500.0), ((long)stored["inputTokens"]!, (long)stored["outputTokens"]!, (double)stored["durationMs"]!));
        Assert.Equal("writer", _collector.Scalar("SELECT key_name FROM events WHERE event_id = @id", ("@id", id)));
        Assert.Equal("2|127|33|1750", _collector.RowText(
            "SELECT ai_calls, ai_input_tokens, ai_output_tokens, ai_duration_ms FROM cases WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageFact]
    public async Task PostTraces_SameJsonExportTwice_StoredOnce()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = Events.Token();
        var (trace, span) = NewIds();
        var export = Request(PilotA, Span(trace, span, 800, Chat(caseId, "gpt-4o-mini", 50, 10)));

        using var first = await client.PostAsync("/v1/traces", Content(export));
        using var second = await client.PostAsync("/v1/traces", Content(export));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(("{}", "{}"), (await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync()));
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", caseId)));
        Assert.Equal("1|50|10", _collector.RowText("SELECT ai_calls, ai_input_tokens, ai_output_tokens FROM cases WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageFact]
    public async Task PostTraces_OneSpanOutsideTheVocabulary_PartialSuccessNamesTheSpanAndFieldAndTheRestIsStored()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = Events.Token();
        var trace = Guid.NewGuid().ToByteArray();
        var end = (ulong)DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds() * 1_000_000;
        byte[] Span(byte id, string model) => Proto.Span(trace, [id, 2, 3, 4, 5, 6, 7, 8], end - 1_000_000, end,
            Proto.Attribute("evalframework.case_id", caseId), Proto.Attribute("gen_ai.response.model", model),
            Proto.Attribute("gen_ai.usage.input_tokens", 1L), Proto.Attribute("gen_ai.usage.output_tokens", 1L));
        var http = Proto.Span(trace, [9, 2, 3, 4, 5, 6, 7, 8], end - 1_000_000, end, Proto.Attribute("http.request.method", "POST"));
        var body = Proto.Request(Proto.ResourceSpans(Proto.Resource(Proto.Attribute("evalframework.pilot", "pilot-a")),
            Proto.ScopeSpans(Span(1, "gpt-4o-mini"), Span(2, "gpt-5-secret-preview"), http)));

        using var response = await client.PostAsync("/v1/traces", Protobuf(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (rejected, message) = PartialSuccess(await response.Content.ReadAsByteArrayAsync())!.Value;
        Assert.Equal(1, rejected);
        Assert.Equal("1 span rejected: resourceSpans[0].scopeSpans[0].spans[1] model (gen_ai.response.model/gen_ai.request.model): must be one of "
            + string.Join(", ", TestVocabulary.AiModels), message);
        Assert.Equal(1L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageFact]
    public async Task PostTraces_EverySpanRefused_StillA200WithTheCountInJson()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = Events.Token();
        var (trace, span) = NewIds();
        var export = Request(null, Span(trace, span, 5, Chat(caseId, "gpt-4o-mini", 5, 5)));

        using var response = await client.PostAsync("/v1/traces", Content(export));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var partial = (await response.Content.ReadAsStringAsync()).Trim();
        Assert.Equal("""{"partialSuccess":{"rejectedSpans":"1","errorMessage":"1 span rejected: resourceSpans[0].scopeSpans[0].spans[0] pilot (evalframework.pilot): required"}}""",
            partial);
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageFact]
    public async Task PostTraces_NoEndTimeOrAPilotThatIsNoString_OneClearRefusalEachInTheSpansTerms()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = Events.Token();
        var noEnd = Span(NewIds().TraceId, NewIds().SpanId, 5, Chat(caseId, "gpt-4o-mini", 5, 5, ("evalframework.pilot", CollectorFactory.PilotA)));
        noEnd.Remove("endTimeUnixNano");
        var zeroEnd = Span(NewIds().TraceId, NewIds().SpanId, 5, Chat(caseId, "gpt-4o-mini", 5, 5, ("evalframework.pilot", CollectorFactory.PilotA)));
        zeroEnd["endTimeUnixNano"] = "0";
        var numberPilot = Span(NewIds().TraceId, NewIds().SpanId, 5, Chat(caseId, "gpt-4o-mini", 5, 5, ("evalframework.pilot", 7L)));

        using var response = await client.PostAsync("/v1/traces", Content(Request(null, noEnd, zeroEnd, numberPilot)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var partial = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("3 spans rejected: "
            + "resourceSpans[0].scopeSpans[0].spans[0] time (endTimeUnixNano): required (nanoseconds since the Unix epoch, not 0); "
            + "resourceSpans[0].scopeSpans[0].spans[1] time (endTimeUnixNano): required (nanoseconds since the Unix epoch, not 0); "
            + "resourceSpans[0].scopeSpans[0].spans[2] pilot (evalframework.pilot): must be a string attribute",
            (string)partial!["partialSuccess"]!["errorMessage"]!);
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageFact]
    public async Task PostTraces_EndBeforeStart_UsageStoredWithoutDuration()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = Events.Token();
        var span = Span(NewIds().TraceId, NewIds().SpanId, 5, Chat(caseId, "gpt-4o-mini", 4, 2));
        (span["startTimeUnixNano"], span["endTimeUnixNano"]) = (span["endTimeUnixNano"]!.DeepClone(), span["startTimeUnixNano"]!.DeepClone());

        using var response = await client.PostAsync("/v1/traces", Content(Request(PilotA, span)));

        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        Assert.Equal("4|2|0", _collector.RowText(
            "SELECT input_tokens, output_tokens, duration_ms FROM case_ai_usage WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageFact]
    public async Task PostTraces_DatedResponseModelOutsideTheVocabulary_TheRequestModelIsStored()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = Events.Token();
        var (trace, span) = NewIds();
        var export = Request(PilotA, Span(trace, span, 5, Chat(caseId, "gpt-4o-mini", 5, 6, ("gen_ai.response.model", "gpt-4o-mini-2024-07-18"))));

        using var response = await client.PostAsync("/v1/traces", Content(export));

        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        Assert.Equal("gpt-4o-mini|1|5|6", _collector.RowText(
            "SELECT model, calls, input_tokens, output_tokens FROM case_ai_usage WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageFact]
    public async Task PostTraces_SpansThatAreNoAiCallOfACase_IgnoredWithoutErrorAndCountedByReason()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var counted = new Dictionary<string, long>();
        var meter = _collector.Services.GetRequiredService<CollectorMetrics>().EventsRejected.Meter;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter && instrument.Name == "evalfw.collector.otlp.spans.ignored")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var reason = (string)tags.ToArray().Single(t => t.Key == "reason").Value!;
            lock (counted)
            {
                counted[reason] = counted.GetValueOrDefault(reason) + value;
            }
        });
        listener.Start();
        var caseId = Events.Token();
        JsonObject S(params (string, object)[] attributes) => Span(NewIds().TraceId, NewIds().SpanId, 3, attributes);
        var export = Request(PilotA,
            S(("http.request.method", "POST"), ("evalframework.case_id", caseId)),
            S(("gen_ai.request.model", "gpt-4o-mini"), ("gen_ai.usage.input_tokens", 4L)),
            S(("gen_ai.request.model", "gpt-4o-mini"), ("gen_ai.usage.input_tokens", 4L)),
            S(("evalframework.case_id", caseId), ("gen_ai.operation.name", "invoke_agent"), ("gen_ai.usage.input_tokens", 40L)),
            S(("evalframework.case_id", caseId), ("gen_ai.operation.name", "chat"), ("error.type", "timeout")));

        using var response = await client.PostAsync("/v1/traces", Content(export));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", caseId)));
        lock (counted)
        {
            Assert.Equal(
                new Dictionary<string, long> { ["not_gen_ai"] = 1, ["no_case_id"] = 2, ["not_a_model_call"] = 1, ["no_usage"] = 1 },
                counted);
        }

        // And on /metrics, by the OpenTelemetry naming (a counter: _total; the {span} annotation dropped).
        using var reader = _collector.ClientWith(_collector.ReaderKey);
        var scrape = await reader.GetStringAsync("/metrics");
        Assert.Contains(scrape.Split('\n'), line => line.StartsWith("evalfw_collector_otlp_spans_ignored_total{", StringComparison.Ordinal)
            && line.Contains("reason=\"no_case_id\"", StringComparison.Ordinal));
    }

    [StorageFact]
    public async Task PostTraces_MessageContentsOnTheSpan_NeverStored()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = Events.Token();
        var (trace, span) = NewIds();
        const string Prompt = "Mitt namn är Greta Gustafsson och jag bor på Storgatan 1";
        var export = Request(PilotA, Span(trace, span, 5, Chat(caseId, "gpt-4o-mini", 5, 6,
            ("gen_ai.input.messages", $$"""[{"role":"user","parts":[{"type":"text","content":"{{Prompt}}"}]}]"""),
            ("gen_ai.prompt", Prompt), ("gen_ai.completion", Prompt), ("gen_ai.system_instructions", Prompt))));

        using var response = await client.PostAsync("/v1/traces", Content(export));

        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        var body = (string)_collector.Scalar("SELECT body FROM events WHERE case_id = @c", ("@c", caseId))!;
        string[] fields = ["caseId", "durationMs", "id", "inputTokens", "model", "outputTokens", "pilot", "time", "type"];
        Assert.Equal(fields, JsonNode.Parse(body)!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("Greta", body, StringComparison.Ordinal);
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE body LIKE '%Greta%'"));
    }

    [StorageFact]
    public async Task PostTraces_APilotTheKeyMayNotWrite_403AndNothingOfTheExportStored()
    {
        using var client = _collector.ClientWith(_collector.WriterKey); // pilot-a only
        var caseId = Events.Token();
        var export = Request(PilotA,
            Span(NewIds().TraceId, NewIds().SpanId, 3, Chat(caseId, "gpt-4o-mini", 1, 1)),
            Span(NewIds().TraceId, NewIds().SpanId, 3, Chat(caseId, "gpt-4o-mini", 1, 1, ("evalframework.pilot", CollectorFactory.PilotB))));

        using var response = await client.PostAsync("/v1/traces", Content(export));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("evalframework.pilot: the API key 'writer' may not ingest", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageTheory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("reader", HttpStatusCode.Forbidden)]
    public async Task PostTraces_NoKeyOrNoIngestRight_RefusedBeforeTheBodyIsRead(string? key, HttpStatusCode expected)
    {
        using var client = _collector.ClientWith(key is null ? null : _collector.ReaderKey);
        var caseId = Events.Token();

        using var response = await client.PostAsync("/v1/traces",
            Content(Request(PilotA, Span(NewIds().TraceId, NewIds().SpanId, 3, Chat(caseId, "gpt-4o-mini", 1, 1)))));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageTheory]
    [InlineData("application/x-protobuf", new byte[] { 0x0A, 0x03, 0x12, 0x05, 0x01 }, "resourceSpans[0].scopeSpans[0]")] // scope spans longer than their resource spans
    [InlineData("application/json", new byte[] { (byte)'{', (byte)'"', (byte)'r' }, "body")]
    [InlineData("application/json; charset=utf-8", new byte[] { (byte)'[', (byte)']' }, "body")]
    public async Task PostTraces_MalformedBody_400ProblemNamingWhere(string contentType, byte[] body, string field)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await client.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal([field], problem!["errors"]!.AsObject().Select(p => p.Key));
    }

    [StorageTheory]
    [InlineData("text/plain", null)]
    [InlineData("application/grpc", null)]
    [InlineData("application/json", "br")]
    public async Task PostTraces_UnsupportedTypeOrEncoding_415(string contentType, string? encoding)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var content = new ByteArrayContent("{}"u8.ToArray());
        content.Headers.ContentType = new(contentType);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        using var response = await client.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [StorageTheory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    public async Task PostTraces_CompressedBody_Decompressed(string encoding)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = Events.Token();
        var export = Request(PilotA, Span(NewIds().TraceId, NewIds().SpanId, 3, Chat(caseId, "mistral-small-3.1", 9, 8)));
        var content = new ByteArrayContent(Compression.Compress(Encoding.UTF8.GetBytes(export.ToJsonString()), encoding));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add(encoding);

        using var response = await client.PostAsync("/v1/traces", content);

        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        Assert.Equal("mistral-small-3.1|9|8", _collector.RowText(
            "SELECT model, input_tokens, output_tokens FROM case_ai_usage WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageFact]
    public async Task PostTraces_GzipThatInflatesPastTheLimit_413()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var content = new ByteArrayContent(Compression.Compress(new byte[(16 * 1024 * 1024) + 1], "gzip")); // ~16 KiB on the wire
        content.Headers.ContentType = new("application/x-protobuf");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [StorageFact]
    public async Task PostTraces_MillionsOfEmptySpansGzipped_413SoonWithBoundedAllocationAndNothingStored()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = Events.Token();
        var end = (ulong)DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds() * 1_000_000;
        var chat = Proto.Request(Proto.ResourceSpans(Proto.Resource(Proto.Attribute("evalframework.pilot", "pilot-a")),
            Proto.ScopeSpans(Proto.Span(Guid.NewGuid().ToByteArray(), [1, 2, 3, 4, 5, 6, 7, 8], end - 1_000_000, end,
                Proto.Attribute("evalframework.case_id", caseId), Proto.Attribute("gen_ai.request.model", "gpt-4o-mini"),
                Proto.Attribute("gen_ai.usage.input_tokens", 1L), Proto.Attribute("gen_ai.usage.output_tokens", 1L)))));

        // A chat span, then 4 million empty spans (12 00, two bytes each): 8 MB, about 40 KiB gzipped.
        var flood = new byte[4_000_000 * 2];
        for (var i = 0; i < flood.Length; i += 2)
        {
            flood[i] = 0x12;
        }

        var content = new ByteArrayContent(Compression.Compress([.. chat, .. LengthDelimited(1, LengthDelimited(2, flood))], "gzip"));
        content.Headers.ContentType = new("application/x-protobuf");
        content.Headers.ContentEncoding.Add("gzip");
        var allocated = GC.GetTotalAllocatedBytes();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var response = await client.PostAsync("/v1/traces", content);

        clock.Stop();
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("at most 10000 spans per export; export smaller batches", problem, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.InRange(GC.GetTotalAllocatedBytes() - allocated, 0, 200L * 1024 * 1024); // the whole process: generous
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", caseId)));
    }

    [StorageTheory]
    [InlineData(10_000, HttpStatusCode.OK)]
    [InlineData(10_001, HttpStatusCode.RequestEntityTooLarge)]
    public async Task PostTraces_JsonSpansUpToTheCap_AcceptedAndOneMore_413(int count, HttpStatusCode expected)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + string.Join(',', Enumerable.Repeat("{}", count)) + "]}]}]}";
        var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/v1/traces", content);

        Assert.Equal(expected, response.StatusCode);
    }

    [StorageFact]
    public async Task PostTraces_NotGzipAtAll_400NamingTheBody()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var content = new ByteArrayContent("{\"resourceSpans\":[]}"u8.ToArray());
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("not valid gzip data (Content-Encoding: gzip)", (string)problem!["errors"]!["body"]![0]!);
    }

    [StorageFact]
    public async Task PostTraces_EmptyJsonBody_400NamingTheBody()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var content = new ByteArrayContent([]);
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("empty; expected {\"resourceSpans\": [...]}", (string)problem!["errors"]!["body"]![0]!);
    }

    [StorageTheory]
    [InlineData("""{"resourceSpans":null}""")] // null is the default by the OTLP JSON mapping
    [InlineData("""{"resourceSpans":[],"foo":1}""")] // unknown fields are ignored by the OTLP JSON mapping
    public async Task PostTraces_JsonExportWithoutSpans_200Empty(string json)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
    }

    [StorageFact]
    public async Task PostTraces_EmptyProtobufExport_200Empty()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);

        using var response = await client.PostAsync("/v1/traces", Protobuf([]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A length-delimited field: its tag, its length, <paramref name="content"/>.</summary>
    private static byte[] LengthDelimited(int field, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(content));
        }

        return buffer.ToArray();
    }

}
