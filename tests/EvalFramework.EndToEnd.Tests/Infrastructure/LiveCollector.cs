using System.Net.Http.Headers;
using EvalFramework.Collector.Auth;
using EvalFramework.Collector.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EvalFramework.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The collector in this process on real Kestrel (loopback, free port) with the repository's evaluation config, so
/// a real Prometheus can scrape it and the test can reach its services (the snapshot gauges).
/// </summary>
public sealed class LiveCollector : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("evalfw-live").FullName;

    public LiveCollector() => UseKestrel();

    /// <summary>The pilot's ingest key (<see cref="Client"/> sends it).</summary>
    public string Key { get; } = ApiKeyStore.NewKey();

    /// <summary>A read-only key for the pilot: what Prometheus scrapes <c>/metrics</c> with.</summary>
    public string ScrapeKey { get; } = ApiKeyStore.NewKey();

    /// <summary>host:port of the running collector.</summary>
    public string Target { get; private set; } = "";

    public HttpClient Client { get; private set; } = null!;

    internal LatestSnapshotGauges SnapshotGauges => Services.GetRequiredService<LatestSnapshotGauges>();

    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address);
        Target = $"{uri.Host}:{uri.Port}";
        Client = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
    }

    /// <summary>The collector's <c>/metrics</c> text as Prometheus gets it, with <see cref="ScrapeKey"/>.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeKey);
        using var response = await Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Storage:SqlitePath", Path.Combine(_directory, "collector.db"));
        builder.UseSetting("Evaluation:ConfigPath", Path.Combine(RepositoryPaths.Root, "metrics-config", "evaluation.yaml"));
        builder.UseSetting("Auth:Keys:0:Name", "e2e");
        builder.UseSetting("Auth:Keys:0:Sha256", ApiKeyStore.HashKey(Key));
        builder.UseSetting("Auth:Keys:0:Pilots:0", PilotTraffic.Pilot);
        builder.UseSetting("Auth:Keys:0:Rights:0", "ingest");
        builder.UseSetting("Auth:Keys:1:Name", "e2e-scrape");
        builder.UseSetting("Auth:Keys:1:Sha256", ApiKeyStore.HashKey(ScrapeKey));
        builder.UseSetting("Auth:Keys:1:Pilots:0", PilotTraffic.Pilot);
        builder.UseSetting("Auth:Keys:1:Rights:0", "read");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Client?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
