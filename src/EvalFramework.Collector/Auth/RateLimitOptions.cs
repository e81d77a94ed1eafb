namespace EvalFramework.Collector.Auth;

/// <summary>Per-key request rate limit of the <c>/api/v1</c> endpoints (configuration section <c>RateLimit</c>).</summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "RateLimit";

    /// <summary><c>RateLimit:RequestsPerSecond</c>: sustained requests per second per key; default 200 (20,000 events/s in full batches).</summary>
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary><c>RateLimit:Burst</c>: requests a key may make at once before the rate applies; default 400.</summary>
    public int Burst { get; set; } = 400;
}
