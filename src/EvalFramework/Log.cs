using Microsoft.Extensions.Logging;

namespace EvalFramework;

/// <summary>The SDK's log messages. None carries a case reference, an event value or the API key.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Dropped an invalid {EventType} event before sending: {Errors}")]
    public static partial void EventInvalid(ILogger logger, string? eventType, string errors);

    [LoggerMessage(2, LogLevel.Warning, "The collector rejected event {Index} (id {EventId}) of a batch: {Errors}")]
    public static partial void EventRejected(ILogger logger, int index, string? eventId, string errors);

    [LoggerMessage(3, LogLevel.Error, "The collector refused a batch of {Count} events with HTTP {StatusCode}; the events are dropped: {Problem}")]
    public static partial void BatchRefused(ILogger logger, int count, int statusCode, string problem);

    [LoggerMessage(4, LogLevel.Warning, "Sending a batch of {Count} events failed ({Reason}); attempt {Attempt} follows in {DelayMs} ms")]
    public static partial void RetryScheduled(ILogger logger, int count, string reason, int attempt, long delayMs, Exception? exception);

    [LoggerMessage(5, LogLevel.Warning, "Shutting down dropped {Count} events that could not be sent in time")]
    public static partial void DroppedAtShutdown(ILogger logger, long count);

    [LoggerMessage(6, LogLevel.Error, "Unexpected failure in the event sender; {Count} events are dropped")]
    public static partial void SenderFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "The collector answered HTTP {StatusCode} with a body that is not an ingest response; the batch is counted as sent")]
    public static partial void UnreadableResponse(ILogger logger, int statusCode, Exception? exception);

    [LoggerMessage(8, LogLevel.Error, "Spilling to {Directory} is off, events wait in memory only")]
    public static partial void SpillUnavailable(ILogger logger, string directory, Exception exception);

    [LoggerMessage(9, LogLevel.Error, "The spill folder {Directory} failed; events wait in memory only from now on, what is spilled stays for the next start")]
    public static partial void SpillFailed(ILogger logger, string directory, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "The spill folder is full: dropped the {Count} oldest spilled events")]
    public static partial void SpillFull(ILogger logger, long count);

    [LoggerMessage(11, LogLevel.Warning, "Skipped an unreadable part of spill segment {Path} at byte {Position} ({Problem}); {Count} events are lost")]
    public static partial void SpillUnreadable(ILogger logger, string path, long position, string problem, long count);

    [LoggerMessage(12, LogLevel.Information, "Found {Count} spilled events left by an earlier run in {Directory}; they are sent first")]
    public static partial void SpillResumed(ILogger logger, long count, string directory);
}
