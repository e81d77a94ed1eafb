using System.Text;
using EvalFramework.Collector.Otlp;
using static EvalFramework.Collector.Tests.Otlp.OtlpProtobuf;

namespace EvalFramework.Collector.Tests.Otlp;

/// <summary>The two OTLP decoders on hand-built requests: protobuf by field number, and the OTLP JSON mapping.</summary>
public sealed class OtlpDecoderTests
{
    private static readonly byte[] TraceId = Convert.FromHexString("5b8efff798038103d269b633813fc60c");
    private static readonly byte[] SpanId = Convert.FromHexString("eee19b7ec3c1b174");
    private const ulong Start = 1_796_320_132_085_414_400;
    private const ulong End = 1_796_320_132_088_609_900;

    private static List<OtlpSpan> ReadProtobuf(byte[] body) => OtlpProtobufReader.Read(body, body.Length);

    private static List<OtlpSpan> ReadJson(string json) => OtlpJsonReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Protobuf_ExporterShapedRequest_ReadsIdsTimesAndOnlyTheAttributesItUses()
    {
        var body = Request(ResourceSpans(
            Resource(Attribute("evalframework.pilot", "pilot-a"), Attribute("service.name", "permit-assistant")),
            ScopeSpans(Span(TraceId, SpanId, Start, End,
                Attribute("evalframework.case_id", "case-7"),
                Attribute("gen_ai.operation.name", "chat"),
                Attribute("gen_ai.request.model", "gpt-4o-mini"),
                Attribute("gen_ai.input.messages", "[{\"role\":\"user\",\"parts\":[{\"content\":\"my personal question\"}]}]"),
                Attribute("server.port", 443L),
                Attribute("gen_ai.usage.input_tokens", 12L),
                Attribute("gen_ai.usage.output_tokens", 34L)))));

        var span = Assert.Single(ReadProtobuf(body));

        Assert.Equal("resourceSpans[0].scopeSpans[0].spans[0]", span.Path);
        Assert.Equal(TraceId, span.TraceId);
        Assert.Equal(SpanId, span.SpanId);
        Assert.Equal((Start, End), (span.StartTimeUnixNano, span.EndTimeUnixNano));
        Assert.True(span.HasGenAiAttributes);
        Assert.Equal(
            ["evalframework.case_id", "gen_ai.operation.name", "gen_ai.request.model", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens"],
            span.Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(OtlpValue.Of(12L), span.Attributes["gen_ai.usage.input_tokens"]);
        Assert.Equal(OtlpValue.Of("case-7"), span.Attributes["evalframework.case_id"]);
        Assert.Equal(["evalframework.pilot"], span.Resource.Keys);
        Assert.Equal(OtlpValue.Of("pilot-a"), span.Resource["evalframework.pilot"]);
    }

    [Fact]
    public void Protobuf_LengthsPaddedToFourBytes_ReadAsTheDotNetExporterWritesThem()
    {
        var resourceSpans = ResourceSpans(null, ScopeSpans(Span(TraceId, SpanId, Start, End, Attribute("gen_ai.usage.input_tokens", 5L))));
        var length = resourceSpans.Length;
        // Field 1, wire type 2, then the length as a four-byte varint with the high groups zero (ProtobufSerializer.WriteReservedLength).
        byte[] padded = [0x0A, (byte)((length & 0x7F) | 0x80), (byte)(((length >> 7) & 0x7F) | 0x80), (byte)(((length >> 14) & 0x7F) | 0x80), (byte)(length >> 21),
            .. resourceSpans];

        var span = Assert.Single(ReadProtobuf(padded));

        Assert.Equal(OtlpValue.Of(5L), span.Attributes["gen_ai.usage.input_tokens"]);
    }

    [Fact]
    public void Protobuf_UnknownFieldsOfEveryWireTypeAndValueBeforeKey_SkippedOrRead()
    {
        var valueFirst = Message(o =>
        {
            Field(o, 2, Message(v =>
            {
                v.WriteTag(1, Google.Protobuf.WireFormat.WireType.LengthDelimited);
                v.WriteString("case-9");
            }));
            o.WriteTag(1, Google.Protobuf.WireFormat.WireType.LengthDelimited);
            o.WriteString("evalframework.case_id");
        });
        byte[] span = [.. Span(TraceId, SpanId, Start, End, valueFirst,
            Attribute("gen_ai.usage.output_tokens", 7.0), Attribute("gen_ai.usage.input_tokens", "11"),
            Attribute("gen_ai.request.model", "a", "b"), Attribute("llm.usage.prompt_tokens", true)), .. Unknown()];
        byte[] body = [.. Request(ResourceSpans(null, [.. ScopeSpans(span), .. Unknown()])), .. Unknown()];

        var read = Assert.Single(ReadProtobuf(body));

        Assert.Equal(OtlpValue.Of("case-9"), read.Attributes["evalframework.case_id"]);
        Assert.Equal(OtlpValue.Of(7.0), read.Attributes["gen_ai.usage.output_tokens"]);
        Assert.Equal(OtlpValue.Of("11"), read.Attributes["gen_ai.usage.input_tokens"]);
        Assert.Equal(OtlpValueKind.Other, read.Attributes["gen_ai.request.model"].Kind);
        Assert.Equal(OtlpValue.Of(true), read.Attributes["llm.usage.prompt_tokens"]);
        Assert.Equal((Start, End), (read.StartTimeUnixNano, read.EndTimeUnixNano));
    }

    /// <summary>Field 99 four times, as varint, fixed64, length-delimited and fixed32.</summary>
    private static byte[] Unknown() => Message(o =>
    {
        o.WriteTag(99, Google.Protobuf.WireFormat.WireType.Varint);
        o.WriteUInt64(ulong.MaxValue);
        o.WriteTag(99, Google.Protobuf.WireFormat.WireType.Fixed64);
        o.WriteFixed64(1);
        Field(o, 99, [1, 2, 3]);
        o.WriteTag(99, Google.Protobuf.WireFormat.WireType.Fixed32);
        o.WriteFixed32(1);
    });

    [Fact]
    public void Protobuf_ResourceAfterItsSpans_StillTheSpansResource()
    {
        var resourceSpans = Message(o =>
        {
            Field(o, 2, ScopeSpans(Span(TraceId, SpanId, Start, End), Span(TraceId, [8, 7, 6, 5, 4, 3, 2, 1], Start, End)));
            Field(o, 1, Resource(Attribute("evalframework.pilot", "pilot-b")));
        });

        var spans = ReadProtobuf(Request(ResourceSpans(null, ScopeSpans()), resourceSpans));

        Assert.Equal(["resourceSpans[1].scopeSpans[0].spans[0]", "resourceSpans[1].scopeSpans[0].spans[1]"], spans.Select(s => s.Path));
        Assert.All(spans, s => Assert.Equal(OtlpValue.Of("pilot-b"), s.Resource["evalframework.pilot"]));
    }

    [Fact]
    public void Protobuf_EmptyBody_IsAnEmptyRequest() => Assert.Empty(ReadProtobuf([]));

    [Fact]
    public void Protobuf_CutShort_RefusedNamingTheMessageThatRunsPastTheEnd()
    {
        var body = Request(ResourceSpans(null, ScopeSpans(Span(TraceId, SpanId, Start, End, Attribute("gen_ai.request.model", "gpt-4o-mini")))));

        var e = Assert.Throws<OtlpFormatException>(() => OtlpProtobufReader.Read(body, body.Length - 3));

        Assert.Equal("resourceSpans[0]", e.Field);
        Assert.StartsWith("not a valid protobuf ExportTraceServiceRequest", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Protobuf_BadFieldInsideAnAttribute_RefusedNamingTheAttribute()
    {
        var badAttribute = Message(o =>
        {
            o.WriteTag(1, Google.Protobuf.WireFormat.WireType.LengthDelimited);
            o.WriteString("gen_ai.request.model");
            o.WriteRawTag(0x1F); // field 3, wire type 7
        });
        var body = Request(ResourceSpans(null, ScopeSpans(Span(TraceId, SpanId, Start, End, Attribute("gen_ai.usage.input_tokens", 1L), badAttribute))));

        var e = Assert.Throws<OtlpFormatException>(() => ReadProtobuf(body));

        Assert.Equal("resourceSpans[0].scopeSpans[0].spans[0].attributes[1]", e.Field);
        Assert.Contains("wire type 7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Protobuf_BadFieldInsideAResourceAttribute_RefusedNamingTheResourceAttribute()
    {
        var badAttribute = Message(o => o.WriteRawTag(0x1F)); // field 3, wire type 7
        var body = Request(ResourceSpans(null), ResourceSpans(Resource(Attribute("service.name", "a"), badAttribute)));

        var e = Assert.Throws<OtlpFormatException>(() => ReadProtobuf(body));

        Assert.Equal("resourceSpans[1].resource.attributes[1]", e.Field);
    }

    [Theory]
    [InlineData(OtlpRequestBody.MaxSpans, false)]
    [InlineData(OtlpRequestBody.MaxSpans + 1, true)]
    public void BothReaders_MoreSpansThanTheCap_RefusedWhenTheOneMoreIsRead(int count, bool refused)
    {
        var spans = new byte[count * 2]; // empty spans: 12 00 each (ScopeSpans.spans = 2, length 0)
        for (var i = 0; i < spans.Length; i += 2)
        {
            spans[i] = 0x12;
        }

        var protobuf = Request(Message(o =>
        {
            o.WriteTag(2, Google.Protobuf.WireFormat.WireType.LengthDelimited);
            o.WriteBytes(Google.Protobuf.ByteString.CopyFrom(spans));
        }));
        var json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[" + string.Join(',', Enumerable.Repeat("{}", count)) + "]}]}]}";

        if (refused)
        {
            Assert.Throws<OtlpTooManySpansException>(() => ReadProtobuf(protobuf));
            Assert.Throws<OtlpTooManySpansException>(() => ReadJson(json));
        }
        else
        {
            Assert.Equal((count, count), (ReadProtobuf(protobuf).Count, ReadJson(json).Count));
            Assert.Equal("resourceSpans[0].scopeSpans[0].spans[9999]", ReadJson(json)[^1].Path);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x0F, 0x00 })] // field 1, wire type 7
    [InlineData(new byte[] { 0x0B, 0x0C })] // field 1 as a group (wire types 3 and 4): no OTLP message has groups
    [InlineData(new byte[] { 0x00 })] // tag 0
    public void Protobuf_NotProtobuf_RefusedAsTheBody(byte[] body)
    {
        var e = Assert.Throws<OtlpFormatException>(() => ReadProtobuf(body));

        Assert.Equal("body", e.Field);
    }

