using System.Globalization;
using System.Threading.RateLimiting;
using EvalFramework.Collector.Auth;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// A token bucket per API key on <c>/api/v1</c> and <c>/reports</c>, whichever scheme carried the key (it runs after
/// authentication); over the rate a key gets 429 with <c>Retry-After</c>.
/// </summary>
internal static class RateLimitingServiceCollectionExtensions
{
    public const string PerKeyPolicy = "per-key";

    public static IServiceCollection AddPerKeyRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName))
            .Validate(o => o.RequestsPerSecond >= 1, "RateLimit:RequestsPerSecond: must be at least 1")
            .Validate(o => o.Burst >= 1, "RateLimit:Burst: must be at least 1")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerKeyPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;

                // Partition by the authenticated key's name (names are unique), never by what the client sent: requests
                // without a valid key share one bucket, so made-up keys cannot grow the limiter's memory.
                var partition = http.User.Identity is { IsAuthenticated: true, Name: { } name } ? "key:" + name : "unauthenticated";
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"This API key's rate is exceeded; nothing of this request was stored. Retry after {retryAfter} s.")
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
