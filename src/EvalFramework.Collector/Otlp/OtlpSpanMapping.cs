using EvalFramework.Contract;

namespace EvalFramework.Collector.Otlp;

/// <summary>
/// What a span becomes: ignored (with the reason counted), or an <c>ai.usage</c> event still to be checked against
/// the contract and the pilot's vocabulary, or refused already (its errors name wire fields).
/// </summary>
internal sealed class OtlpSpanMapping
{
    /// <summary>Why the span is not an AI call of a case (<see cref="OtlpIgnoreReasons"/>), or null when it is one.</summary>
    public string? Ignored { get; init; }

    /// <summary>The event made of the span, with the response's model when it has one.</summary>
    public WireEvent? Event { get; init; }

    /// <summary>The request's model, tried when the pilot's vocabulary does not know the response's (a dated version).</summary>
    public string? RequestModel { get; init; }

    /// <summary>The problems found reading the span's attributes, or null.</summary>
    public List<EventError>? Errors { get; init; }
}
