using Npgsql;

namespace EvalFramework.Testing;

/// <summary>
/// The PostgreSQL server the storage tests run against: <c>EVALFW_TEST_POSTGRES</c> holds a connection string to it
/// with a role that may create databases (<c>.ci/postgres start</c> starts one and prints it). Each test fixture
/// gets a database of its own, dropped when it is done. Without the variable the PostgreSQL tests are skipped on a
/// developer's machine and fail under CI (CI=true), so a CI run can never pass without them.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "EVALFW_TEST_POSTGRES";

    private static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they must run.</summary>
    public static string? SkipReason =>
        Server is null && Environment.GetEnvironmentVariable("CI") != "true"
            ? $"no PostgreSQL: set {Variable} (eval \"$(.ci/postgres start /tmp/evalfw-pg)\" does)"
            : null;

    /// <summary>Creates an empty database; returns a connection string to it.</summary>
    public static string CreateDatabase()
    {
        var name = "evalfw_test_" + Guid.NewGuid().ToString("N");
        using (var connection = OpenServer())
        {
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing what is still connected to it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        ClearPool(connectionString);
        using var connection = OpenServer();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>A connection to the database <c>EVALFW_TEST_POSTGRES</c> names: for commands about a test database from outside it.</summary>
    public static NpgsqlConnection OpenServer()
    {
        var connection = new NpgsqlConnection(Server ?? throw new InvalidOperationException(
            $"{Variable} is not set: the PostgreSQL tests need a server (.ci/run starts one with .ci/postgres)"));
        connection.Open();
        return connection;
    }

    /// <summary>Closes the pooled connections to one database; only its own, since other tests run beside this one.</summary>
    public static void ClearPool(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}
