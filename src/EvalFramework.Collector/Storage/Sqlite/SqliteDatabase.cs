using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Storage.Sqlite;

/// <summary>
/// The collector's SQLite file (<c>Storage:Provider=sqlite</c>, the default). WAL with <c>synchronous=FULL</c>: a
/// committed transaction is on disk before the commit returns, so an acknowledged event survives a crash.
/// </summary>
internal sealed class SqliteDatabase : ICollectorDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(IOptions<StorageOptions> options)
    {
        var path = Path.GetFullPath(options.Value.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        CreateUnreadableToOthers(path);
        FilePath = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Provider => StorageOptions.Sqlite;

    /// <summary>
    /// Creates a new database file readable by its owner and group only (0640 before the umask): it holds the pilot's
    /// pseudonymised data, not for every user of the machine. SQLite gives its WAL and shared-memory files the same mode.
    /// An existing file keeps its mode.
    /// </summary>
    private static void CreateUnreadableToOthers(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; its mode stands.
        }
    }

    public string FilePath { get; }

    DbConnection ICollectorDatabase.Open() => Open();

    public ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<DbConnection>(Open());

    /// <summary>An open connection with the collector's pragmas applied. Dispose it soon.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public void Migrate()
    {
        using var connection = Open();
        SqliteMigrations.Apply(connection);
    }

    public Task<bool> IsMigratedAsync(CancellationToken cancellationToken)
    {
        using var connection = Open();
        return Task.FromResult(SqliteMigrations.CurrentVersion(connection) == SqliteMigrations.All[^1].Version);
    }

    public bool IsUnavailable(DbException exception) => exception.IsTransient; // SQLITE_BUSY, SQLITE_LOCKED

    public void DropIdleConnections()
    {
        // A file does not drop connections: nothing pooled goes stale.
    }

    public IEventBatchWriter OpenWriter() => new SqliteEventBatchWriter(Open());

    public void ReadSnapshotData(ISnapshotDataSink sink, string pilot, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        using var connection = Open();
        SqliteSnapshotReader.Read(connection, sink, pilot, fromMs, toMs, cancellationToken);
    }
}
