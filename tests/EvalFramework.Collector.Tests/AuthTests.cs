using System.Net;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

public sealed class AuthTests : IClassFixture<CollectorFactory>
{
    private readonly CollectorFactory _collector;

    public AuthTests(CollectorFactory collector) => _collector = collector;

    public static TheoryData<string?> BadKeys => [null, "", "not-a-configured-key", "Basic dXNlcjpwYXNz"];

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task PostEvents_WithoutValidKey_401AndNothingStored(string? key)
    {
        using var client = _collector.CreateClient();
        var before = _collector.Count("events");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = Json(Batch(Started())) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", key.StartsWith("Basic", StringComparison.Ordinal) ? key : "Bearer " + key);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(before, _collector.Count("events"));
    }

    [Fact]
    public async Task PostEvents_KeyForAnotherPilot_403NamesPilotAndBatchNotStored()
    {
        using var client = _collector.ClientWith(_collector.PilotBKey);
        var before = _collector.Count("events");

        // One event for the key's own pilot, one for a pilot it may not write: the whole batch is refused.
        var response = await client.PostAsync(Started("b-1", pilot: CollectorFactory.PilotB), Started("a-1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Contains("pilot-a", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, _collector.Count("events"));
    }

    [Fact]
    public async Task PostEvents_ReadOnlyKey_403()
    {
        using var client = _collector.ClientWith(_collector.ReaderKey);
        var before = _collector.Count("events");

        var response = await client.PostAsync(Started());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, _collector.Count("events"));
    }

    [Fact]
    public async Task GetCases_KeyForAnotherPilot_403()
    {
        using var client = _collector.ClientWith(_collector.PilotBKey);

        var response = await client.GetAsync($"/api/v1/cases?pilot={CollectorFactory.PilotA}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GetCases_WithoutKey_401()
    {
        using var client = _collector.CreateClient();

        var response = await client.GetAsync($"/api/v1/cases?pilot={CollectorFactory.PilotA}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_WithoutKey_AnswersWithoutData()
    {
        using var client = _collector.CreateClient();

        var live = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", await ready.Content.ReadAsStringAsync());
    }
}
