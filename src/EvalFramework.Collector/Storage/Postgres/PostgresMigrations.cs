using Dapper;
using Npgsql;

namespace EvalFramework.Collector.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, versioned like SQLite's (<see cref="Sqlite.SqliteMigrations"/>): the same tables and columns, with
/// PostgreSQL's types. Text that is compared or ordered is <c>COLLATE "C"</c>, byte order, which for UTF-8 is the
/// order of SQLite's BINARY collation: case ids come out of both in the order the snapshot data hash reads them.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>Serialises migrations of collectors starting together on one database (any constant, the same in every replica).</summary>
    private const long AdvisoryLock = 0x4576616c46774442; // "EvalFwDB"

    private const string SchemaVersionExists = "SELECT to_regclass('schema_version') IS NOT NULL";

    private const string SchemaVersion = "SELECT MAX(version) FROM schema_version";

    /// <summary>
    /// Each entry is applied once; never edit a shipped entry, add a new one. A new case column is added with
    /// <c>ALTER TABLE cases ADD COLUMN</c> and <see cref="CaseColumns.PostgresDefinition"/> of its line in <see cref="CaseColumns"/>.
    /// </summary>
    internal static readonly IReadOnlyList<(int Version, string Name, string Sql, Action<NpgsqlConnection, NpgsqlTransaction>? Then)> All =
    [
        (1, "events, cases, case records and snapshots", """
            CREATE TABLE events (
                seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- insertion order
                pilot        text COLLATE "C" NOT NULL,
                event_id     text COLLATE "C" NOT NULL,
                type         text COLLATE "C" NOT NULL,
                case_id      text COLLATE "C",
                time_ms      bigint NOT NULL,      -- event time, Unix milliseconds (UTC)
                received_ms  bigint NOT NULL,      -- server-owned
                key_name     text   NOT NULL,      -- server-owned: the API key that wrote it
                body         text   NOT NULL,      -- the validated event as JSON, byte for byte as SQLite keeps it
                CONSTRAINT ux_events_pilot_event_id UNIQUE (pilot, event_id)
            );
            CREATE INDEX ix_events_pilot_type_time ON events (pilot, type, time_ms) WHERE case_id IS NULL;
            -- As on SQLite: a case's effort events for rebuilding its record, at one index entry per human.effort event.
            CREATE INDEX ix_events_pilot_effort ON events (pilot, case_id) WHERE type = 'human.effort';

            CREATE TABLE cases (
                id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                pilot                    text COLLATE "C" NOT NULL,
                case_id                  text COLLATE "C" NOT NULL,
                case_type                text COLLATE "C",
                arm                      text COLLATE "C",
                channel                  text COLLATE "C",
                started_ms               bigint,
                completed_ms             bigint,
                outcome                  text COLLATE "C",
                effort_seconds           double precision NOT NULL DEFAULT 0,
                effort_events            bigint NOT NULL DEFAULT 0,
                ai_calls                 bigint NOT NULL DEFAULT 0,
                ai_input_tokens          bigint NOT NULL DEFAULT 0,
                ai_output_tokens         bigint NOT NULL DEFAULT 0,
                ai_duration_ms           double precision NOT NULL DEFAULT 0,
                escalations              bigint NOT NULL DEFAULT 0,
                errors_quality_review    bigint NOT NULL DEFAULT 0,
                errors_reopened          bigint NOT NULL DEFAULT 0,
                errors_complaint         bigint NOT NULL DEFAULT 0,
                errors_self_reported     bigint NOT NULL DEFAULT 0,
                errors_critical          bigint NOT NULL DEFAULT 0,
                reviews                  bigint NOT NULL DEFAULT 0,
                reviews_incorrect        bigint NOT NULL DEFAULT 0,
                reviews_consistency_set  bigint NOT NULL DEFAULT 0,
                reviews_consistent       bigint NOT NULL DEFAULT 0,
                review_scores            bigint NOT NULL DEFAULT 0,
                review_score_sum         bigint NOT NULL DEFAULT 0,
                integration_failures     bigint NOT NULL DEFAULT 0,
                csat_count               bigint NOT NULL DEFAULT 0,
                csat_sum                 bigint NOT NULL DEFAULT 0,
                nps_count                bigint NOT NULL DEFAULT 0,
                nps_promoters            bigint NOT NULL DEFAULT 0,
                nps_detractors           bigint NOT NULL DEFAULT 0,
                updated_ms               bigint NOT NULL,
                CONSTRAINT ux_cases_pilot_case UNIQUE (pilot, case_id)
            );
            CREATE INDEX ix_cases_pilot_started ON cases (pilot, started_ms);

            CREATE TABLE case_ai_usage (
                pilot                  text COLLATE "C" NOT NULL,
                case_id                text COLLATE "C" NOT NULL,
                model                  text COLLATE "C" NOT NULL,
                calls                  bigint NOT NULL,
                input_tokens           bigint NOT NULL,
                output_tokens          bigint NOT NULL,
                duration_ms            double precision NOT NULL,
                priced_input_tokens    bigint NOT NULL,
                priced_output_tokens   bigint NOT NULL,
                cost_sek               double precision NOT NULL,
                PRIMARY KEY (pilot, case_id, model)
            );

            -- Each case's canonical record (CaseRecordCodec), kept current by the writers.
            CREATE TABLE case_records (
                pilot       text COLLATE "C" NOT NULL,
                case_id     text COLLATE "C" NOT NULL,
                started_ms  bigint,
                record      bytea NOT NULL,
                PRIMARY KEY (pilot, case_id)
            );

            -- Immutable metric snapshots: the exact JSON bytes served forever under the id.
            CREATE TABLE snapshots (
                seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id             text COLLATE "C" NOT NULL,
                pilot          text COLLATE "C" NOT NULL,
                from_ms        bigint NOT NULL,
                to_ms          bigint NOT NULL,
                created_ms     bigint NOT NULL,
                data_sha256    text   NOT NULL,
                config_sha256  text,
                body_sha256    text   NOT NULL,
                body           bytea  NOT NULL,
                CONSTRAINT ux_snapshots_id UNIQUE (id)
            );
            CREATE INDEX ix_snapshots_pilot ON snapshots (pilot, seq);
            CREATE FUNCTION snapshots_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'snapshots are immutable';
            END;
            $$;
            CREATE TRIGGER snapshots_immutable BEFORE UPDATE ON snapshots
                FOR EACH ROW EXECUTE FUNCTION snapshots_refuse_update();
            """, null),
        (2, "case records with the outcome", """
            -- The record now carries the case's outcome after its completion time: every stored record is rebuilt
            -- from the case rows, so snapshots of data stored before this version hash the outcome too.
            DELETE FROM case_records;
            """, (connection, transaction) => PostgresCaseRecordBackfill.Run(connection, transaction, chunkSize: 1000, withAssignment: false)),
        (3, "plan registrations", """
            -- Each pilot's registered (frozen) analysis plan, written once; never updated or deleted.
            CREATE TABLE plan_registrations (
                pilot          text COLLATE "C" NOT NULL PRIMARY KEY,
                plan_sha256    text   NOT NULL,
                plan_json      text   NOT NULL,
                registered_ms  bigint NOT NULL
            );
            CREATE FUNCTION plan_registrations_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'a registered plan is never replaced';
            END;
            $$;
            CREATE TRIGGER plan_registrations_immutable BEFORE UPDATE OR DELETE ON plan_registrations
                FOR EACH ROW EXECUTE FUNCTION plan_registrations_refuse_change();
            """, null),
        (4, "case assignments", """
            -- As SQLite migration 6: the assignment of the winning case.started becomes columns of the case row and part
            -- of the case record; every record is rebuilt.
            ALTER TABLE cases ADD COLUMN assigned_arm text COLLATE "C";
            ALTER TABLE cases ADD COLUMN assignment_unit text COLLATE "C";
            ALTER TABLE cases ADD COLUMN assignment_unit_id text COLLATE "C";
            UPDATE cases AS c SET assigned_arm = s.assigned_arm, assignment_unit = s.unit, assignment_unit_id = s.unit_id
            FROM (
                SELECT pilot, case_id, time_ms, case_type, arm, channel, assigned_arm, unit, unit_id,
                       row_number() OVER (PARTITION BY pilot, case_id, time_ms, case_type, arm, channel
                                          ORDER BY (assigned_arm || '|' || unit || '|' || unit_id) COLLATE "C" DESC) AS rank
                FROM (SELECT pilot, case_id, time_ms, body::jsonb ->> 'caseType' AS case_type, body::jsonb ->> 'arm' AS arm,
                             coalesce(body::jsonb ->> 'channel', '') AS channel,
                             body::jsonb -> 'assignment' ->> 'assignedArm' AS assigned_arm,
                             body::jsonb -> 'assignment' ->> 'unit' AS unit, body::jsonb -> 'assignment' ->> 'unitId' AS unit_id
                      FROM events
                      WHERE type = 'case.started' AND body::jsonb -> 'assignment' IS NOT NULL) AS e
            ) AS s
            WHERE s.rank = 1 AND c.pilot = s.pilot AND c.case_id = s.case_id AND c.started_ms = s.time_ms
              AND c.case_type = s.case_type AND c.arm = s.arm AND coalesce(c.channel, '') = s.channel;
            DELETE FROM case_records;
            """, (connection, transaction) => PostgresCaseRecordBackfill.Run(connection, transaction, chunkSize: 1000)),
    ];

    /// <summary>Applies what is pending, all in one transaction under an advisory lock, so replicas starting together take turns.</summary>
    public static void Apply(NpgsqlConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("SELECT pg_advisory_xact_lock(@AdvisoryLock)", new { AdvisoryLock }, transaction);
        connection.Execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_ms bigint NOT NULL)",
            transaction: transaction);
        var applied = CurrentVersion(connection, transaction);
        foreach (var (version, name, sql, then) in All)
        {
            if (version <= applied)
            {
                continue;
            }

            connection.Execute(sql, transaction: transaction);
            then?.Invoke(connection, transaction);
            connection.Execute(
                "INSERT INTO schema_version (version, name, applied_ms) VALUES (@version, @name, @now)",
                new { version, name, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() },
                transaction);
        }

        transaction.Commit();
    }

    public static async Task<long> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(SchemaVersionExists, cancellationToken: cancellationToken))
            ? await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SchemaVersion, cancellationToken: cancellationToken)) ?? 0
            : 0;

    public static long CurrentVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction = null) =>
        connection.ExecuteScalar<bool>(SchemaVersionExists, transaction: transaction)
            ? connection.ExecuteScalar<long?>(SchemaVersion, transaction: transaction) ?? 0
            : 0;
}
