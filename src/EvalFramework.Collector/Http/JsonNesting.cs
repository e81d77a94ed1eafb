using System.Globalization;
using System.Text.Json;

namespace EvalFramework.Collector.Http;

/// <summary>
/// Tells a JSON body nested deeper than a parser's limit from one that is not JSON at all: the parser's exception says
/// neither in a way a client can act on, only where it stopped.
/// </summary>
internal static class JsonNesting
{
    /// <summary>
    /// Whether <paramref name="json"/> opens an object or array deeper than <paramref name="maxDepth"/> levels before any
    /// syntax error: then that, not its syntax, is why a parser with that limit refused it.
    /// </summary>
    public static bool IsTooDeep(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error before the limit was reached.
        }

        return false;
    }

    /// <summary>
    /// The message for a body a parser with <paramref name="maxDepth"/> refused: nested too deeply, or not valid JSON
    /// and where the parser stopped (never the input itself).
    /// </summary>
    public static string Describe(ReadOnlySpan<byte> json, int maxDepth, JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return IsTooDeep(json, maxDepth)
            ? string.Create(CultureInfo.InvariantCulture, $"nested too deeply: at most {maxDepth} levels of objects and arrays")
            : string.Create(CultureInfo.InvariantCulture, $"not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})");
    }
}
