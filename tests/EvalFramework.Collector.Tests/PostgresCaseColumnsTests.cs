using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Postgres;
using EvalFramework.Collector.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// The case column table (<see cref="CaseColumns"/>) and the PostgreSQL schema agree, as <see cref="CaseColumnsTests"/>
/// shows for SQLite: the same columns, and each declaration's migration definition is the shipped column.
/// </summary>
public sealed class PostgresCaseColumnsTests : IRunsOnPostgres, IDisposable
{
    private const string Columns = """
        SELECT column_name, data_type, is_nullable, coalesce(column_default, ''), coalesce(collation_name, '')
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = @table
        """;

    private static readonly string[] RowOwnColumns = ["id", "pilot", "case_id", "updated_ms"];

    private readonly string _connectionString = TestPostgres.CreateDatabase();
    private readonly PostgresDatabase _database;

    public PostgresCaseColumnsTests()
    {
        _database = new PostgresDatabase(Options.Create(new StorageOptions { Provider = "postgres", ConnectionString = _connectionString }));
        _database.Migrate();
    }

    public void Dispose()
    {
        _database.Dispose();
        TestPostgres.DropDatabase(_connectionString);
    }

    [StorageFact]
    public void PostgresDefinition_MigratedSchema_SameColumnsAsTheTable()
    {
        using var connection = _database.Open();
        using (var create = new NpgsqlCommand(
            $"CREATE TABLE declared ({string.Join(", ", CaseColumns.All.Select(CaseColumns.PostgresDefinition))})", connection))
        {
            create.ExecuteNonQuery();
        }

        var shipped = Read(connection, "cases");
        var declared = Read(connection, "declared");

        Assert.Equal(shipped.Keys.Except(RowOwnColumns).Order(StringComparer.Ordinal), declared.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, definition) in declared)
        {
            Assert.Equal((name, shipped[name]), (name, definition));
        }
    }

    private static Dictionary<string, (string Type, string Nullable, string Default, string Collation)> Read(NpgsqlConnection connection, string table)
    {
        using var command = new NpgsqlCommand(Columns, connection);
        command.Parameters.AddWithValue("table", table);
        using var reader = command.ExecuteReader();
        var columns = new Dictionary<string, (string, string, string, string)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            columns[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
        }

        return columns;
    }
}
