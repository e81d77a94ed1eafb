using Dapper;
using Microsoft.Data.Sqlite;

namespace EvalFramework.Collector.Storage.Sqlite;

/// <summary>Versioned schema migrations, applied in order at start inside one transaction each.</summary>
internal static class SqliteMigrations
{
    /// <summary>
    /// Each entry is applied once; never edit a shipped entry, add a new one. A new case column is added with
    /// <c>ALTER TABLE cases ADD COLUMN</c> and <see cref="CaseColumns.SqliteDefinition"/> of its line in <see cref="CaseColumns"/>.
    /// </summary>
    internal static readonly IReadOnlyList<(int Version, string Name, string Sql, Action<SqliteConnection, SqliteTransaction>? Then)> All =
    [
        (1, "events and cases", """
            CREATE TABLE events (
                seq          INTEGER PRIMARY KEY,  -- time-ordered key: insertion order
                pilot        TEXT    NOT NULL,
                event_id     TEXT    NOT NULL,
                type         TEXT    NOT NULL,
                case_id      TEXT,
                time_ms      INTEGER NOT NULL,     -- event time, Unix milliseconds (UTC)
                received_ms  INTEGER NOT NULL,     -- server-owned
                key_name     TEXT    NOT NULL,     -- server-owned: the API key that wrote it
                body         TEXT    NOT NULL      -- the validated event as JSON
            );
            CREATE UNIQUE INDEX ux_events_pilot_event_id ON events (pilot, event_id);
            CREATE INDEX ix_events_pilot_type_time ON events (pilot, type, time_ms) WHERE case_id IS NULL;

            CREATE TABLE cases (
                id                       INTEGER PRIMARY KEY,
                pilot                    TEXT    NOT NULL,
                case_id                  TEXT    NOT NULL,
                case_type                TEXT,
                arm                      TEXT,
                channel                  TEXT,
                started_ms               INTEGER,
                completed_ms             INTEGER,
                outcome                  TEXT,
                effort_seconds           REAL    NOT NULL DEFAULT 0,
                effort_events            INTEGER NOT NULL DEFAULT 0,
                ai_calls                 INTEGER NOT NULL DEFAULT 0,
                ai_input_tokens          INTEGER NOT NULL DEFAULT 0,
                ai_output_tokens         INTEGER NOT NULL DEFAULT 0,
                ai_duration_ms           REAL    NOT NULL DEFAULT 0,
                escalations              INTEGER NOT NULL DEFAULT 0,
                errors_quality_review    INTEGER NOT NULL DEFAULT 0,
                errors_reopened          INTEGER NOT NULL DEFAULT 0,
                errors_complaint         INTEGER NOT NULL DEFAULT 0,
                errors_self_reported     INTEGER NOT NULL DEFAULT 0,
                errors_critical          INTEGER NOT NULL DEFAULT 0,
                reviews                  INTEGER NOT NULL DEFAULT 0,
                reviews_incorrect        INTEGER NOT NULL DEFAULT 0,
                reviews_consistency_set  INTEGER NOT NULL DEFAULT 0,
                reviews_consistent       INTEGER NOT NULL DEFAULT 0,
                review_scores            INTEGER NOT NULL DEFAULT 0,
                review_score_sum         INTEGER NOT NULL DEFAULT 0,
                integration_failures     INTEGER NOT NULL DEFAULT 0,
                csat_count               INTEGER NOT NULL DEFAULT 0,
                csat_sum                 INTEGER NOT NULL DEFAULT 0,
                nps_count                INTEGER NOT NULL DEFAULT 0,
                nps_promoters            INTEGER NOT NULL DEFAULT 0,
                nps_detractors           INTEGER NOT NULL DEFAULT 0,
                updated_ms               INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX ux_cases_pilot_case ON cases (pilot, case_id);
            CREATE INDEX ix_cases_pilot_started ON cases (pilot, started_ms);

            -- AI usage per case and model; tokens of calls that carried their own costSek are kept apart
            -- so the price table prices only the others.
            CREATE TABLE case_ai_usage (
                pilot                  TEXT    NOT NULL,
                case_id                TEXT    NOT NULL,
                model                  TEXT    NOT NULL,
                calls                  INTEGER NOT NULL,
                input_tokens           INTEGER NOT NULL,
                output_tokens          INTEGER NOT NULL,
                duration_ms            REAL    NOT NULL,
                priced_input_tokens    INTEGER NOT NULL,  -- tokens of calls with costSek given
                priced_output_tokens   INTEGER NOT NULL,
                cost_sek               REAL    NOT NULL,  -- sum of the given costSek
                PRIMARY KEY (pilot, case_id, model)
            ) WITHOUT ROWID;
            """, null),
        (2, "snapshots and effort index", """
            -- Immutable metric snapshots: the exact JSON bytes served forever under the id.
            CREATE TABLE snapshots (
                seq            INTEGER PRIMARY KEY,  -- creation order
                id             TEXT    NOT NULL,
                pilot          TEXT    NOT NULL,
                from_ms        INTEGER NOT NULL,
                to_ms          INTEGER NOT NULL,
                created_ms     INTEGER NOT NULL,
                data_sha256    TEXT    NOT NULL,
                config_sha256  TEXT,
                body_sha256    TEXT    NOT NULL,     -- SHA-256 of body, to check the bytes never changed
                body           BLOB    NOT NULL
            );
            CREATE UNIQUE INDEX ux_snapshots_id ON snapshots (id);
            CREATE INDEX ix_snapshots_pilot ON snapshots (pilot, seq);
            -- Snapshots read staff effort by role per case in case-id order; a partial index keeps that a stream
            -- (no sort of all effort events) at the cost of one index entry per human.effort event.
            CREATE INDEX ix_events_pilot_effort ON events (pilot, case_id) WHERE type = 'human.effort';

            CREATE TRIGGER snapshots_immutable BEFORE UPDATE ON snapshots
            BEGIN
                SELECT RAISE(ABORT, 'snapshots are immutable');
            END;
            """, null),
        (3, "case records", """
            -- Each case's canonical record (CaseRecordCodec: the bytes the snapshot data hash reads), kept current by
            -- the writer, clustered by case id: a snapshot reads one column per case, in hash order, without a sort.
            CREATE TABLE case_records (
                pilot       TEXT    NOT NULL,
                case_id     TEXT    NOT NULL,
                started_ms  INTEGER,              -- null until the case has a case.started
                record      BLOB    NOT NULL,
                PRIMARY KEY (pilot, case_id)
            ) WITHOUT ROWID;
            """, CaseRecordBackfill.RunBeforeAssignment),
        (4, "case records with the outcome", """
            -- The record now carries the case's outcome after its completion time: every stored record is rebuilt
            -- from the case rows, so snapshots of data stored before this version hash the outcome too.
            DELETE FROM case_records;
            """, CaseRecordBackfill.RunBeforeAssignment),
        (5, "plan registrations", """
            -- Each pilot's registered (frozen) analysis plan: one row per pilot, written once. The triggers refuse an
            -- update or a delete: a registered plan is never replaced.
            CREATE TABLE plan_registrations (
                pilot          TEXT    NOT NULL PRIMARY KEY,
                plan_sha256    TEXT    NOT NULL,  -- AnalysisPlan.Sha256 of the registered plan
                plan_json      TEXT    NOT NULL,  -- the plan's canonical JSON (AnalysisPlan.CanonicalJson): what the hash is of
                registered_ms  INTEGER NOT NULL   -- when it was registered, Unix milliseconds (UTC)
            ) WITHOUT ROWID;

            CREATE TRIGGER plan_registrations_no_update BEFORE UPDATE ON plan_registrations
            BEGIN
                SELECT RAISE(ABORT, 'a registered plan is never replaced');
            END;
            CREATE TRIGGER plan_registrations_no_delete BEFORE DELETE ON plan_registrations
            BEGIN
                SELECT RAISE(ABORT, 'a registered plan is never replaced');
            END;
            """, null),
        (6, "case assignments", """
            -- The assignment on case.started (assigned arm, unit, unit id) becomes columns of the case row, taken from the
            -- winning start (the earliest; a tie goes to the larger type|arm|channel, then to the larger assignment, as the
            -- upsert decides), and part of the case record: every record is rebuilt.
            ALTER TABLE cases ADD COLUMN assigned_arm TEXT;
            ALTER TABLE cases ADD COLUMN assignment_unit TEXT;
            ALTER TABLE cases ADD COLUMN assignment_unit_id TEXT;
            UPDATE cases SET assigned_arm = s.assigned_arm, assignment_unit = s.unit, assignment_unit_id = s.unit_id
            FROM (
                SELECT pilot, case_id, time_ms, case_type, arm, channel, assigned_arm, unit, unit_id,
                       row_number() OVER (PARTITION BY pilot, case_id, time_ms, case_type, arm, channel
                                          ORDER BY assigned_arm || '|' || unit || '|' || unit_id DESC) AS rank
                FROM (SELECT pilot, case_id, time_ms, json_extract(body, '$.caseType') AS case_type,
                             json_extract(body, '$.arm') AS arm, coalesce(json_extract(body, '$.channel'), '') AS channel,
                             json_extract(body, '$.assignment.assignedArm') AS assigned_arm,
                             json_extract(body, '$.assignment.unit') AS unit, json_extract(body, '$.assignment.unitId') AS unit_id
                      FROM events
                      WHERE type = 'case.started' AND json_extract(body, '$.assignment') IS NOT NULL)
            ) AS s
            WHERE s.rank = 1 AND cases.pilot = s.pilot AND cases.case_id = s.case_id AND cases.started_ms = s.time_ms
              AND cases.case_type = s.case_type AND cases.arm = s.arm AND coalesce(cases.channel, '') = s.channel;
            DELETE FROM case_records;
            """, CaseRecordBackfill.Run),
    ];

    public static void Apply(SqliteConnection connection)
    {
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)");
        var applied = connection.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_version") ?? 0;
        foreach (var (version, name, sql, then) in All)
        {
            if (version <= applied)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction();
            connection.Execute(sql, transaction: transaction);
            then?.Invoke(connection, transaction);
            connection.Execute(
                "INSERT INTO schema_version (version, name, applied_ms) VALUES (@version, @name, @now)",
                new { version, name, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                transaction);
            transaction.Commit();
        }
    }

    public static long CurrentVersion(SqliteConnection connection) =>
        connection.ExecuteScalar<long?>("SELECT MAX(version) FROM schema_version") ?? 0;
}
