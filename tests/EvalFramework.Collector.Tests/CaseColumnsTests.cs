using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// The case column table (<see cref="CaseColumns"/>) and the SQLite schema agree: every column the migrations give the
/// <c>cases</c> table besides its key, id and update time is declared once in the table, and each declaration's migration
/// definition is the column the shipped schema made. A column added by a migration but not to the table (or the other
/// way round) fails here, not in a writer.
/// </summary>
public sealed class CaseColumnsTests : IDisposable
{
    private static readonly string[] RowOwnColumns = ["id", "pilot", "case_id", "updated_ms"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "evalfw-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void CaseColumns_MigratedSqliteSchema_EveryCaseColumnDeclaredOnce()
    {
        using var connection = Migrated();

        var columns = TableInfo(connection, "cases").Keys.ToHashSet(StringComparer.Ordinal);

        var declared = CaseColumns.All.Select(c => c.Name).ToList();
        Assert.Equal(declared.Count, declared.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(columns.Except(RowOwnColumns).Order(StringComparer.Ordinal), declared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SqliteDefinition_EachColumn_IsTheShippedColumn()
    {
        using var connection = Migrated();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE declared ({string.Join(", ", CaseColumns.All.Select(CaseColumns.SqliteDefinition))})";
            create.ExecuteNonQuery();
        }

        var shipped = TableInfo(connection, "cases");
        foreach (var (name, definition) in TableInfo(connection, "declared"))
        {
            Assert.Equal((name, shipped[name]), (name, definition));
        }
    }

    [Fact]
    public void Names_ParametersAndProperties_FollowTheColumnName()
    {
        var column = Assert.Single(CaseColumns.All, c => c.Name == "errors_self_reported");

        Assert.Equal(("errorsSelfReported", "ErrorsSelfReported"), (column.Parameter, column.Property));
        Assert.Contains("errors_self_reported AS ErrorsSelfReported", CaseColumns.Aliased, StringComparison.Ordinal);
    }

    private SqliteConnection Migrated()
    {
        var database = new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = Path.Combine(_directory, "columns.db") }));
        database.Migrate();
        return database.Open();
    }

    /// <summary>Each column of <paramref name="table"/>: its declared type, NOT NULL and default.</summary>
    private static Dictionary<string, (string Type, bool NotNull, string? Default)> TableInfo(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info('{table}')";
        using var reader = command.ExecuteReader();
        var columns = new Dictionary<string, (string, bool, string?)>(StringComparer.Ordinal);
        while (reader.Read())
        {
            columns[reader.GetString(0)] = (reader.GetString(1), reader.GetInt64(2) == 1, reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return columns;
    }
}
