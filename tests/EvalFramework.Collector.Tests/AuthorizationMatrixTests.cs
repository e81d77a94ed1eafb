using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EvalFramework.Collector.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// Every endpoint of the app (read from its endpoint table, so a new one cannot be missed) × every kind of caller,
/// against the answer written down here. An endpoint without a declared policy fails, unless it is one of the
/// <see cref="Anonymous"/> ones (health, the landing page, the API's document and reference page) and says
/// <c>AllowAnonymous</c> itself.
/// </summary>
public sealed class AuthorizationMatrixTests : IClassFixture<CollectorFactory>
{
    private const int Ok = 200;
    private const int Created = 201;
    private const int Found = 302;
    private const int BadRequest = 400;
    private const int Unauthorized = 401;
    private const int Forbidden = 403;
    private const int NotFound = 404;

    // The OpenAPI document and its reference page describe the endpoints and their rules, never data: no key needed.
    private static readonly string[] Anonymous = ["GET /", "GET /healthz", "GET /readyz", "GET /openapi/{documentName}.json", "GET /api"];

    private readonly CollectorFactory _collector;

    public AuthorizationMatrixTests(CollectorFactory collector) => _collector = collector;

    private enum Caller
    {
        NoKey,
        WrongKey,
        OtherPilotsKey,
        IngestOnly,
        ReadOnly,
        AdminOnly,
    }

