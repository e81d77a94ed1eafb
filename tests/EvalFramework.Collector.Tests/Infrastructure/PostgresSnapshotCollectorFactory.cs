namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>A <see cref="SnapshotCollectorFactory"/> on a fresh PostgreSQL database of its own.</summary>
public sealed class PostgresSnapshotCollectorFactory() : SnapshotCollectorFactory("postgres");
