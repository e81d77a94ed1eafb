using EvalFramework.Testing;
using Microsoft.Data.Sqlite;

namespace EvalFramework.Benchmarks;

/// <summary>
/// A fresh store for one benchmark: a SQLite file in a temporary folder, or a new database on the PostgreSQL server
/// named by <c>EVALFW_TEST_POSTGRES</c> (start one with <c>eval "$(.ci/postgres start /tmp/evalfw-pg)"</c>).
/// </summary>
internal sealed class BenchmarkStore : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "evalfw-bench", Guid.NewGuid().ToString("N"));
    private readonly string? _postgres;

    public BenchmarkStore(string provider)
    {
        Directory.CreateDirectory(_directory);
        Settings = provider switch
        {
            "sqlite" => new() { ["Storage:SqlitePath"] = Path.Combine(_directory, "bench.db") },
            "postgres" => new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = _postgres = TestPostgres.CreateDatabase() },
            _ => throw new ArgumentException("sqlite or postgres", nameof(provider)),
        };
    }

    /// <summary>The collector's storage settings for this store.</summary>
    public Dictionary<string, string> Settings { get; }

    /// <summary>Writes <paramref name="text"/> to a file in the store's temporary folder; returns its path.</summary>
    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            TestPostgres.DropDatabase(_postgres);
        }

        Directory.Delete(_directory, recursive: true);
    }
}
