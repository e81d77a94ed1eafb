using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvalFramework.Contract;

/// <summary>Reads and writes RFC 3339 times; a time without an offset is refused rather than guessed.</summary>
internal sealed class Rfc3339Converter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(EventValidator.TimeRule);
        }

        var text = reader.GetString();
        return TryParse(text, out var value) ? value : throw new JsonException(EventValidator.TimeRule);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

    /// <summary>Parses <c>yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm)</c>.</summary>
    internal static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || text.Length is < 20 or > 40 || !HasOffset(text))
        {
            return false;
        }

        return DateTimeOffset.TryParseExact(
            text,
            ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out value);
    }

    private static bool HasOffset(string text)
    {
        var last = text[^1];
        if (last is 'Z' or 'z')
        {
            return true;
        }

        return text[^6] is '+' or '-' && text[^3] == ':';
    }
}
