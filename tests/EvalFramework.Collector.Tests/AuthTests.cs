using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EvalFramework.Collector.Auth;
using EvalFramework.Collector.Tests.Infrastructure;
using Microsoft.Extensions.Options;
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
    public async Task PostEvents_KeyForAnotherPilot_403NamesTheEventsPilotFieldAndBatchNotStored()
    {
        using var client = _collector.ClientWith(_collector.PilotBKey);
        var before = _collector.Count("events");

        // One event for the key's own pilot, one for a pilot it may not write: the whole batch is refused.
        var response = await client.PostAsync(Started("b-1", pilot: CollectorFactory.PilotB), Started("a-1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var detail = (await response.ReadObjectAsync())["detail"]!.GetValue<string>();
        Assert.StartsWith("events[1].pilot: ", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("pilot-a", detail, StringComparison.Ordinal); // a refused value is never echoed
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

    [Fact]
    public async Task PostEvents_KeyAsBasicPassword_StoredUnderTheKeysName()
    {
        using var client = _collector.CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic("any-user-name", _collector.WriterKey);
        var caseId = "basic-" + Token();

        var response = await client.PostAsync(Started(caseId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("writer", _collector.Scalar("SELECT key_name FROM events WHERE case_id = @c", ("@c", caseId)));
    }

    [Fact]
    public async Task CreateSnapshot_AdminOnlyKey_201WithIdLocationAndMetadataButNoFigures()
    {
        using var admin = _collector.ClientWith(_collector.AdminOnlyKey);
        using var writer = _collector.ClientWith(_collector.WriterKey);
        var request = """{"pilot": "pilot-a", "from": "2024-05-06", "to": "2024-05-13"}""";

        using var response = await admin.PostAsync("/api/v1/snapshots", new StringContent(request, Encoding.UTF8, "application/json"));
        using var full = await writer.PostAsync("/api/v1/snapshots", new StringContent(request, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadObjectAsync();
        var id = (string)created["id"]!;
        Assert.Equal("/api/v1/snapshots/" + id, response.Headers.Location!.OriginalString);
        Assert.Equal(["createdAt", "id", "period", "pilot"], created.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("pilot-a", (string)created["pilot"]!);
        Assert.Equal(["from", "to"], created["period"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(response.Headers.Location)).StatusCode);
        // A key that may also read the pilot gets the whole snapshot, as before.
        Assert.Equal(HttpStatusCode.Created, full.StatusCode);
        Assert.NotNull((await full.ReadObjectAsync())["caseTypes"]);
    }

    [Fact]
    public void Start_TwoKeysWithOneName_RefusedNamingTheSecondKey()
    {
        using var app = _collector.WithWebHostBuilder(b => b
            .UseSetting("Auth:Keys:7:Name", "reader")
            .UseSetting("Auth:Keys:7:Sha256", ApiKeyStore.HashKey(ApiKeyStore.NewKey()))
            .UseSetting("Auth:Keys:7:Pilots:0", CollectorFactory.PilotB)
            .UseSetting("Auth:Keys:7:Rights:0", "read"));

        var refused = Assert.ThrowsAny<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("Auth:Keys:7:Name: duplicate key name", refused.Failures);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
}
