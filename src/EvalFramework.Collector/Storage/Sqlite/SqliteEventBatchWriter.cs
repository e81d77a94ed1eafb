using Microsoft.Data.Sqlite;

namespace EvalFramework.Collector.Storage.Sqlite;

/// <summary>The ingest writer's SQLite session: prepared statements on one connection, a row at a time.</summary>
internal sealed class SqliteEventBatchWriter : IEventBatchWriter
{
    private readonly SqliteConnection _connection;
    private readonly EventWriteStatements _statements;

    public SqliteEventBatchWriter(SqliteConnection connection)
    {
        _connection = connection;
        _statements = new EventWriteStatements(connection);
    }

    public IReadOnlyList<StartedCase> Started => _statements.Started;

    public bool[][] Commit(IReadOnlyList<WriteRequest> group, long nowMs)
    {
        var results = new bool[group.Count][];
        using var transaction = _connection.BeginTransaction();
        _statements.Begin(transaction);
        for (var r = 0; r < group.Count; r++)
        {
            var request = group[r];
            var stored = new bool[request.Events.Count];
            for (var i = 0; i < stored.Length; i++)
            {
                stored[i] = _statements.Write(request.Events[i], request.KeyName, nowMs);
            }

            results[r] = stored;
        }

        _statements.WriteCases(nowMs);
        transaction.Commit();
        return results;
    }

    public void Dispose()
    {
        _statements.Dispose();
        _connection.Dispose();
    }
}
