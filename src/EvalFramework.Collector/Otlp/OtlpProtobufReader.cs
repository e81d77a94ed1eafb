using System.Globalization;
using Google.Protobuf;

namespace EvalFramework.Collector.Otlp;

/// <summary>
/// Reads an OTLP/HTTP protobuf <c>ExportTraceServiceRequest</c> by the field numbers of the OTLP specification
/// (opentelemetry-proto <c>collector/trace/v1</c>, <c>trace/v1</c>, <c>common/v1</c>, <c>resource/v1</c>) with
/// Google.Protobuf's <see cref="CodedInputStream"/>. Unknown fields are skipped, as protobuf requires; of the attributes
/// only <see cref="OtlpAttributes.Read"/> are decoded. Non-minimal length varints (the .NET exporter pads them to four
/// bytes) are accepted.
/// </summary>
internal sealed class OtlpProtobufReader
{
    // Tags are (field number << 3) | wire type; wire types: 0 varint, 1 64-bit, 2 length-delimited, 5 32-bit.
    private const uint RequestResourceSpans = (1 << 3) | 2;
    private const uint ResourceSpansResource = (1 << 3) | 2;
    private const uint ResourceSpansScopeSpans = (2 << 3) | 2;
    private const uint ResourceAttributes = (1 << 3) | 2;
    private const uint ScopeSpansSpans = (2 << 3) | 2;
    private const uint SpanTraceId = (1 << 3) | 2;
    private const uint SpanSpanId = (2 << 3) | 2;
    private const uint SpanStartTime = (7 << 3) | 1;
    private const uint SpanEndTime = (8 << 3) | 1;
    private const uint SpanAttributes = (9 << 3) | 2;
    private const uint KeyValueKey = (1 << 3) | 2;
    private const uint KeyValueValue = (2 << 3) | 2;
    private const uint AnyValueString = (1 << 3) | 2;
    private const uint AnyValueBool = 2 << 3;
    private const uint AnyValueInt = 3 << 3;
    private const uint AnyValueDouble = (4 << 3) | 1;

    private readonly List<OtlpSpan> _spans = [];
    private string _where = "body";

    private OtlpProtobufReader()
    {
    }

    /// <summary>The spans of the request; an empty body is an empty request.</summary>
    /// <exception cref="OtlpFormatException">The bytes are not a protobuf <c>ExportTraceServiceRequest</c>.</exception>
    public static List<OtlpSpan> Read(byte[] body, int length)
    {
        var reader = new OtlpProtobufReader();
        var input = new CodedInputStream(body, 0, length);
        try
        {
            reader.ReadRequest(input);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new OtlpFormatException(reader._where, "not a valid protobuf ExportTraceServiceRequest: " + e.Message, e);
        }

        return reader._spans;
    }

