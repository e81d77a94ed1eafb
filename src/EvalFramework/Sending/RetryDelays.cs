using System.Net.Http.Headers;

namespace EvalFramework.Sending;

/// <summary>How long to wait before the next attempt at a batch.</summary>
internal static class RetryDelays
{
    /// <summary>The first backoff step.</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Jittered exponential backoff: 200 ms doubling per attempt, capped at <paramref name="max"/>, then a random
    /// share between half and all of it (so many clients do not retry in step).
    /// </summary>
    /// <param name="attempt">Zero for the first retry.</param>
    /// <param name="max">The cap.</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Backoff(int attempt, TimeSpan max, double random)
    {
        var exponent = Math.Clamp(attempt, 0, 30);
        var ceiling = Math.Min(Initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (0.5 * random)));
    }

    /// <summary>The wait a <c>Retry-After</c> header asks for (delta seconds or a date), capped at <paramref name="max"/>; null without one.</summary>
    public static TimeSpan? FromRetryAfter(RetryConditionHeaderValue? retryAfter, DateTimeOffset now, TimeSpan max)
    {
        TimeSpan? wait = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };

        if (wait is null)
        {
            return null;
        }

        return wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value > max ? max : wait.Value;
    }
}
