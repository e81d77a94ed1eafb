using System.Net;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

public sealed class RateLimitTests : IClassFixture<RateLimitTests.SlowCollector>
{
    private readonly SlowCollector _collector;

    public RateLimitTests(SlowCollector collector) => _collector = collector;

    [Fact]
    public async Task PostEvents_OverTheKeysRate_429WithRetryAfterAndNothingStored()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Started("rate-" + i))).StatusCode);
        }

        var before = _collector.Count("events");
        var limited = Started("rate-over");

        var response = await client.PostAsync(limited);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After missing");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await response.ReadObjectAsync())["status"]!.GetValue<int>());
        Assert.Equal(before, _collector.Count("events"));

        // Another key has its own bucket.
        using var other = _collector.ClientWith(_collector.PilotBKey);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsync(Started("rate-b", pilot: CollectorFactory.PilotB))).StatusCode);
    }

    public sealed class SlowCollector : CollectorFactory
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>
        {
            ["RateLimit:RequestsPerSecond"] = "1",
            ["RateLimit:Burst"] = "2",
        };
    }
}
