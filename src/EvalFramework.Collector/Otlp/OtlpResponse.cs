using System.Text.Encodings.Web;
using System.Text.Json;
using Google.Protobuf;

namespace EvalFramework.Collector.Otlp;

/// <summary>
/// The <c>ExportTraceServiceResponse</c> in the request's encoding: empty on full success, else
/// <c>partial_success</c> (field 1) with <c>rejected_spans</c> (1, int64) and <c>error_message</c> (2, string).
/// </summary>
internal static class OtlpResponse
{
    public const string ProtobufType = "application/x-protobuf";

    public const string JsonType = "application/json";

    /// <summary>The longest <c>error_message</c>: it names each refused span and field, and a big export is cut short.</summary>
    public const int MaxMessageLength = 4096;

    /// <summary>The protobuf encoding: 0 bytes on full success.</summary>
    public static byte[] Protobuf(long rejected, string? message)
    {
        if (rejected == 0 && message is null)
        {
            return [];
        }

        using var partial = new MemoryStream();
        using (var inner = new CodedOutputStream(partial, leaveOpen: true))
        {
            if (rejected != 0)
            {
                inner.WriteTag(1, WireFormat.WireType.Varint);
                inner.WriteInt64(rejected);
            }

            if (message is not null)
            {
                inner.WriteTag(2, WireFormat.WireType.LengthDelimited);
                inner.WriteString(message);
            }
        }

        using var response = new MemoryStream();
        using (var outer = new CodedOutputStream(response, leaveOpen: true))
        {
            outer.WriteTag(1, WireFormat.WireType.LengthDelimited);
            outer.WriteBytes(ByteString.CopyFrom(partial.GetBuffer(), 0, (int)partial.Length));
        }

        return response.ToArray();
    }

    /// <summary>The JSON encoding: <c>{}</c> on full success; int64 as a decimal string, as the OTLP JSON mapping writes it.</summary>
    public static byte[] Json(long rejected, string? message)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping: the message is read in exporters' logs, where \u0027 for an apostrophe only gets in the way.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (rejected != 0 || message is not null)
            {
                json.WriteStartObject("partialSuccess");
                if (rejected != 0)
                {
                    json.WriteString("rejectedSpans", rejected.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                if (message is not null)
                {
                    json.WriteString("errorMessage", message);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
