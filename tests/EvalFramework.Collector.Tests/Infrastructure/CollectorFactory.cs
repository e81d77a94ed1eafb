using System.Net.Http.Headers;
using EvalFramework.Collector.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>A collector on its own temporary SQLite file, with three keys: ingest+read for pilot-a, read-only, and pilot-b only.</summary>
public class CollectorFactory : WebApplicationFactory<Program>
{
    public const string PilotA = "pilot-a";
    public const string PilotB = "pilot-b";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "evalfw-tests", Guid.NewGuid().ToString("N"));

    public CollectorFactory()
    {
        Directory.CreateDirectory(_directory);
        DatabasePath = Path.Combine(_directory, "collector.db");
    }

    public string DatabasePath { get; }

    public string WriterKey { get; } = ApiKeyStore.NewKey();

    public string ReaderKey { get; } = ApiKeyStore.NewKey();

    public string PilotBKey { get; } = ApiKeyStore.NewKey();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:SqlitePath", DatabasePath);

        // Tests post thousands of requests a second; the rate limit has its own test.
        builder.UseSetting("RateLimit:RequestsPerSecond", "1000000");
        builder.UseSetting("RateLimit:Burst", "1000000");
        AddKey(builder, 0, "writer", WriterKey, PilotA, "ingest", "read", "admin");
        AddKey(builder, 1, "reader", ReaderKey, PilotA, "read");
        AddKey(builder, 2, "pilot-b-writer", PilotBKey, PilotB, "ingest", "read");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Settings a derived fixture adds.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    private static void AddKey(IWebHostBuilder builder, int index, string name, string key, string pilot, params string[] rights)
    {
        var at = $"Auth:Keys:{index}";
        builder.UseSetting($"{at}:Name", name);
        builder.UseSetting($"{at}:Sha256", ApiKeyStore.HashKey(key));
        builder.UseSetting($"{at}:Pilots:0", pilot);
        for (var i = 0; i < rights.Length; i++)
        {
            builder.UseSetting($"{at}:Rights:{i}", rights[i]);
        }
    }

    /// <summary>A client that sends the given key (the writer's by default).</summary>
    public HttpClient ClientWith(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>Rows in a table, read straight from the SQLite file.</summary>
    public long Count(string table)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = table switch
        {
            "events" or "cases" or "case_ai_usage" => $"SELECT COUNT(*) FROM {table}",
            _ => throw new ArgumentException("unknown table", nameof(table)),
        };
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Runs a query on the SQLite file and returns the first column of the first row.</summary>
    public object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
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
