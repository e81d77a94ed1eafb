using System.Data.Common;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>Commands straight on a collector's store, with parameters named <c>@name</c> (SQLite and PostgreSQL both take them).</summary>
public static class StoreCommands
{
    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
