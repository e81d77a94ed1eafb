using Google.Protobuf;

namespace EvalFramework.Collector.Tests.Otlp;

/// <summary>
/// Writes OTLP trace requests by the specification's field numbers with <see cref="CodedOutputStream"/>, written here
/// independently of the collector's reader (opentelemetry-proto: trace_service.proto, trace.proto, common.proto,
/// resource.proto), so tests can also send what an exporter would not.
/// </summary>
public static class OtlpProtobuf
{
    /// <summary>ExportTraceServiceRequest: resource_spans = 1.</summary>
    public static byte[] Request(params byte[][] resourceSpans) => Message(o => Repeated(o, 1, resourceSpans));

    /// <summary>ResourceSpans: resource = 1, scope_spans = 2, schema_url = 3.</summary>
    public static byte[] ResourceSpans(byte[]? resource, params byte[][] scopeSpans) => Message(o =>
    {
        if (resource is not null)
        {
            Field(o, 1, resource);
        }

        Repeated(o, 2, scopeSpans);
        o.WriteTag(3, WireFormat.WireType.LengthDelimited);
        o.WriteString("https://opentelemetry.io/schemas/1.45.0");
    });

    /// <summary>Resource: attributes = 1, dropped_attributes_count = 2.</summary>
    public static byte[] Resource(params byte[][] attributes) => Message(o => Repeated(o, 1, attributes));

    /// <summary>ScopeSpans: scope = 1 (InstrumentationScope: name = 1, version = 2), spans = 2.</summary>
    public static byte[] ScopeSpans(params byte[][] spans) => Message(o =>
    {
        Field(o, 1, Message(scope =>
        {
            scope.WriteTag(1, WireFormat.WireType.LengthDelimited);
            scope.WriteString("Experimental.Microsoft.Extensions.AI");
            scope.WriteTag(2, WireFormat.WireType.LengthDelimited);
            scope.WriteString("10.11.0");
        }));
        Repeated(o, 2, spans);
    });

    /// <summary>
    /// Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6, start = 7 (fixed64), end = 8 (fixed64),
    /// attributes = 9, status = 15, flags = 16 (fixed32): every field an exporter writes, so the reader skips the rest.
    /// </summary>
    public static byte[] Span(byte[] traceId, byte[] spanId, ulong start, ulong end, params byte[][] attributes) => Message(o =>
    {
        Field(o, 1, traceId);
        Field(o, 2, spanId);
        o.WriteTag(16, WireFormat.WireType.Fixed32);
        o.WriteFixed32(0x103);
        Field(o, 4, [1, 2, 3, 4, 5, 6, 7, 8]);
        o.WriteTag(5, WireFormat.WireType.LengthDelimited);
        o.WriteString("chat gpt-4o-mini");
        o.WriteTag(6, WireFormat.WireType.Varint);
        o.WriteEnum(3);
        o.WriteTag(7, WireFormat.WireType.Fixed64);
        o.WriteFixed64(start);
        o.WriteTag(8, WireFormat.WireType.Fixed64);
        o.WriteFixed64(end);
        Repeated(o, 9, attributes);
        Field(o, 15, Message(status =>
        {
            status.WriteTag(3, WireFormat.WireType.Varint);
            status.WriteEnum(1);
        }));
    });

    /// <summary>KeyValue (key = 1, value = 2) with AnyValue.string_value = 1.</summary>
    public static byte[] Attribute(string key, string value) => KeyValue(key, Message(v =>
    {
        v.WriteTag(1, WireFormat.WireType.LengthDelimited);
        v.WriteString(value);
    }));

    /// <summary>AnyValue.int_value = 3 (int64 varint).</summary>
    public static byte[] Attribute(string key, long value) => KeyValue(key, Message(v =>
    {
        v.WriteTag(3, WireFormat.WireType.Varint);
        v.WriteInt64(value);
    }));

    /// <summary>AnyValue.double_value = 4 (fixed64).</summary>
    public static byte[] Attribute(string key, double value) => KeyValue(key, Message(v =>
    {
        v.WriteTag(4, WireFormat.WireType.Fixed64);
        v.WriteDouble(value);
    }));

    /// <summary>AnyValue.bool_value = 2.</summary>
    public static byte[] Attribute(string key, bool value) => KeyValue(key, Message(v =>
    {
        v.WriteTag(2, WireFormat.WireType.Varint);
        v.WriteBool(value);
    }));

    /// <summary>AnyValue.array_value = 5 (ArrayValue: values = 1) of strings.</summary>
    public static byte[] Attribute(string key, params string[] values) => KeyValue(key, Message(v => Field(v, 5, Message(array =>
    {
        foreach (var value in values)
        {
            Field(array, 1, Message(item =>
            {
                item.WriteTag(1, WireFormat.WireType.LengthDelimited);
                item.WriteString(value);
            }));
        }
    }))));

    public static byte[] KeyValue(string key, byte[] anyValue) => Message(o =>
    {
        o.WriteTag(1, WireFormat.WireType.LengthDelimited);
        o.WriteString(key);
        Field(o, 2, anyValue);
    });

    /// <summary>One message's bytes.</summary>
    public static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        return buffer.ToArray();
    }

    /// <summary>A length-delimited field.</summary>
    public static void Field(CodedOutputStream output, int number, byte[] bytes)
    {
        output.WriteTag(number, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(bytes));
    }

    private static void Repeated(CodedOutputStream output, int number, byte[][] items)
    {
        foreach (var item in items)
        {
            Field(output, number, item);
        }
    }
}
