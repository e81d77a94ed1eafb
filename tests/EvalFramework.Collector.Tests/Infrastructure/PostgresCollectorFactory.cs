namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>A <see cref="CollectorFactory"/> on a fresh PostgreSQL database of its own.</summary>
public sealed class PostgresCollectorFactory() : CollectorFactory("postgres");
