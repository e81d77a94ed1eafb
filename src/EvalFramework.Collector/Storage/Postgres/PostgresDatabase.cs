using System.Data;
using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EvalFramework.Collector.Storage.Postgres;

/// <summary>
/// The collector's PostgreSQL database (<c>Storage:Provider=postgres</c>), shared by several collector replicas. A
/// commit is durable when it returns (PostgreSQL's default <c>synchronous_commit=on</c>). Connections come from one
/// Npgsql data source (a pool) for the process.
/// </summary>
internal sealed class PostgresDatabase : ICollectorDatabase, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDatabase(IOptions<StorageOptions> options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        builder.ApplicationName ??= "evalframework-collector";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public string Provider => StorageOptions.Postgres;

    /// <summary>Why a connection string cannot be used, naming settings but never a value (it holds a password); or null.</summary>
    public static string? ConnectionStringError(string connectionString)
    {
        var settings = new DbConnectionStringBuilder();
        try
        {
            settings.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return "not in the form Key=value;Key=value";
        }

        var builder = new NpgsqlConnectionStringBuilder();
        var (invalid, unknown) = (new List<string>(), 0);
        foreach (string key in settings.Keys)
        {
            if (!builder.ContainsKey(key))
            {
                unknown++; // not named: with an unquoted ';' in a password, part of it would stand here
                continue;
            }

            try
            {
                builder[key] = settings[key];
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                invalid.Add(key);
            }
        }

        var problems = new List<string>();
        if (invalid.Count > 0)
        {
            problems.Add("invalid value of " + string.Join(", ", invalid));
        }

        if (unknown > 0)
        {
            problems.Add($"{unknown} unknown setting(s) (a ';' in a value must be quoted)");
        }

        return problems.Count > 0 ? string.Join("; ", problems)
            : string.IsNullOrWhiteSpace(builder.Host) ? "names no Host"
            : null;
    }

    DbConnection ICollectorDatabase.Open() => Open();

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public NpgsqlConnection Open() => _dataSource.OpenConnection();

    public void Migrate()
    {
        using var connection = Open();
        PostgresMigrations.Apply(connection);
    }

    public async Task<bool> IsMigratedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await PostgresMigrations.CurrentVersionAsync(connection, cancellationToken) == PostgresMigrations.All[^1].Version;
    }

    public bool IsUnavailable(DbException exception) => exception is NpgsqlException e
        && (e.IsTransient || e is not PostgresException // the network or the connection, not a statement
            || e is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow });

    public void DropIdleConnections() => _dataSource.Clear();

    public IEventBatchWriter OpenWriter() => new PostgresEventBatchWriter(_dataSource);

    public void ReadSnapshotData(ISnapshotDataSink sink, string pilot, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        using var connection = Open();
        // One snapshot of the data for every query of the read, as SQLite's read transaction gives.
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        SnapshotSideData.Read(connection, transaction, sink, pilot, fromMs, toMs, PostgresSql.StaffSurveys, PostgresSql.Maintenance,
            cancellationToken);
        RecordPipeline.Run(sink, pipeline =>
        {
            using var command = new NpgsqlCommand(PostgresSql.SnapshotRecords, connection, transaction);
            using var cancel = cancellationToken.Register(command.Cancel); // else ending the reader reads every row left
            command.Parameters.AddWithValue("pilot", pilot);
            command.Parameters.AddWithValue("from", fromMs);
            command.Parameters.AddWithValue("to", toMs);
            using var reader = command.ExecuteReader();
            var buffer = new byte[4096];
            while (reader.Read())
            {
                var length = (int)reader.GetBytes(0, 0, null, 0, 0);
                if (length > buffer.Length)
                {
                    buffer = new byte[Math.Max(length, buffer.Length * 2)];
                }

                reader.GetBytes(0, 0, buffer, 0, length);
                pipeline.Add(buffer.AsSpan(0, length));
            }
        }, cancellationToken);
        transaction.Commit();
    }

    public void Dispose() => _dataSource.Dispose();
}
