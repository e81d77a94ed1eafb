using EvalFramework.Collector.Storage.Postgres;

namespace EvalFramework.Collector.Storage;

/// <summary>Where the collector keeps its data (configuration section <c>Storage</c>).</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>
    /// <c>Storage:Provider</c>: <c>sqlite</c> (default; one collector, an embedded file) or <c>postgres</c> (several
    /// collector replicas sharing one PostgreSQL database).
    /// </summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary><c>Storage:SqlitePath</c>: the SQLite file; default <c>data/evalframework.db</c> (relative to the working directory).</summary>
    public string SqlitePath { get; set; } = "data/evalframework.db";

    /// <summary>
    /// <c>Storage:ConnectionString</c>: the PostgreSQL connection string (Npgsql form,
    /// <c>Host=…;Port=5432;Database=…;Username=…;Password=…</c>); required with <c>postgres</c>, no default.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>Storage:MaxEventsPerTransaction</c>: group-commit ceiling; default 5000.</summary>
    public int MaxEventsPerTransaction { get; set; } = 5000;

    /// <summary>Every configuration error, each naming its key; empty when the options are usable.</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        if (Provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(SqlitePath))
            {
                errors.Add("Storage:SqlitePath: required");
            }
        }
        else if (Provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                errors.Add("Storage:ConnectionString: required when Storage:Provider is 'postgres'");
            }
            else if (PostgresDatabase.ConnectionStringError(ConnectionString) is { } error)
            {
                errors.Add("Storage:ConnectionString: " + error);
            }
        }
        else
        {
            errors.Add($"Storage:Provider: '{Provider}' is not a provider; use 'sqlite' or 'postgres'");
        }

        if (MaxEventsPerTransaction is < 1 or > 100_000)
        {
            errors.Add("Storage:MaxEventsPerTransaction: must be from 1 to 100000");
        }

        return errors;
    }

    public bool IsPostgres => Provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase);
}
