using System.Data.Common;
using System.Net.Http.Headers;
using EvalFramework.Collector.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>
/// A collector on its own store, a temporary SQLite file (the default) or a fresh PostgreSQL database
/// (<see cref="PostgresCollectorFactory"/>), with keys for pilot-a (writer: every right; reader, admin-only, ingest-only: one right each) and pilot-b (ingest and read).
/// </summary>
public class CollectorFactory : WebApplicationFactory<Program>
{
    public const string PilotA = "pilot-a";
    public const string PilotB = "pilot-b";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "evalfw-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _sqlitePath;
    private readonly Lazy<string>? _postgres; // made on first use: a skipped suite never needs it

    public CollectorFactory()
        : this("sqlite")
    {
    }

    /// <param name="provider"><c>sqlite</c> or <c>postgres</c>.</param>
    protected CollectorFactory(string provider)
    {
        Provider = provider;
        Directory.CreateDirectory(_directory);
        if (provider == "postgres")
        {
            _postgres = new Lazy<string>(TestPostgres.CreateDatabase);
        }
        else
        {
            _sqlitePath = Path.Combine(_directory, "collector.db");
        }
    }

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public string Provider { get; }

    /// <summary>The connection string of the collector's database (PostgreSQL collectors only).</summary>
    public string PostgresConnectionString => _postgres?.Value ?? throw new InvalidOperationException("this collector runs on SQLite");

    /// <summary>The SQLite file (SQLite collectors only).</summary>
    public string DatabasePath => _sqlitePath ?? throw new InvalidOperationException("this collector runs on PostgreSQL");

    public string WriterKey { get; } = ApiKeyStore.NewKey();

    public string ReaderKey { get; } = ApiKeyStore.NewKey();

    public string PilotBKey { get; } = ApiKeyStore.NewKey();

    /// <summary>A key with the admin right only, for pilot-a.</summary>
    public string AdminOnlyKey { get; } = ApiKeyStore.NewKey();

    /// <summary>A key with the ingest right only, for pilot-a.</summary>
    public string IngestOnlyKey { get; } = ApiKeyStore.NewKey();

    /// <summary>A key with the ingest right for every pilot (<c>*</c>), configured or not.</summary>
    public string AnyPilotIngestKey { get; } = ApiKeyStore.NewKey();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_postgres is not null)
        {
            builder.UseSetting("Storage:Provider", "postgres");
            builder.UseSetting("Storage:ConnectionString", _postgres.Value);
        }
        else
        {
            builder.UseSetting("Storage:SqlitePath", _sqlitePath);
        }

        // Tests post thousands of requests a second; the rate limit has its own test.
        builder.UseSetting("RateLimit:RequestsPerSecond", "1000000");
        builder.UseSetting("RateLimit:Burst", "1000000");
        AddKey(builder, 0, "writer", WriterKey, PilotA, "ingest", "read", "admin");
        AddKey(builder, 1, "reader", ReaderKey, PilotA, "read");
        AddKey(builder, 2, "pilot-b-writer", PilotBKey, PilotB, "ingest", "read");
        AddKey(builder, 5, "admin-only", AdminOnlyKey, PilotA, "admin"); // 3 and 4 are the derived fixtures'
        AddKey(builder, 6, "ingest-only", IngestOnlyKey, PilotA, "ingest");
        AddKey(builder, 7, "any-pilot-ingest", AnyPilotIngestKey, "*", "ingest");
        if (UsesTestVocabulary)
        {
            builder.UseSetting("Evaluation:ConfigPath", WriteTestConfig());
        }

        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// For a fixture that called <c>UseKestrel()</c> in its constructor (and listens on <c>http://127.0.0.1:0</c>):
    /// starts the server and answers where it listens.
    /// </summary>
    protected Uri StartKestrel()
    {
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>Settings a derived fixture adds.</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string>();

    /// <summary>
    /// Whether the collector runs with the generated evaluation config of <see cref="TestVocabulary"/> (pilot-a and
    /// pilot-b): yes unless a derived fixture sets its own <c>Evaluation:ConfigPath</c> (or wants none).
    /// </summary>
    protected virtual bool UsesTestVocabulary => !ExtraSettings.ContainsKey("Evaluation:ConfigPath");

    /// <summary>Writes <see cref="TestVocabulary.Yaml"/> into the collector's temp folder; returns its path.</summary>
    private string WriteTestConfig()
    {
        var path = Path.Combine(_directory, "evaluation.yaml");
        File.WriteAllText(path, TestVocabulary.Yaml);
        return path;
    }

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

    /// <summary>A connection straight to the collector's store, around the collector.</summary>
    public DbConnection OpenStore()
    {
        DbConnection connection = _postgres is not null
            ? new NpgsqlConnection(_postgres.Value)
            : new SqliteConnection($"Data Source={_sqlitePath};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Rows in a table, read straight from the store.</summary>
    public long Count(string table)
    {
        using var connection = OpenStore();
        using var command = connection.CreateCommand();
        command.CommandText = table switch
        {
            "events" or "cases" or "case_ai_usage" => $"SELECT COUNT(*) FROM {table}",
            _ => throw new ArgumentException("unknown table", nameof(table)),
        };
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Runs a query on the store (parameters named <c>@name</c>) and returns the first column of the first row.</summary>
    public object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = OpenStore();
        using var command = connection.Command(sql, parameters);

        return command.ExecuteScalar();
    }

    /// <summary>The first row of a query on the store, its columns joined by '|' (invariant numbers, null as empty).</summary>
    public string RowText(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = OpenStore();
        using var command = connection.Command(sql, parameters);

        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "no row: " + sql);
        return string.Join('|', Enumerable.Range(0, reader.FieldCount)
            .Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (_postgres is { IsValueCreated: true })
        {
            TestPostgres.DropDatabase(_postgres.Value);
        }

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