    /// <summary>
    /// The expected answer per endpoint, for a request about pilot-a: no key, a wrong key, pilot-b's key (ingest and
    /// read for pilot-b), and pilot-a keys with one right each.
    /// </summary>
    private static readonly Dictionary<string, (Func<string, HttpRequestMessage> Request, int[] Expected)> Table = new(StringComparer.Ordinal)
    {
        //                                                                                     none   wrong  pilot-b  ingest  read  admin
        ["POST /api/v1/events"] = (_ => Post("/api/v1/events", Batch(Started("matrix-" + Token())).ToJsonString()), [Unauthorized, Unauthorized, Forbidden, Ok, Forbidden, Forbidden]),
        ["POST /v1/traces"] = (_ => Post("/v1/traces", Otlp.OtlpJson.Request(Otlp.OtlpJson.Resource(("evalframework.pilot", "pilot-a")), Otlp.OtlpJson.Span(Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N")[..16], 5, ("evalframework.case_id", "matrix-" + Token()), ("gen_ai.request.model", "gpt-4o-mini"), ("gen_ai.usage.input_tokens", 1L))).ToJsonString()), [Unauthorized, Unauthorized, Forbidden, Ok, Forbidden, Forbidden]),
        ["GET /api/v1/cases"] = (_ => Get("/api/v1/cases?pilot=pilot-a"), [Unauthorized, Unauthorized, Forbidden, Forbidden, Ok, Forbidden]),
        ["POST /api/v1/purge"] = (_ => Post("/api/v1/purge", """{"pilot": "pilot-a", "before": "2000-01-01"}"""), [Unauthorized, Unauthorized, Forbidden, Forbidden, Forbidden, Ok]),
        ["POST /api/v1/snapshots"] = (_ => Post("/api/v1/snapshots", """{"pilot": "pilot-a", "from": "2024-02-05", "to": "2024-02-12"}"""), [Unauthorized, Unauthorized, Forbidden, Forbidden, Forbidden, Created]),
        ["GET /api/v1/snapshots"] = (_ => Get("/api/v1/snapshots?pilot=pilot-a"), [Unauthorized, Unauthorized, Forbidden, Forbidden, Ok, Forbidden]),
        ["GET /api/v1/snapshots/{id}"] = (id => Get("/api/v1/snapshots/" + id), [Unauthorized, Unauthorized, Forbidden, Forbidden, Ok, Forbidden]),
        // pilot-a has no analysisPlan in the test config: a key with the right gets past authorization to the 400 (nothing
        // to register) and, its plan never registered, the 404.
        ["POST /api/v1/plans"] = (_ => Post("/api/v1/plans", """{"pilot": "pilot-a"}"""), [Unauthorized, Unauthorized, Forbidden, Forbidden, Forbidden, BadRequest]),
        ["GET /api/v1/plans/{pilot}"] = (_ => Get("/api/v1/plans/pilot-a"), [Unauthorized, Unauthorized, Forbidden, Forbidden, NotFound, Forbidden]),
        ["GET /reports/latest"] = (_ => Get("/reports/latest?pilot=pilot-a"), [Unauthorized, Unauthorized, Forbidden, Forbidden, Found, Forbidden]),
        ["GET /reports/{id}"] = (id => Get("/reports/" + id), [Unauthorized, Unauthorized, Forbidden, Forbidden, Ok, Forbidden]),
        ["GET /reports/{id}/snapshot.json"] = (id => Get($"/reports/{id}/snapshot.json"), [Unauthorized, Unauthorized, Forbidden, Forbidden, Ok, Forbidden]),
        ["GET /reports/{id}/snapshot.csv"] = (id => Get($"/reports/{id}/snapshot.csv"), [Unauthorized, Unauthorized, Forbidden, Forbidden, Ok, Forbidden]),
        // pilot-b's key has the read right: it gets a scrape, of pilot-b's series only (MetricsAccessTests).
        ["GET /metrics"] = (_ => Get("/metrics"), [Unauthorized, Unauthorized, Ok, Forbidden, Ok, Forbidden]),
        ["GET /"] = (_ => Get("/"), [Ok, Ok, Ok, Ok, Ok, Ok]),
        ["GET /healthz"] = (_ => Get("/healthz"), [Ok, Ok, Ok, Ok, Ok, Ok]),
        ["GET /readyz"] = (_ => Get("/readyz"), [Ok, Ok, Ok, Ok, Ok, Ok]),
        ["GET /openapi/{documentName}.json"] = (_ => Get("/openapi/v1.json"), [Ok, Ok, Ok, Ok, Ok, Ok]),
        ["GET /api"] = (_ => Get("/api"), [Ok, Ok, Ok, Ok, Ok, Ok]),
    };

    [Fact]
    public void Endpoints_EveryOne_InTheTableWithADeclaredPolicyOrExplicitlyAnonymous()
    {
        var endpoints = AppEndpoints();

        Assert.Equal(Table.Keys.Order(StringComparer.Ordinal), endpoints.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, endpoint) in endpoints)
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (Anonymous.Contains(name))
            {
                Assert.True(anonymous && policies.Count == 0, name + ": AllowAnonymous, and nothing else, is declared on the endpoint");
            }
            else
            {
                Assert.False(anonymous, name + " allows anonymous callers");
                Assert.True(policies.Count > 0 && policies.All(p => !string.IsNullOrEmpty(p)), name + " declares no named policy");
            }
        }
    }

    [Fact]
    public async Task Endpoints_EveryCallerWithBearerAndBasic_ExpectedAnswer()
    {
        var id = await SnapshotOfPilotAAsync();
        var keys = new Dictionary<Caller, string>
        {
            [Caller.WrongKey] = "not-a-configured-key",
            [Caller.OtherPilotsKey] = _collector.PilotBKey,
            [Caller.IngestOnly] = _collector.IngestOnlyKey,
            [Caller.ReadOnly] = _collector.ReaderKey,
            [Caller.AdminOnly] = _collector.AdminOnlyKey,
        };
        using var client = _collector.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var wrong = new List<string>();
        var requests = 0;

        foreach (var name in AppEndpoints().Keys.Order(StringComparer.Ordinal))
        {
            var (request, expected) = Table[name];
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var schemes = caller == Caller.NoKey ? new AuthenticationHeaderValue?[] { null } : new[]
                {
                    new AuthenticationHeaderValue("Bearer", keys[caller]),
                    new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("someone:" + keys[caller]))),
                };
                foreach (var authorization in schemes)
                {
                    using var message = request(id);
                    message.Headers.Authorization = authorization;
                    using var response = await client.SendAsync(message);
                    requests++;
                    var status = (int)response.StatusCode;
                    var want = expected[(int)caller];
                    if (status != want)
                    {
                        wrong.Add($"{name} {caller} {authorization?.Scheme ?? "-"}: {status}, expected {want}: {await response.Content.ReadAsStringAsync()}");
                    }
                    else if (status == Unauthorized && !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
                    {
                        wrong.Add($"{name} {caller} {authorization?.Scheme ?? "-"}: 401 without a Bearer challenge");
                    }
                }
            }
        }

        Assert.Equal(Table.Count * 11, requests);
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private Dictionary<string, RouteEndpoint> AppEndpoints() =>
        _collector.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Name: $"{m} {e.RoutePattern.RawText}", Endpoint: e)))
            .ToDictionary(e => e.Name, e => e.Endpoint, StringComparer.Ordinal);

    private async Task<string> SnapshotOfPilotAAsync()
    {
        using var writer = _collector.ClientWith(_collector.WriterKey);
        using var created = await writer.SendAsync(Post("/api/v1/snapshots", """{"pilot": "pilot-a", "from": "2024-01-01", "to": "2024-01-08"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (string)(await created.ReadObjectAsync())["id"]!;
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, string json) =>
        new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
