using Dapper;
using EvalFramework.Evaluation.Snapshots;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace EvalFramework.Collector.Snapshots;

/// <summary>
/// Streams a period's data from SQLite into a <see cref="SnapshotEngine"/>: the stored record
/// (<see cref="CaseRecordCodec"/>) of every case started in [from, to), in ascending case id order (the
/// <c>case_records</c> primary key, SQLite's BINARY collation: UTF-8 byte order, the order the data hash uses), plus
/// the period's staff surveys and maintenance events. Everything is read inside one read transaction, so the streams
/// see the same data. The records are read with SQLite's own statement API: one column per case, handed to the
/// engine in reused chunks while a second thread computes, so a million cases allocate nothing per row.
/// </summary>
internal static class SnapshotDataReader
{
    private const int ChunksInFlight = 3;

    private const string SelectRecords = """
        SELECT record FROM case_records
        WHERE pilot = ?1 AND started_ms >= ?2 AND started_ms < ?3
        ORDER BY case_id
        """;

    private const string SelectStaffSurveys = """
        SELECT json_extract(body, '$.team'), json_extract(body, '$.arm'), json_extract(body, '$.wellbeing')
        FROM events
        WHERE pilot = @Pilot AND type = 'survey.staff' AND case_id IS NULL AND time_ms >= @From AND time_ms < @To
        """;

    private const string SelectMaintenance = """
        SELECT time_ms, CAST(json_extract(body, '$.hours') AS REAL), json_extract(body, '$.arm')
        FROM events
        WHERE pilot = @Pilot AND type = 'pilot.maintenance' AND case_id IS NULL AND time_ms >= @From AND time_ms < @To
        """;

    private const string SelectUnmatched = """
        SELECT COUNT(*), COALESCE(SUM(csat_count > 0 OR nps_count > 0), 0)
        FROM cases
        WHERE pilot = @Pilot AND started_ms IS NULL
        """;

    /// <summary>Reads everything the snapshot needs into <paramref name="engine"/>.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="engine">The engine to feed.</param>
    /// <param name="pilot">The pilot.</param>
    /// <param name="fromMs">Period start, Unix ms (inclusive).</param>
    /// <param name="toMs">Period end, Unix ms (exclusive).</param>
    /// <param name="cancellationToken">Stops the read between rows.</param>
    public static void Read(SqliteConnection connection, SnapshotEngine engine, string pilot, long fromMs, long toMs,
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
        var args = new { Pilot = pilot, From = fromMs, To = toMs };
        foreach (var (team, arm, wellbeing) in connection.Query<(string, string, long)>(
                     new CommandDefinition(SelectStaffSurveys, args, transaction, cancellationToken: cancellationToken)))
        {
            engine.AddStaffSurvey(team, arm, (int)wellbeing);
        }

        foreach (var (timeMs, hours, arm) in connection.Query<(long, double, string?)>(
                     new CommandDefinition(SelectMaintenance, args, transaction, cancellationToken: cancellationToken)))
        {
            engine.AddMaintenance(DateTimeOffset.FromUnixTimeMilliseconds(timeMs), hours, arm);
        }

        var (withoutStart, surveysWithoutCase) = connection.QuerySingle<(long, long)>(
            new CommandDefinition(SelectUnmatched, args, transaction, cancellationToken: cancellationToken));
        engine.SetUnmatched(withoutStart, surveysWithoutCase);

        ReadRecords(connection, engine, pilot, fromMs, toMs, cancellationToken);
        transaction.Commit();
    }

    /// <summary>
    /// Feeds the period's records to the engine in a two-stage pipeline: this thread steps SQLite and copies the
    /// records into chunks, a second one decodes, hashes and adds them, so on two cores reading and computing
    /// overlap. A few chunks are in flight at most (bounded memory); an error on either side stops both and is thrown.
    /// </summary>
    private static void ReadRecords(SqliteConnection connection, SnapshotEngine engine, string pilot, long fromMs, long toMs,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var full = new BlockingCollection<RecordChunk>(ChunksInFlight);
        using var free = new BlockingCollection<RecordChunk>(ChunksInFlight + 1);
        for (var i = 0; i <= ChunksInFlight; i++)
        {
            free.Add(new RecordChunk(), CancellationToken.None);
        }

        var compute = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in full.GetConsumingEnumerable(stop.Token))
                {
                    for (var i = 0; i < chunk.Count; i++)
                    {
                        engine.AddCaseRecord(chunk[i]);
                    }

                    chunk.Clear();
                    free.Add(chunk, stop.Token);
                }
            }
            catch
            {
                stop.Cancel(); // stops the reading side too
                throw;
            }
        }, CancellationToken.None);

        try
        {
            Produce(connection, pilot, fromMs, toMs, full, free, stop.Token);
        }
        catch
        {
            stop.Cancel();
            ((IAsyncResult)compute).AsyncWaitHandle.WaitOne(); // the engine and the chunks are in use until it ends
            if (compute.Exception?.InnerException is { } cause and not OperationCanceledException)
            {
                ExceptionDispatchInfo.Throw(cause); // the computing side failed first and stopped the read
            }

            throw;
        }

        compute.GetAwaiter().GetResult();
    }

    /// <summary>Steps the statement, copying records into free chunks and passing each full one on.</summary>
    private static void Produce(SqliteConnection connection, string pilot, long fromMs, long toMs,
        BlockingCollection<RecordChunk> full, BlockingCollection<RecordChunk> free, CancellationToken cancellationToken)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, SelectRecords, out var statement));
        using (statement)
        {
            Check(db, raw.sqlite3_bind_text(statement, 1, pilot));
            Check(db, raw.sqlite3_bind_int64(statement, 2, fromMs));
            Check(db, raw.sqlite3_bind_int64(statement, 3, toMs));
            var chunk = free.Take(cancellationToken);
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                var record = raw.sqlite3_column_blob(statement, 0);
                if (!chunk.TryAdd(record))
                {
                    full.Add(chunk, cancellationToken);
                    chunk = free.Take(cancellationToken);
                    chunk.TryAdd(record);
                }
            }

            Check(db, rc);
            full.Add(chunk, cancellationToken);
        }

        full.CompleteAdding();
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
