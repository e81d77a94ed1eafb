using EvalFramework.Collector.Tests.Infrastructure;

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

public sealed class SnapshotsApiTestsOnSqlite(CollectorFactory collector, SnapshotCollectorFactory configured)
    : SnapshotsApiTests<CollectorFactory, SnapshotCollectorFactory>(collector, configured),
      IClassFixture<CollectorFactory>, IClassFixture<SnapshotCollectorFactory>;

public sealed class SnapshotsApiTestsOnPostgres(PostgresCollectorFactory collector, PostgresSnapshotCollectorFactory configured)
    : SnapshotsApiTests<PostgresCollectorFactory, PostgresSnapshotCollectorFactory>(collector, configured),
      IClassFixture<PostgresCollectorFactory>, IClassFixture<PostgresSnapshotCollectorFactory>, IRunsOnPostgres;