    [Fact]
    public void Json_OtlpJsonMapping_HexIdsInEitherCaseAndIntegersAsStringsOrNumbers()
    {
        var spans = ReadJson("""
            {"resourceSpans":[{"resource":{"attributes":[{"key":"evalframework.pilot","value":{"stringValue":"pilot-a"}},
                {"key":"service.name","value":{"stringValue":"svc"}}],"droppedAttributesCount":0},
              "scopeSpans":[{"scope":{"name":"litellm"},"spans":[
                {"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B174","parentSpanId":"","name":"litellm_request",
                 "kind":3,"startTimeUnixNano":"1796320132085414400","endTimeUnixNano":1796320132088609900,"futureField":{"x":[1]},
                 "attributes":[
                   {"key":"evalframework.case_id","value":{"stringValue":"case-7"}},
                   {"key":"gen_ai.usage.input_tokens","value":{"intValue":"12"}},
                   {"key":"gen_ai.usage.output_tokens","value":{"intValue":34}},
                   {"key":"gen_ai.response.model","value":{"stringValue":"gpt-4o-mini","unknown":1}},
                   {"key":"gen_ai.request.model","value":null},
                   {"key":"llm.token_count.prompt","value":{"doubleValue":"NaN"}},
                   {"key":"gen_ai.prompt","value":{"stringValue":"my personal question"}}],
                 "status":{"code":1}},
                {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"0102030405060708"}]}],
              "schemaUrl":"https://opentelemetry.io/schemas/1.45.0"}]}
            """);

        Assert.Equal(2, spans.Count);
        var span = spans[0];
        Assert.Equal(TraceId, span.TraceId);
        Assert.Equal(SpanId, span.SpanId);
        Assert.Equal((Start, End), (span.StartTimeUnixNano, span.EndTimeUnixNano));
        Assert.True(span.HasGenAiAttributes);
        Assert.Equal(OtlpValue.Of(12L), span.Attributes["gen_ai.usage.input_tokens"]);
        Assert.Equal(OtlpValue.Of(34L), span.Attributes["gen_ai.usage.output_tokens"]);
        Assert.Equal(OtlpValue.Of("gpt-4o-mini"), span.Attributes["gen_ai.response.model"]);
        Assert.True(span.Attributes["gen_ai.request.model"].IsAbsent);
        Assert.True(double.IsNaN(span.Attributes["llm.token_count.prompt"].Number));
        Assert.DoesNotContain("gen_ai.prompt", span.Attributes.Keys);
        Assert.Equal(OtlpValue.Of("pilot-a"), span.Resource["evalframework.pilot"]);
        Assert.Equal("resourceSpans[0].scopeSpans[0].spans[1]", spans[1].Path);
        Assert.False(spans[1].HasGenAiAttributes);
    }

