using Dapper;
using EvalFramework.Evaluation.Snapshots;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EvalFramework.Collector.Snapshots;

/// <summary>
/// Streams a period's data from SQLite into a <see cref="SnapshotEngine"/>: the stored record
/// (<see cref="CaseRecordCodec"/>) of every case started in [from, to), in ascending case id order (the
/// <c>case_records</c> primary key, SQLite's BINARY collation: UTF-8 byte order, the order the data hash uses), plus
/// the period's staff surveys and maintenance events. Everything is read inside one read transaction, so the streams
/// see the same data. The records are read with SQLite's own statement API: one column per case, handed to the
/// engine as a span into SQLite's page cache, so a million cases allocate nothing per row.
/// </summary>
internal static class SnapshotDataReader
{
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
        SELECT time_ms, json_extract(body, '$.hours'), json_extract(body, '$.arm')
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

    private static void ReadRecords(SqliteConnection connection, SnapshotEngine engine, string pilot, long fromMs, long toMs,
        CancellationToken cancellationToken)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, SelectRecords, out var statement));
        using (statement)
        {
            Check(db, raw.sqlite3_bind_text(statement, 1, pilot));
            Check(db, raw.sqlite3_bind_int64(statement, 2, fromMs));
            Check(db, raw.sqlite3_bind_int64(statement, 3, toMs));
            var count = 0;
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if ((++count & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                engine.AddCaseRecord(raw.sqlite3_column_blob(statement, 0));
            }

            if (rc != raw.SQLITE_DONE)
            {
                Check(db, rc);
            }
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }
}
