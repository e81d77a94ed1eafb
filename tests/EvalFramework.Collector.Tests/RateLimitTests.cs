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

        // The bucket refills continuously (1/s), so on a slow machine a request may find a fresh token: keep posting
        // until one is refused, then check that nothing of that one was stored.
        HttpResponseMessage? response = null;
        string? limited = null;
        for (var i = 0; i < 10 && response is null; i++)
        {
            var id = $"rate-{i}";
            var answer = await client.PostAsync(Started(id));
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                (response, limited) = (answer, id);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                answer.Dispose();
            }
        }

        Assert.True(response is not null, "10 requests in a row were not limited");
        using (response)
        {
            Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After missing");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(429, (await response.ReadObjectAsync())["status"]!.GetValue<int>());
        }

        Assert.NotEqual("rate-0", limited); // the burst of 2 lets the first two through
        Assert.NotEqual("rate-1", limited);
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", limited!)));
        Assert.Equal(1L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", "rate-0")));

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
