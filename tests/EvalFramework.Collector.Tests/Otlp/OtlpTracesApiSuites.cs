using EvalFramework.Collector.Tests.Infrastructure;

namespace EvalFramework.Collector.Tests.Otlp;

// The OTLP endpoint suite on both providers, as the storage suites are (StorageSuites): the same writer, two databases.

public sealed class OtlpTracesApiTestsOnSqlite(CollectorFactory collector) : OtlpTracesApiTests<CollectorFactory>(collector);

public sealed class OtlpTracesApiTestsOnPostgres(PostgresCollectorFactory collector)
    : OtlpTracesApiTests<PostgresCollectorFactory>(collector), IRunsOnPostgres;