    private void ReadRequest(CodedInputStream input)
    {
        var index = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == RequestResourceSpans)
            {
                var at = Path("resourceSpans", index++);
                Nested(input, at, s => ReadResourceSpans(s, at));
            }
            else
            {
                Skip(input, tag);
            }
        }
    }

    private void ReadResourceSpans(CodedInputStream input, string at)
    {
        var resource = new Dictionary<string, OtlpValue>(StringComparer.Ordinal);
        var first = _spans.Count;
        var scopes = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == ResourceSpansResource)
            {
                Nested(input, at + ".resource", s => ReadResource(s, resource, at + ".resource"));
            }
            else if (tag == ResourceSpansScopeSpans)
            {
                var scope = Path(at + ".scopeSpans", scopes++);
                Nested(input, scope, s => ReadScopeSpans(s, scope));
            }
            else
            {
                Skip(input, tag); // schema_url (3); instrumentation_library_spans (1000) of old exporters
            }
        }

        // The resource may come after its spans: protobuf fixes no order.
        for (var i = first; i < _spans.Count; i++)
        {
            _spans[i].Resource = resource;
        }
    }

    private void ReadResource(CodedInputStream input, Dictionary<string, OtlpValue> attributes, string at)
    {
        var index = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == ResourceAttributes)
            {
                Nested(input, Path(at + ".attributes", index++), s => ReadKeyValue(s, attributes, null));
            }
            else
            {
                Skip(input, tag);
            }
        }
    }

    private void ReadScopeSpans(CodedInputStream input, string at)
    {
        var index = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == ScopeSpansSpans)
            {
                var span = new OtlpSpan(Path(at + ".spans", index++));
                Nested(input, span.Path, s => ReadSpan(s, span));
                _spans.Add(span);
            }
            else
            {
                Skip(input, tag); // the scope (1), schema_url (3)
            }
        }
    }

    private void ReadSpan(CodedInputStream input, OtlpSpan span)
    {
        uint tag;
        var attribute = 0;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (tag)
            {
                case SpanTraceId:
                    span.TraceId = input.ReadBytes().ToByteArray();
                    break;
                case SpanSpanId:
                    span.SpanId = input.ReadBytes().ToByteArray();
                    break;
                case SpanStartTime:
                    span.StartTimeUnixNano = input.ReadFixed64();
                    break;
                case SpanEndTime:
                    span.EndTimeUnixNano = input.ReadFixed64();
                    break;
                case SpanAttributes:
                    Nested(input, Path(span.Path + ".attributes", attribute++), s => ReadKeyValue(s, span.Attributes, span));
                    break;
                default:
                    Skip(input, tag); // trace_state, parent_span_id, name, kind, events, links, status, flags, counts
                    break;
            }
        }
    }

    /// <summary>One attribute; its value is decoded only when its key is one the ingest reads.</summary>
    private void ReadKeyValue(CodedInputStream input, Dictionary<string, OtlpValue> into, OtlpSpan? span)
    {
        string? key = null;
        OtlpValue? value = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == KeyValueKey)
            {
                key = input.ReadString();
            }
            else if (tag == KeyValueValue && (key is null || OtlpAttributes.Read.Contains(key)))
            {
                var read = new OtlpValue(OtlpValueKind.None);
                input.ReadMessage(new ProtobufMessage(s => read = ReadAnyValue(s)));
                value = read;
            }
            else
            {
                Skip(input, tag);
            }
        }

        if (key is null)
        {
            return;
        }

        if (span is not null && OtlpAttributes.IsGenAi(key))
        {
            span.HasGenAiAttributes = true;
        }

        if (value is { } v && OtlpAttributes.Read.Contains(key))
        {
            into[key] = v;
        }
    }

    /// <summary>The <c>AnyValue</c>: a oneof, so the last member sent wins.</summary>
    private OtlpValue ReadAnyValue(CodedInputStream input)
    {
        var value = new OtlpValue(OtlpValueKind.None);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (tag)
            {
                case AnyValueString:
                    value = OtlpValue.Of(input.ReadString());
                    break;
                case AnyValueBool:
                    value = OtlpValue.Of(input.ReadBool());
                    break;
                case AnyValueInt:
                    value = OtlpValue.Of(input.ReadInt64());
                    break;
                case AnyValueDouble:
                    value = OtlpValue.Of(input.ReadDouble());
                    break;
                default:
                    var field = tag >> 3;
                    Skip(input, tag);
                    if (field is 5 or 6 or 7)
                    {
                        value = new OtlpValue(OtlpValueKind.Other); // array_value, kvlist_value, bytes_value
                    }

                    break;
            }
        }

        return value;
    }

    /// <summary>Reads a sub-message within its length, naming <paramref name="where"/> should it be malformed.</summary>
    private void Nested(CodedInputStream input, string where, Action<CodedInputStream> read)
    {
        var outer = _where;
        _where = where;
        input.ReadMessage(new ProtobufMessage(read));
        _where = outer;
    }

    /// <summary>Skips an unknown field; refuses the wire types no OTLP message has (groups, 6, 7).</summary>
    private void Skip(CodedInputStream input, uint tag)
    {
        var wireType = tag & 7;
        if (wireType is not (0 or 1 or 2 or 5))
        {
            throw new OtlpFormatException(_where, string.Create(CultureInfo.InvariantCulture,
                $"not a valid protobuf ExportTraceServiceRequest: field {tag >> 3} has wire type {wireType}, which no OTLP message uses."));
        }

        input.SkipLastField();
    }

    private static string Path(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");
}