    [Fact]
    public void Json_IdsThatAreNotHex_LeftForTheSpanToBeRefused()
    {
        var span = Assert.Single(ReadJson("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"W4797/eYA4EDBSaZtjOBP8w=","spanId":"abc"}]}]}]}"""));

        Assert.Null(span.TraceId);
        Assert.Null(span.SpanId);
    }

    [Theory]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":"soon"}]}]}]}""", "resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano")]
    [InlineData("""{"resourceSpans":[{"scopeSpans":{"spans":[]}}]}""", "resourceSpans[0].scopeSpans")]
    [InlineData("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[{"key":"gen_ai.usage.input_tokens","value":{"intValue":"1.5"}}]}]}]}]}""",
        "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue")]
    [InlineData("""{"resourceSpans":[{"resource":{"attributes":[{"key":7}]}}]}""", "resourceSpans[0].resource.attributes[0].key")]
    [InlineData("""{"resourceSpans":[7]}""", "resourceSpans[0]")]
    [InlineData("""[]""", "body")]
    [InlineData("""{"resourceSpans":[""", "body")]
    public void Json_Malformed_RefusedNamingWhere(string json, string field)
    {
        var e = Assert.Throws<OtlpFormatException>(() => ReadJson(json));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Json_NoResourceSpans_IsAnEmptyRequest()
    {
        // By the OTLP JSON mapping null is the default and unknown fields are ignored: all three are empty requests.
        Assert.Empty(ReadJson("{}"));
        Assert.Empty(ReadJson("""{"resourceSpans":null}"""));
        Assert.Empty(ReadJson("""{"resourceSpans":[],"foo":1}"""));
    }

    [Fact]
    public void Json_EmptyBody_RefusedAsNotJson()
    {
        // Zero bytes are an empty protobuf message, but no JSON text at all.
        var e = Assert.Throws<OtlpFormatException>(() => ReadJson(""));

        Assert.Equal(("body", "empty; expected {\"resourceSpans\": [...]}"), (e.Field, e.Message));
    }

    [Theory]
    [InlineData(OtlpJsonReader.MaxDepth, "not valid JSON (line 1, byte 81)")] // as deep as allowed, then cut short: a syntax error
    [InlineData(OtlpJsonReader.MaxDepth + 1, "nested too deeply: at most 64 levels of objects and arrays")]
    [InlineData(400, "nested too deeply: at most 64 levels of objects and arrays")]
    public void Json_NestedDeeperThanTheLimit_RefusedSayingSo(int depth, string message)
    {
        var json = "{\"resourceSpans\":" + new string('[', depth - 1) + "!";

        var e = Assert.Throws<OtlpFormatException>(() => ReadJson(json));

        Assert.Equal(("body", message), (e.Field, e.Message));
    }
}
