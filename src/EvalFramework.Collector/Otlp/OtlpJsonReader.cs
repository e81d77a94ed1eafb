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
                foreach (var resourceSpans in Objects(root, "resourceSpans", ""))
                {
                    ReadResourceSpans(resourceSpans, string.Create(CultureInfo.InvariantCulture, $"resourceSpans[{r++}]"), spans);
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

    private static void ReadResourceSpans(JsonElement element, string at, List<OtlpSpan> spans)
    {
        var resource = new Dictionary<string, OtlpValue>(StringComparer.Ordinal);
        if (Member(element, "resource") is { } res)
        {
            Expect(res, JsonValueKind.Object, at + ".resource", "must be an object");
            ReadAttributes(res, at + ".resource", resource, null);
        }

        var s = 0;
        foreach (var scopeSpans in Objects(element, "scopeSpans", at))
        {
            var scope = string.Create(CultureInfo.InvariantCulture, $"{at}.scopeSpans[{s++}]");
            var i = 0;
            foreach (var spanElement in Objects(scopeSpans, "spans", scope))
            {
                var span = new OtlpSpan(string.Create(CultureInfo.InvariantCulture, $"{scope}.spans[{i++}]")) { Resource = resource };
                ReadSpan(spanElement, span);
                spans.Add(span);
            }
        }
    }

    private static void ReadSpan(JsonElement element, OtlpSpan span)
    {
        span.TraceId = Hex(element, "traceId", span.Path);
        span.SpanId = Hex(element, "spanId", span.Path);
        span.StartTimeUnixNano = UInt64(element, "startTimeUnixNano", span.Path);
        span.EndTimeUnixNano = UInt64(element, "endTimeUnixNano", span.Path);
        ReadAttributes(element, span.Path, span.Attributes, span);
    }

    private static void ReadAttributes(JsonElement owner, string at, Dictionary<string, OtlpValue> into, OtlpSpan? span)
    {
        var i = 0;
        foreach (var keyValue in Objects(owner, "attributes", at))
        {
            var here = string.Create(CultureInfo.InvariantCulture, $"{at}.attributes[{i++}]");
            if (Member(keyValue, "key") is not { } keyElement)
            {
                continue;
            }

            Expect(keyElement, JsonValueKind.String, here + ".key", "must be a string");
            var key = keyElement.GetString()!;
            if (span is not null && OtlpAttributes.IsGenAi(key))
            {
                span.HasGenAiAttributes = true;
            }

            if (OtlpAttributes.Read.Contains(key))
            {
                into[key] = Member(keyValue, "value") is { } value ? ReadAnyValue(value, here + ".value") : default;
            }
        }
    }

    /// <summary>The <c>AnyValue</c>: a oneof, so the last member in the object wins.</summary>
    private static OtlpValue ReadAnyValue(JsonElement element, string at)
    {
        Expect(element, JsonValueKind.Object, at, "must be an object such as {\"stringValue\": \"...\"}");
        var value = new OtlpValue(OtlpValueKind.None);
        foreach (var member in element.EnumerateObject())
        {
            var v = member.Value;
            if (v.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var here = at + "." + member.Name;
            switch (member.Name)
            {
                case "stringValue":
                    Expect(v, JsonValueKind.String, here, "must be a string");
                    value = OtlpValue.Of(v.GetString()!);
                    break;
                case "boolValue":
                    value = v.ValueKind is JsonValueKind.True or JsonValueKind.False
                        ? OtlpValue.Of(v.GetBoolean())
                        : throw new OtlpFormatException(here, "must be true or false");
                    break;
                case "intValue":
                    value = OtlpValue.Of(Int64(v, here));
                    break;
                case "doubleValue":
                    value = OtlpValue.Of(Double(v, here));
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
    private static IEnumerable<JsonElement> Objects(JsonElement owner, string name, string at)
    {
        var here = at.Length == 0 ? name : at + "." + name;
        if (Member(owner, name) is not { } array)
        {
            yield break;
        }

        Expect(array, JsonValueKind.Array, here, "must be an array");
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            Expect(item, JsonValueKind.Object, string.Create(CultureInfo.InvariantCulture, $"{here}[{i++}]"), "must be an object");
            yield return item;
        }
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string at, string message)
    {
        if (element.ValueKind != kind)
        {
            throw new OtlpFormatException(at, message);
        }
    }

    /// <summary>A trace or span id: hex (either case), or null when it is absent or not hex (the span is then refused, not the request).</summary>
    private static byte[]? Hex(JsonElement span, string name, string at)
    {
        if (Member(span, name) is not { } value)
        {
            return null;
        }

        Expect(value, JsonValueKind.String, at + "." + name, "must be a string of hex digits");
        var text = value.GetString()!;
        return text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit) ? Convert.FromHexString(text) : null;
    }

    private static ulong UInt64(JsonElement span, string name, string at)
    {
        if (Member(span, name) is not { } value)
        {
            return 0;
        }

        var here = at + "." + name;
        return value.ValueKind switch
        {
            JsonValueKind.String when ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
            JsonValueKind.Number when value.TryGetUInt64(out var number) => number,
            _ => throw new OtlpFormatException(here, "must be an unsigned 64-bit integer, as a decimal string or a number"),
        };
    }

    private static long Int64(JsonElement value, string at) => value.ValueKind switch
    {
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        _ => throw new OtlpFormatException(at, "must be a 64-bit integer, as a decimal string or a number"),
    };

    private static double Double(JsonElement value, string at) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => throw new OtlpFormatException(at, "must be a number, or \"NaN\", \"Infinity\" or \"-Infinity\""),
        },
        _ => throw new OtlpFormatException(at, "must be a number"),
    };
}
