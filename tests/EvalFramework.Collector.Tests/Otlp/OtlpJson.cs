using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace EvalFramework.Collector.Tests.Otlp;

/// <summary>OTLP JSON trace requests, written by the OTLP JSON mapping (hex ids, int64 as decimal strings).</summary>
public static class OtlpJson
{
    public static JsonObject Request(JsonObject? resource, params JsonObject[] spans) => new()
    {
        ["resourceSpans"] = new JsonArray(new JsonObject
        {
            ["resource"] = resource,
            ["scopeSpans"] = new JsonArray(new JsonObject
            {
                ["scope"] = new JsonObject { ["name"] = "test" },
                ["spans"] = new JsonArray([.. spans]),
            }),
        }),
    };

    public static JsonObject Resource(params (string Key, object Value)[] attributes) => new() { ["attributes"] = Attributes(attributes) };

    /// <summary>A span of <paramref name="milliseconds"/> ending a minute ago.</summary>
    public static JsonObject Span(string traceId, string spanId, double milliseconds, params (string Key, object Value)[] attributes)
    {
        var end = (ulong)(DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds() * 1_000_000);
        return new()
        {
            ["traceId"] = traceId,
            ["spanId"] = spanId,
            ["name"] = "chat",
            ["kind"] = 3,
            ["startTimeUnixNano"] = (end - (ulong)(milliseconds * 1_000_000)).ToString(CultureInfo.InvariantCulture),
            ["endTimeUnixNano"] = end.ToString(CultureInfo.InvariantCulture),
            ["attributes"] = Attributes(attributes),
        };
    }

    public static JsonArray Attributes((string Key, object Value)[] attributes) => new([.. attributes.Select(a => (JsonNode)new JsonObject
    {
        ["key"] = a.Key,
        ["value"] = a.Value switch
        {
            string s => new JsonObject { ["stringValue"] = s },
            long or int => new JsonObject { ["intValue"] = Convert.ToInt64(a.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) },
            double d => new JsonObject { ["doubleValue"] = d },
            bool b => new JsonObject { ["boolValue"] = b },
            _ => throw new ArgumentException("no OTLP value for " + a.Value.GetType()),
        },
    })]);

    public static ByteArrayContent Content(JsonNode request)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.ToJsonString()));
        content.Headers.ContentType = new("application/json");
        return content;
    }

    /// <summary>A fresh trace id (32 hex digits) and span id (16).</summary>
    public static (string TraceId, string SpanId) NewIds() =>
        (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N")[..16]);
}
