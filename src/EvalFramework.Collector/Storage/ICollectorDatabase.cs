using System.Data.Common;

namespace EvalFramework.Collector.Storage;

/// <summary>
/// The collector's store, whichever provider keeps it (<c>Storage:Provider</c>): SQLite for one collector, PostgreSQL
/// for several replicas sharing one database. The stores above it run the same Dapper SQL on <see cref="Open"/>'s
/// connection; what the two engines do differently (schema, the ingest writer's transaction, the snapshot read) is
/// behind the other members, so the statistics and snapshot code never knows which store it reads, and storage never knows what the
/// snapshot makes of the data.
/// </summary>
internal interface ICollectorDatabase
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    string Provider { get; }

    /// <summary>An open connection for one short piece of work. Dispose it soon.</summary>
    DbConnection Open();

    /// <summary>
    /// <see cref="Open"/> for the request path: on PostgreSQL opening may wait for the network, and does so without
    /// holding a thread (Microsoft.Data.Sqlite opens synchronously whichever is called).
    /// </summary>
    ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Applies pending schema migrations. Safe when several collectors start on one database at once.</summary>
    void Migrate();

    /// <summary>Whether the database answers and its schema is this build's.</summary>
    Task<bool> IsMigratedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="exception"/> says the database is unavailable (down, restarting, busy, a connection that
    /// broke), so the same request may succeed later; false when the database refused this request itself.
    /// </summary>
    bool IsUnavailable(DbException exception);

    /// <summary>
    /// Closes the idle pooled connections after a failure, so the next request opens fresh ones (PostgreSQL: a
    /// restart or failover ends them all at once); nothing to do for SQLite.
    /// </summary>
    void DropIdleConnections();

    /// <summary>The ingest writer's session: its own connection, one durable transaction per group of requests.</summary>
    IEventBatchWriter OpenWriter();

    /// <summary>
    /// Feeds <paramref name="sink"/> every case record started in [<paramref name="fromMs"/>, <paramref name="toMs"/>)
    /// in ascending case id (UTF-8 byte) order, the period's staff surveys and maintenance, and the unmatched counts,
    /// all read from one consistent view of the data.
    /// </summary>
    void ReadSnapshotData(ISnapshotDataSink sink, string pilot, long fromMs, long toMs, CancellationToken cancellationToken);
}
