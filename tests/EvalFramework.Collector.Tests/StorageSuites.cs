using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Sqlite;
using EvalFramework.Collector.Storage.Postgres;
using EvalFramework.Collector.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Tests;

// The storage suites, each run on both providers: the same tests, a collector on a temporary SQLite file or on a fresh
// PostgreSQL database (EVALFW_TEST_POSTGRES; .ci/run starts PostgreSQL 15 for them).

/// <summary>The storage suites' SQLite and PostgreSQL variants.</summary>
public static class StorageSuites;

public sealed class IngestTestsOnSqlite(CollectorFactory collector) : IngestTests<CollectorFactory>(collector);

public sealed class IngestTestsOnPostgres(PostgresCollectorFactory collector)
    : IngestTests<PostgresCollectorFactory>(collector), IRunsOnPostgres;

public sealed class CasesApiTestsOnSqlite(CollectorFactory collector) : CasesApiTests<CollectorFactory>(collector);

public sealed class CasesApiTestsOnPostgres(PostgresCollectorFactory collector)
    : CasesApiTests<PostgresCollectorFactory>(collector), IRunsOnPostgres;

public sealed class PurgeTestsOnSqlite(CollectorFactory collector) : PurgeTests<CollectorFactory>(collector);

public sealed class PurgeTestsOnPostgres(PostgresCollectorFactory collector)
    : PurgeTests<PostgresCollectorFactory>(collector), IRunsOnPostgres;

public sealed class PoisonBatchTestsOnSqlite(CollectorFactory collector) : PoisonBatchTests<CollectorFactory>(collector);

public sealed class PoisonBatchTestsOnPostgres(PostgresCollectorFactory collector)
    : PoisonBatchTests<PostgresCollectorFactory>(collector), IRunsOnPostgres;

public sealed class OutcomeMigrationTestsOnSqlite(CollectorFactory collector) : OutcomeMigrationTests<CollectorFactory>(collector);

public sealed class OutcomeMigrationTestsOnPostgres(PostgresCollectorFactory collector)
    : OutcomeMigrationTests<PostgresCollectorFactory>(collector), IRunsOnPostgres;

public sealed class AssignmentMigrationTestsOnSqlite(CollectorFactory collector) : AssignmentMigrationTests<CollectorFactory>(collector);

public sealed class AssignmentMigrationTestsOnPostgres(PostgresCollectorFactory collector)
    : AssignmentMigrationTests<PostgresCollectorFactory>(collector), IRunsOnPostgres;

public sealed class SnapshotsApiTestsOnSqlite(CollectorFactory collector, SnapshotCollectorFactory configured)
    : SnapshotsApiTests<CollectorFactory, SnapshotCollectorFactory>(collector, configured),
      IClassFixture<CollectorFactory>, IClassFixture<SnapshotCollectorFactory>;

public sealed class SnapshotsApiTestsOnPostgres(PostgresCollectorFactory collector, PostgresSnapshotCollectorFactory configured)
    : SnapshotsApiTests<PostgresCollectorFactory, PostgresSnapshotCollectorFactory>(collector, configured),
      IClassFixture<PostgresCollectorFactory>, IClassFixture<PostgresSnapshotCollectorFactory>, IRunsOnPostgres;

public sealed class SnapshotDataReaderTestsOnSqlite : SnapshotDataReaderTests, IDisposable
{
    private readonly string _directory;

    public SnapshotDataReaderTestsOnSqlite()
        : this(Path.Combine(Path.GetTempPath(), "evalfw-tests", Guid.NewGuid().ToString("N")))
    {
    }

    private SnapshotDataReaderTestsOnSqlite(string directory)
        : base(new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = Path.Combine(directory, "reader.db") })))
    {
        _directory = directory;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}

public sealed class SnapshotDataReaderTestsOnPostgres : SnapshotDataReaderTests, IRunsOnPostgres, IDisposable
{
    private readonly string _connectionString;
    private readonly PostgresDatabase _database;

    public SnapshotDataReaderTestsOnPostgres()
        : this(TestPostgres.CreateDatabase())
    {
    }

    private SnapshotDataReaderTestsOnPostgres(string connectionString)
        : this(connectionString, new PostgresDatabase(Options.Create(new StorageOptions { Provider = "postgres", ConnectionString = connectionString })))
    {
    }

    private SnapshotDataReaderTestsOnPostgres(string connectionString, PostgresDatabase database)
        : base(database)
    {
        (_connectionString, _database) = (connectionString, database);
    }

    public void Dispose()
    {
        _database.Dispose();
        TestPostgres.DropDatabase(_connectionString);
    }
}

public sealed class PlanRegistrationTestsOnSqlite : PlanRegistrationTests<SnapshotCollectorFactory>;

public sealed class PlanRegistrationTestsOnPostgres : PlanRegistrationTests<PostgresSnapshotCollectorFactory>, IRunsOnPostgres;
