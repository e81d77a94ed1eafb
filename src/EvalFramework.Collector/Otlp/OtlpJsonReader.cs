using System.Globalization;
using System.Text.Json;
using EvalFramework.Collector.Http;

namespace EvalFramework.Collector.Otlp;

/// <summary>
/// Reads an OTLP/HTTP JSON <c>ExportTraceServiceRequest</c> by the OTLP JSON mapping: lowerCamelCase field names,
/// <c>traceId</c>/<c>spanId</c> as case-insensitive hex, 64-bit integers as decimal strings or numbers, enums as numbers,
/// unknown fields ignored and <c>null</c> the default. Of the attributes only <see cref="OtlpAttributes.Read"/> are read.
/// </summary>
internal static class OtlpJsonReader
{
    /// <summary>The deepest nesting of objects and arrays read (an export needs about 10).</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>
    /// The spans of the request. An empty body is not JSON (unlike an empty protobuf message, which is an empty
    /// request); <c>{}</c> and <c>{"resourceSpans":null}</c> are empty requests.
    /// </summary>
    /// <exception cref="OtlpFormatException">The bytes are not an OTLP JSON <c>ExportTraceServiceRequest</c>.</exception>
    /// <exception cref="OtlpTooManySpansException">The request has more than <see cref="OtlpRequestBody.MaxSpans"/> spans.</exception>
    public static List<OtlpSpan> Read(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw new OtlpFormatException("body", "empty; expected {\"resourceSpans\": [...]}");
        }

