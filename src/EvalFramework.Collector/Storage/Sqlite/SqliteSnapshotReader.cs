using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EvalFramework.Collector.Storage.Sqlite;

/// <summary>
/// Streams a period's data from SQLite into an <see cref="ISnapshotDataSink"/>: the stored record
/// (<see cref="Evaluation.Snapshots.CaseRecordCodec"/>) of every case started in [from, to), in ascending case id order (the
/// <c>case_records</c> primary key, SQLite's BINARY collation: UTF-8 byte order, the order the data hash uses), plus
/// the period's staff surveys and maintenance events. Everything is read inside one read transaction, so the streams
/// see the same data. The records are read with SQLite's own statement API: one column per case, handed to the
/// sink through a <see cref="RecordPipeline"/>, so a million cases allocate nothing per row.
/// </summary>
internal static class SqliteSnapshotReader
{
    private const string SelectRecords = """
        SELECT record FROM case_records
        WHERE pilot = ?1 AND started_ms >= ?2 AND started_ms < ?3
        ORDER BY case_id
        """;

    private const string SelectStaffSurveys = """
        SELECT time_ms, received_ms, json_extract(body, '$.team'), json_extract(body, '$.arm'), json_extract(body, '$.respondent'),
               json_extract(body, '$.wellbeing')
        FROM events
        WHERE pilot = @Pilot AND type = 'survey.staff' AND case_id IS NULL AND time_ms >= @From AND time_ms < @To
        """;

    private const string SelectMaintenance = """
        SELECT time_ms, CAST(json_extract(body, '$.hours') AS REAL), json_extract(body, '$.arm'), json_extract(body, '$.kind')
        FROM events
        WHERE pilot = @Pilot AND type = 'pilot.maintenance' AND case_id IS NULL AND time_ms >= @MaintenanceFrom AND time_ms < @To
        """;

    /// <summary>Reads everything the snapshot needs into <paramref name="sink"/>.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="sink">Where the data goes.</param>
    /// <param name="pilot">The pilot.</param>
    /// <param name="fromMs">Period start, Unix ms (inclusive).</param>
    /// <param name="toMs">Period end, Unix ms (exclusive).</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    public static void Read(SqliteConnection connection, ISnapshotDataSink sink, string pilot, long fromMs, long toMs,
        CancellationToken cancellationToken)
    {
        using (var pragma = connection.CreateCommand())
        {
            // Read the pages in place through a memory map rather than copying each into the page cache: a snapshot
            // reads every record page of the pilot once. SQLite caps it at its compile-time limit (2 GB).
            pragma.CommandText = "PRAGMA mmap_size = 2147418112";
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction(deferred: true);
        SnapshotSideData.Read(connection, transaction, sink, pilot, fromMs, toMs, SelectStaffSurveys, SelectMaintenance,
            cancellationToken);
        RecordPipeline.Run(sink, pipeline => Produce(connection, pilot, fromMs, toMs, pipeline), cancellationToken);
        transaction.Commit();
    }

    /// <summary>Steps the statement, handing each record to the pipeline.</summary>
    private static void Produce(SqliteConnection connection, string pilot, long fromMs, long toMs, RecordPipeline pipeline)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, SelectRecords, out var statement));
        using (statement)
        {
            Check(db, raw.sqlite3_bind_text(statement, 1, pilot));
            Check(db, raw.sqlite3_bind_int64(statement, 2, fromMs));
            Check(db, raw.sqlite3_bind_int64(statement, 3, toMs));
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                pipeline.Add(raw.sqlite3_column_blob(statement, 0));
            }

            Check(db, rc);
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        // SQLITE_OK, and the step loop's normal end SQLITE_DONE, are fine; anything else is SQLite's error.
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }
}
