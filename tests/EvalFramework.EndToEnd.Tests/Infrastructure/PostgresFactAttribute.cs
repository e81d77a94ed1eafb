namespace EvalFramework.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fact that needs a PostgreSQL server (<see cref="TestPostgres"/>: <c>.ci/run</c> starts one). Skipped with the
/// reason on a developer's machine without one; never under CI, where a missing server fails the test.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = TestPostgres.SkipReason;
    }
}
