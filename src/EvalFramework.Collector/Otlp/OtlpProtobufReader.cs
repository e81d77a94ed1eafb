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

    // One message object per level, made once: a span or attribute read allocates no delegate. The levels nest
    // strictly (request, resource spans, resource or scope spans, span, attribute, value), so each level's state is a field.
    private readonly ProtobufMessage _resourceSpansMessage;
    private readonly ProtobufMessage _resourceMessage;
    private readonly ProtobufMessage _scopeSpansMessage;
    private readonly ProtobufMessage _spanMessage;
    private readonly ProtobufMessage _keyValueMessage;
    private readonly ProtobufMessage _anyValueMessage;
    private OtlpPath _where = OtlpPath.Body;
    private OtlpPath _resourceSpansAt;
    private OtlpPath _scopeSpansAt;
    private Dictionary<string, OtlpValue> _resource = new(StringComparer.Ordinal);
    private OtlpSpan? _span;
    private OtlpSpan? _keyValueSpan;
    private OtlpValue _anyValue;

    private OtlpProtobufReader()
    {
        _resourceSpansMessage = new ProtobufMessage(ReadResourceSpans);
        _resourceMessage = new ProtobufMessage(ReadResource);
        _scopeSpansMessage = new ProtobufMessage(ReadScopeSpans);
        _spanMessage = new ProtobufMessage(ReadSpan);
        _keyValueMessage = new ProtobufMessage(ReadKeyValue);
        _anyValueMessage = new ProtobufMessage(s => _anyValue = ReadAnyValue(s));
    }

    /// <summary>The spans of the request; an empty body is an empty request.</summary>
    /// <exception cref="OtlpFormatException">The bytes are not a protobuf <c>ExportTraceServiceRequest</c>.</exception>
    /// <exception cref="OtlpTooManySpansException">The request has more than <see cref="OtlpRequestBody.MaxSpans"/> spans.</exception>
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
            throw new OtlpFormatException(reader._where.ToString(), "not a valid protobuf ExportTraceServiceRequest: " + e.Message, e);
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
                _resourceSpansAt = OtlpPath.ResourceSpans(index++);
                Nested(input, _resourceSpansAt, _resourceSpansMessage);
            }
            else
            {
                Skip(input, tag);
            }
        }
    }

    private void ReadResourceSpans(CodedInputStream input)
    {
        var at = _resourceSpansAt;
        var resource = new Dictionary<string, OtlpValue>(StringComparer.Ordinal);
        var first = _spans.Count;
        var scopes = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == ResourceSpansResource)
            {
                _resource = resource;
                Nested(input, at.Resource, _resourceMessage);
            }
            else if (tag == ResourceSpansScopeSpans)
            {
                _scopeSpansAt = at.ScopeSpans(scopes++);
                Nested(input, _scopeSpansAt, _scopeSpansMessage);
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

    private void ReadResource(CodedInputStream input)
    {
        var at = _where;
        var index = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == ResourceAttributes)
            {
                _keyValueSpan = null;
                Nested(input, at.Attributes(index++), _keyValueMessage);
            }
            else
            {
                Skip(input, tag);
            }
        }
    }

    private void ReadScopeSpans(CodedInputStream input)
    {
        var at = _scopeSpansAt;
        var index = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == ScopeSpansSpans)
            {
                OtlpTooManySpansException.ThrowIfFull(_spans);
                var span = new OtlpSpan(at.Spans(index++));
                _span = span;
                Nested(input, span.Where, _spanMessage);
                _spans.Add(span);
            }
            else
            {
                Skip(input, tag); // the scope (1), schema_url (3)
            }
        }
    }

    private void ReadSpan(CodedInputStream input)
    {
        var span = _span!;
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
                    _keyValueSpan = span;
                    Nested(input, span.Where.Attributes(attribute++), _keyValueMessage);
                    break;
                default:
                    Skip(input, tag); // trace_state, parent_span_id, name, kind, events, links, status, flags, counts
                    break;
            }
        }
    }

    /// <summary>One attribute; its value is decoded only when its key is one the ingest reads.</summary>
    private void ReadKeyValue(CodedInputStream input)
    {
        var span = _keyValueSpan;
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
                _anyValue = new OtlpValue(OtlpValueKind.None);
                input.ReadMessage(_anyValueMessage);
                value = _anyValue;
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
            if (span is null)
            {
                _resource[key] = v;
            }
            else
            {
                span.Set(key, v);
            }
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
    private void Nested(CodedInputStream input, OtlpPath where, ProtobufMessage message)
    {
        var outer = _where;
        _where = where;
        input.ReadMessage(message);
        _where = outer;
    }

    /// <summary>Skips an unknown field; refuses the wire types no OTLP message has (groups, 6, 7).</summary>
    private void Skip(CodedInputStream input, uint tag)
    {
        var wireType = tag & 7;
        if (wireType is not (0 or 1 or 2 or 5))
        {
            throw new OtlpFormatException(_where.ToString(), string.Create(CultureInfo.InvariantCulture,
                $"not a valid protobuf ExportTraceServiceRequest: field {tag >> 3} has wire type {wireType}, which no OTLP message uses."));
        }

        input.SkipLastField();
    }
}
