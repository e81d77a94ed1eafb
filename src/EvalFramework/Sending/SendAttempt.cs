namespace EvalFramework.Sending;

/// <summary>How one attempt at sending a batch ended: done (for better or worse), or worth another try.</summary>
/// <param name="ShouldRetry">Whether the failure was transient.</param>
/// <param name="Reason">What went wrong, for the log (no event data).</param>
/// <param name="RetryAfter">The wait the collector asked for, if it did.</param>
/// <param name="Exception">The exception behind the failure, if any.</param>
internal readonly record struct SendAttempt(bool ShouldRetry, string? Reason, TimeSpan? RetryAfter, Exception? Exception)
{
    public static SendAttempt Done => default;

    public static SendAttempt Retry(string reason, TimeSpan? retryAfter = null, Exception? exception = null) =>
        new(true, reason, retryAfter, exception);
}