        var spans = new List<OtlpSpan>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException e)
        {
            throw new OtlpFormatException("body", JsonNesting.Describe(body.Span, MaxDepth, e), e);
        }

        using (document)
        {
            try
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new OtlpFormatException("body", "must be a JSON object {\"resourceSpans\": [...]}");
                }

                var r = 0;
                foreach (var resourceSpans in Objects(root, "resourceSpans", OtlpPath.Body))
                {
                    ReadResourceSpans(resourceSpans, OtlpPath.ResourceSpans(r++), spans);
                }
            }
            catch (InvalidOperationException e)
            {
                // A name or string that is valid JSON but no valid Unicode text (a lone surrogate escape).
                throw new OtlpFormatException("body", "must be valid Unicode text (it holds a lone surrogate or invalid UTF-8)", e);
            }
        }

        return spans;
    }

    private static void ReadResourceSpans(JsonElement element, OtlpPath at, List<OtlpSpan> spans)
    {
        var resource = new Dictionary<string, OtlpValue>(StringComparer.Ordinal);
        if (Member(element, "resource") is { } res)
        {
            Expect(res, JsonValueKind.Object, at.Resource, null, "must be an object");
            ReadAttributes(res, at.Resource, resource, null);
        }

        var s = 0;
        foreach (var scopeSpans in Objects(element, "scopeSpans", at))
        {
            var scope = at.ScopeSpans(s++);
            var i = 0;
            foreach (var spanElement in Objects(scopeSpans, "spans", scope))
            {
                OtlpTooManySpansException.ThrowIfFull(spans);
                var span = new OtlpSpan(scope.Spans(i++)) { Resource = resource };
                ReadSpan(spanElement, span);
                spans.Add(span);
            }
        }
    }

    private static void ReadSpan(JsonElement element, OtlpSpan span)
    {
        span.TraceId = Hex(element, "traceId", span.Where);
        span.SpanId = Hex(element, "spanId", span.Where);
        span.StartTimeUnixNano = UInt64(element, "startTimeUnixNano", span.Where);
        span.EndTimeUnixNano = UInt64(element, "endTimeUnixNano", span.Where);
        ReadAttributes(element, span.Where, null, span);
    }

    /// <summary>The attributes the ingest reads, into the span's or else into <paramref name="resource"/>.</summary>
    private static void ReadAttributes(JsonElement owner, OtlpPath at, Dictionary<string, OtlpValue>? resource, OtlpSpan? span)
    {
        var i = 0;
        foreach (var keyValue in Objects(owner, "attributes", at))
        {
            var here = at.Attributes(i++);
            if (Member(keyValue, "key") is not { } keyElement)
            {
                continue;
            }

            Expect(keyElement, JsonValueKind.String, here, "key", "must be a string");
            var key = keyElement.GetString()!;
            if (span is not null && OtlpAttributes.IsGenAi(key))
            {
                span.HasGenAiAttributes = true;
            }

            if (OtlpAttributes.Read.Contains(key))
            {
                var value = Member(keyValue, "value") is { } v ? ReadAnyValue(v, here) : default;
                if (span is null)
                {
                    resource![key] = value;
                }
                else
                {
                    span.Set(key, value);
                }
            }
        }
    }

    /// <summary>The <c>AnyValue</c>: a oneof, so the last member in the object wins.</summary>
    /// <param name="element">The <c>value</c> of the attribute.</param>
    /// <param name="attribute">Where the attribute is.</param>
    private static OtlpValue ReadAnyValue(JsonElement element, OtlpPath attribute)
    {
        Expect(element, JsonValueKind.Object, attribute, "value", "must be an object such as {\"stringValue\": \"...\"}");
        var value = new OtlpValue(OtlpValueKind.None);
        foreach (var member in element.EnumerateObject())
        {
            var v = member.Value;
            if (v.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (member.Name)
            {
                case "stringValue":
                    Expect(v, JsonValueKind.String, attribute, "value.stringValue", "must be a string");
                    value = OtlpValue.Of(v.GetString()!);
                    break;
                case "boolValue":
                    value = v.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? OtlpValue.Of(v.GetBoolean())
                        : throw new OtlpFormatException(attribute.Then("value.boolValue"), "must be true or false");
                    break;
                case "intValue":
                    value = OtlpValue.Of(Int64(v, attribute, "value.intValue"));
                    break;
                case "doubleValue":
                    value = OtlpValue.Of(Double(v, attribute, "value.doubleValue"));
                    break;
                case "arrayValue" or "kvlistValue" or "bytesValue":
                    value = new OtlpValue(OtlpValueKind.Other);
                    break;
                default:
                    break; // unknown fields are ignored
            }
        }

        return value;
    }

    /// <summary>A member, or null when it is absent or <c>null</c> (the default).</summary>
    private static JsonElement? Member(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>The objects of an array member (none when it is absent or <c>null</c>).</summary>
    private static IEnumerable<JsonElement> Objects(JsonElement owner, string name, OtlpPath at)
    {
        if (Member(owner, name) is not { } array)
        {
            yield break;
        }

        Expect(array, JsonValueKind.Array, at, name, "must be an array");
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new OtlpFormatException(string.Create(CultureInfo.InvariantCulture, $"{at.Then(name)}[{i}]"), "must be an object");
            }

            i++;
            yield return item;
        }
    }

    /// <summary>Refuses <paramref name="element"/> unless it is of <paramref name="kind"/>, naming <paramref name="at"/> and then <paramref name="field"/> (if any).</summary>
    private static void Expect(JsonElement element, JsonValueKind kind, OtlpPath at, string? field, string message)
    {
        if (element.ValueKind != kind)
        {
            throw new OtlpFormatException(field is null ? at.ToString() : at.Then(field), message);
        }
    }

    /// <summary>A trace or span id: hex (either case), or null when it is absent or not hex (the span is then refused, not the request).</summary>
    private static byte[]? Hex(JsonElement span, string name, OtlpPath at)
    {
        if (Member(span, name) is not { } value)
        {
            return null;
        }

        Expect(value, JsonValueKind.String, at, name, "must be a string of hex digits");
        var text = value.GetString()!;
        return text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit) ? Convert.FromHexString(text) : null;
    }

    private static ulong UInt64(JsonElement span, string name, OtlpPath at)
    {
        if (Member(span, name) is not { } value)
        {
            return 0;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String when ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonValueKind.Number when value.TryGetUInt64(out var number) => number,
            _ => throw new OtlpFormatException(at.Then(name), "must be an unsigned 64-bit integer, as a decimal string or a number"),
        };
    }

    private static long Int64(JsonElement value, OtlpPath attribute, string field) => value.ValueKind switch
    {
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        _ => throw new OtlpFormatException(attribute.Then(field), "must be a 64-bit integer, as a decimal string or a number"),
    };

    private static double Double(JsonElement value, OtlpPath attribute, string field) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => throw new OtlpFormatException(attribute.Then(field), "must be a number, or \"NaN\", \"Infinity\" or \"-Infinity\""),
        },
        _ => throw new OtlpFormatException(attribute.Then(field), "must be a number"),
    };
}
