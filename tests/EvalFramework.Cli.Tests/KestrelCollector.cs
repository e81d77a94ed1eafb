extern alias collector;

using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EvalFramework.Cli.Tests;

/// <summary>
/// A real collector on Kestrel at 127.0.0.1 with a free port, its own SQLite file, the shipped evaluation config (or
/// another one a derived fixture gives) and one admin key for pilot <c>demo</c>.
/// </summary>
public class KestrelCollector : WebApplicationFactory<collector::Program>
{
    public const string Pilot = "demo";

    private readonly string _directory = Directory.CreateTempSubdirectory("evalctl-collector-").FullName;
    private readonly string _config;

    public KestrelCollector()
        : this(RepoRoot.ShippedConfig)
    {
    }

    /// <param name="config">The evaluation config the collector runs with.</param>
    protected KestrelCollector(string config)
    {
        _config = config;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First());
    }

    public string Key { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public Uri Address { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("Storage:SqlitePath", Path.Combine(_directory, "collector.db"));
        builder.UseSetting("Evaluation:ConfigPath", _config);
        builder.UseSetting("Auth:Keys:0:Name", "evalctl-test");
        builder.UseSetting("Auth:Keys:0:Sha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key))));
        builder.UseSetting("Auth:Keys:0:Pilots:0", Pilot);
        builder.UseSetting("Auth:Keys:0:Rights:0", "ingest");
        builder.UseSetting("Auth:Keys:0:Rights:1", "read");
        builder.UseSetting("Auth:Keys:0:Rights:2", "admin");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown: the temp folder is cleaned by the OS later.
        }
    }
}
