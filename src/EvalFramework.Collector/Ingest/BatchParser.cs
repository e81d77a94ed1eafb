using System.Globalization;
using System.Text.Json;
using EvalFramework.Collector.Http;
using EvalFramework.Contract;

namespace EvalFramework.Collector.Ingest;

/// <summary>
/// Reads a <c>POST /api/v1/events</c> body. The fast path deserializes the whole batch at once; when that
/// fails, each event is read on its own so one bad event is rejected with its field named and the rest go on.
/// </summary>
internal static class BatchParser
{
    /// <summary>The deepest nesting of objects and arrays read (a batch needs 4).</summary>
    private const int MaxDepth = 16;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>What each typed field expects, for messages on wrong JSON types.</summary>
    private static readonly Dictionary<string, string> Expectations = WireFields.All
        .Where(f => Expectation(f) is not null)
        .ToDictionary(f => f.Name, f => Expectation(f)!, StringComparer.Ordinal)
        .Concat(new Dictionary<string, string>
        {
            ["time"] = EventValidator.TimeRule,
            ["attributes"] = "must be an object of string values",
        })
        .ToDictionary(StringComparer.Ordinal);

    /// <summary>The fields that hold an object of string members.</summary>
    private static readonly HashSet<string> ObjectFields =
        WireFields.All.Where(f => f.Kind == FieldKind.Object).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>What a value of the wrong JSON type should have been, from the field table (strings need no word).</summary>
    private static string? Expectation(WireField field) => field.Kind switch
    {
        FieldKind.Bool => "must be true or false",
        FieldKind.IntRange when field.Max >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"must be an integer ≥ {field.Min}"),
        FieldKind.IntRange => string.Create(CultureInfo.InvariantCulture, $"must be an integer from {field.Min} to {field.Max}"),
        FieldKind.DoubleRange when field.Min == 0 => "must be a number ≥ 0",
        FieldKind.DoubleRange => "must be a number",
        FieldKind.Object => "must be an object",
        _ => null,
    };

    public static ParsedBatch Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return ParsedBatch.Fail(new("body", EventErrorCodes.Required, "empty; expected {\"events\": [...]}"));
        }

        try
        {
            var batch = JsonSerializer.Deserialize(body.Span, ContractJsonContext.Default.EventBatch);
            if (batch?.Events is { } events && !events.Contains(null!))
            {
                return CheckCount(events.Count) ?? ParsedBatch.Of([.. events], new List<EventError>?[events.Count]);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Fall through to the event-by-event reading, which says exactly what is wrong.
        }

        return ParseEachEvent(body);
    }

    private static ParsedBatch? CheckCount(int count) => count switch
    {
        0 => ParsedBatch.Fail(new("events", EventErrorCodes.Required, "must hold at least one event")),
        > EventBatch.MaxEvents => ParsedBatch.Fail(new("events", EventErrorCodes.OutOfRange, string.Create(CultureInfo.InvariantCulture,
            $"at most {EventBatch.MaxEvents} events per batch (got {count}); split the batch"))),
        _ => null,
    };

    private static ParsedBatch ParseEachEvent(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return ParsedBatch.Fail(new("body", EventErrorCodes.Invalid, JsonNesting.Describe(body.Span, MaxDepth, ex)));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ParsedBatch.Fail(new("body", EventErrorCodes.Invalid, "must be a JSON object {\"events\": [...]}"));
            }

            JsonElement array;
            try
            {
                if (!root.TryGetProperty("events", out array) || array.ValueKind != JsonValueKind.Array)
                {
                    return ParsedBatch.Fail(new("events", EventErrorCodes.Required, "required, an array of 1–1000 events"));
                }
            }
            catch (InvalidOperationException)
            {
                // A property name that is valid JSON but no valid Unicode text (a lone surrogate escape).
                return ParsedBatch.Fail(UnreadableText("body"));
            }

            var count = array.GetArrayLength();
            if (CheckCount(count) is { } countError)
            {
                return countError;
            }

            var events = new WireEvent?[count];
            var errors = new List<EventError>?[count];
            var rawIds = new string?[count];
            var i = 0;
            foreach (var element in array.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    errors[i] = [new("event", EventErrorCodes.Invalid, "must be a JSON object")];
                }
                else
                {
                    try
                    {
                        events[i] = element.Deserialize(ContractJsonContext.Default.WireEvent);
                    }
                    catch (Exception ex) when (ex is JsonException or InvalidOperationException)
                    {
                        errors[i] = [ex is JsonException json ? Describe(json) : UnreadableText(null)];
                        rawIds[i] = RawId(element);
                    }
                }

                i++;
            }

            return ParsedBatch.Of(events, errors, rawIds);
        }
    }

    /// <summary>The id of an event that could not be read, when it is a readable, well-formed id.</summary>
    private static string? RawId(JsonElement element)
    {
        try
        {
            return element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { } text && EventValidator.IsEventId(text) ? text : null;
        }
        catch (InvalidOperationException)
        {
            return null; // not valid Unicode text
        }
    }

    /// <summary>The message for a string that is valid JSON but no valid Unicode text.</summary>
    private static EventError UnreadableText(string? field) =>
        new(field ?? "event", EventErrorCodes.Invalid, "must be valid Unicode text (it holds a lone surrogate or invalid UTF-8)");

    /// <summary>A message naming the field a deserialization error is about, without echoing its value.</summary>
    internal static EventError Describe(JsonException ex)
    {
        var field = FieldOf(ex.Path);
        if (ex.InnerException is InvalidOperationException { Message: var inner } && inner.Contains("invalid UTF", StringComparison.OrdinalIgnoreCase))
        {
            // System.Text.Json wraps the reader's refusal of a lone surrogate or of invalid UTF-8 in a string.
            return UnreadableText(field);
        }

        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var name = NameInQuotes(ex.Message);
            // The path ends in the unknown name itself: client text, so it is named only when it is a plain identifier;
            // inside an object field (assignment) it is named under that field.
            var first = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal)
                ? path[2..].Split('.', '[')[0] : null;
            var parent = first is not null && ObjectFields.Contains(first) ? first : null;
            var unknown = parent is null ? name ?? "event" : name is null ? parent : parent + "." + name;
            return new(unknown, EventErrorCodes.UnknownField, "unknown field; see the wire contract for the fields of each type");
        }

        if (ex.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            return new(field ?? "event", EventErrorCodes.Invalid, "appears more than once");
        }

        if (field is null)
        {
            return new("event", EventErrorCodes.Invalid, "could not be read as an event object");
        }

        // A member of an object field (assignment.unit) is a string; the object's own expectation is about the object.
        var top = field.Split('.')[0];
        var expected = field != top && ObjectFields.Contains(top) ? null : Expectations.GetValueOrDefault(top);
        return new(field, EventErrorCodes.Invalid, expected ?? "must be a string");
    }

    private static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        field = field.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).Trim('.');

        // An attribute key is client text: named only when it is a slug that looks like no identifier.
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        // A member of an object field is named when it is letters only, as the contract's member names are.
        return dot < 0 || (EventValidator.IsSlug(field[(dot + 1)..], 64) && IdentifierGuard.Find(field[(dot + 1)..]) is null)
            || (ObjectFields.Contains(field[..dot]) && field[(dot + 1)..].All(char.IsAsciiLetter))
            ? field
            : field[..dot];
    }

    private static string? NameInQuotes(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        if (end <= start + 1 || end - start > 65)
        {
            return null;
        }

        // Echo the field name only when it is a plain identifier: a name is not a value, but be careful anyway.
        var name = message[(start + 1)..end];
        return name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : null;
    }
}
