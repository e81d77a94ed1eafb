using Microsoft.Data.Sqlite;

namespace EvalFramework.Collector.Storage.Sqlite;

/// <summary>One SQL statement prepared once on the writer's connection and re-bound for every row.</summary>
internal sealed class PreparedCommand : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly Dictionary<string, SqliteParameter> _parameters = new(StringComparer.Ordinal);

    public PreparedCommand(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            _parameters[name] = _command.Parameters.Add(new SqliteParameter(name, null));
        }

        _command.Prepare();
    }

    public SqliteTransaction? Transaction
    {
        set => _command.Transaction = value;
    }

    public PreparedCommand Set(string name, object? value)
    {
        _parameters[name].Value = value ?? DBNull.Value;
        return this;
    }

    /// <summary>Runs the statement; returns the rows it changed.</summary>
    public int Execute() => _command.ExecuteNonQuery();

    /// <summary>Runs the statement and reads what it returns (a query, or <c>RETURNING</c>).</summary>
    public SqliteDataReader ExecuteReader() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();
}
