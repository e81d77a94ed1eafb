using System.Net.Http.Headers;
using EvalFramework.Collector.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>
/// A collector on its own temporary SQLite file running with the repository's evaluation config
/// (metrics-config/evaluation.yaml, pilot <c>demo</c>), with an admin key and a read-only key for <c>demo</c>.
/// </summary>
public sealed class SnapshotCollectorFactory : WebApplicationFactory<Program>
{
    public const string Pilot = "demo";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "evalfw-tests", Guid.NewGuid().ToString("N"));

    public SnapshotCollectorFactory()
    {
        Directory.CreateDirectory(_directory);
    }

    public string AdminKey { get; } = ApiKeyStore.NewKey();

    public string ReaderKey { get; } = ApiKeyStore.NewKey();

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "EvalFramework.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("EvalFramework.sln not found above " + AppContext.BaseDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:SqlitePath", Path.Combine(_directory, "collector.db"));
        builder.UseSetting("Evaluation:ConfigPath", Path.Combine(RepositoryRoot(), "metrics-config", "evaluation.yaml"));
        AddKey(builder, 0, "demo-admin", AdminKey, "ingest", "read", "admin");
        AddKey(builder, 1, "demo-reader", ReaderKey, "read");
    }

    public HttpClient ClientWith(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static void AddKey(IWebHostBuilder builder, int index, string name, string key, params string[] rights)
    {
        var at = $"Auth:Keys:{index}";
        builder.UseSetting($"{at}:Name", name);
        builder.UseSetting($"{at}:Sha256", ApiKeyStore.HashKey(key));
        builder.UseSetting($"{at}:Pilots:0", Pilot);
        for (var i = 0; i < rights.Length; i++)
        {
            builder.UseSetting($"{at}:Rights:{i}", rights[i]);
        }
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
