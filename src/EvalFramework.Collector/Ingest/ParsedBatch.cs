using EvalFramework.Contract;

namespace EvalFramework.Collector.Ingest;

/// <summary>
/// A request body read against the contract: either a whole-body problem (<see cref="BodyError"/>), or one
/// slot per event holding the event or the reasons it could not be read.
/// </summary>
internal sealed class ParsedBatch
{
    private ParsedBatch(EventError? bodyError, WireEvent?[] events, List<EventError>?[] errors, string?[]? rawIds)
    {
        BodyError = bodyError;
        Events = events;
        Errors = errors;
        RawIds = rawIds;
    }

    /// <summary>A problem with the body as a whole, naming the field; null when the events could be read.</summary>
    public EventError? BodyError { get; }

    /// <summary>The events, null where an event could not be read.</summary>
    public WireEvent?[] Events { get; }

    /// <summary>Per event, the problems found so far (null when none).</summary>
    public List<EventError>?[] Errors { get; }

    /// <summary>The raw id of an event that could not be read, when it had a readable one.</summary>
    public string?[]? RawIds { get; }

    public static ParsedBatch Fail(EventError error) => new(error, [], [], null);

    public static ParsedBatch Of(WireEvent?[] events, List<EventError>?[] errors, string?[]? rawIds = null) =>
        new(null, events, errors, rawIds);
}
