using System.Net;
using System.Net.Http.Headers;
using System.Text;
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

    [Fact]
    public async Task ReportsLatest_AnonymousFlood_BasicReaderHasItsOwnKeysBucket()
    {
        const string Latest = "/reports/latest?pilot=" + CollectorFactory.PilotA;
        using var anonymous = _collector.CreateClient();
        using var reader = _collector.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("browser-user:" + _collector.ReaderKey)));
        using var wrongKey = _collector.ClientWith("not-a-configured-key");

        // Requests without a valid key share one bucket (burst 2, 1 per second): empty it.
        var emptied = false;
        for (var i = 0; i < 10 && !emptied; i++)
        {
            using var flood = await anonymous.GetAsync(Latest);
            emptied = flood.StatusCode == HttpStatusCode.TooManyRequests;
        }

        Assert.True(emptied, "10 anonymous requests in a row were not limited");
        using var first = await reader.GetAsync(Latest);
        using var second = await reader.GetAsync(Latest);
        using var wrong1 = await wrongKey.GetAsync(Latest);
        using var wrong2 = await wrongKey.GetAsync(Latest);

        // The Basic reader spends its own key's burst of 2 (no snapshot of pilot-a yet: 404 both times). A wrong key is
        // no key: at most one token came back to the shared bucket meanwhile, so at least one of its two is refused.
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, new[] { wrong1.StatusCode, wrong2.StatusCode });
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
