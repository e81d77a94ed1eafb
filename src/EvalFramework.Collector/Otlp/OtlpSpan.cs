namespace EvalFramework.Collector.Otlp;

/// <summary>
/// One span of an OTLP export as the ingest reads it, whichever encoding it came in: its ids, times, the attributes
/// of <see cref="OtlpAttributes.Read"/> (nothing else is kept, prompts and completions least of all) and its resource's.
/// </summary>
internal sealed class OtlpSpan
{
    private static readonly Dictionary<string, OtlpValue> Empty = new(StringComparer.Ordinal);

    private Dictionary<string, OtlpValue>? _attributes;

    /// <param name="where">Where the span is in the request, e.g. <c>resourceSpans[0].scopeSpans[1].spans[4]</c>.</param>
    public OtlpSpan(OtlpPath where) => Where = where;

    /// <summary>Where the span is in the request, as indexes (see <see cref="Path"/>).</summary>
    public OtlpPath Where { get; }

    /// <summary>Where the span is in the request, for error messages (never a value of the span); written out on each call.</summary>
    public string Path => Where.ToString();

    /// <summary>The trace id as sent (16 bytes when valid), or null when it was missing or not hex.</summary>
    public byte[]? TraceId { get; set; }

    /// <summary>The span id as sent (8 bytes when valid), or null when it was missing or not hex.</summary>
    public byte[]? SpanId { get; set; }

    public ulong StartTimeUnixNano { get; set; }

    public ulong EndTimeUnixNano { get; set; }

    /// <summary>The span's attributes the ingest reads, by key; the last one sent wins (see <see cref="Set"/>).</summary>
    public IReadOnlyDictionary<string, OtlpValue> Attributes => _attributes ?? Empty;

    /// <summary>Whether any attribute key of the span is a GenAI one (<c>gen_ai.*</c>, or <c>llm.*</c> of older emitters).</summary>
    public bool HasGenAiAttributes { get; set; }

    /// <summary>The resource's attributes the ingest reads (shared by the spans of one <c>ResourceSpans</c>).</summary>
    public IReadOnlyDictionary<string, OtlpValue> Resource { get; set; } = Empty;

    /// <summary>Keeps an attribute the ingest reads; the dictionary is made for the first one, so a span without any costs none.</summary>
    public void Set(string key, OtlpValue value) => (_attributes ??= new(StringComparer.Ordinal))[key] = value;

    /// <summary>An attribute of the span, else of its resource: the span wins.</summary>
    public OtlpValue? Find(string key) =>
        Attributes.TryGetValue(key, out var value) && !value.IsAbsent ? value
        : Resource.TryGetValue(key, out value) && !value.IsAbsent ? value
        : null;

    /// <summary>The first of <paramref name="keys"/> the span has (not on the resource), or null.</summary>
    public (string Key, OtlpValue Value)? First(IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
        {
            if (Attributes.TryGetValue(key, out var value) && !value.IsAbsent)
            {
                return (key, value);
            }
        }

        return null;
    }
}
