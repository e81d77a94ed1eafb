using Dapper;
using EvalFramework.Evaluation.Snapshots;
using Microsoft.Data.Sqlite;

namespace EvalFramework.Collector.Snapshots;

/// <summary>
/// Streams a period's data from SQLite into a <see cref="SnapshotEngine"/>: the cases started in [from, to) in
/// ascending case id order (SQLite's BINARY collation: UTF-8 byte order, the order the data hash uses), merged with
/// their effort by role and AI usage by model read in the same order, plus the period's staff surveys and
/// maintenance events. Everything is read inside one read transaction, so the three streams see the same data.
/// The case stream uses a plain data reader into one reused <see cref="CaseRow"/>: Dapper would allocate an object
/// per row, and a snapshot may read millions.
/// </summary>
internal static class SnapshotDataReader
{
    private const string SelectCases = """
        SELECT case_id, case_type, arm, started_ms, completed_ms, effort_seconds, ai_duration_ms, escalations,
               errors_quality_review + errors_reopened + errors_complaint + errors_self_reported,
               reviews, reviews_incorrect, reviews_consistency_set, reviews_consistent, integration_failures,
               csat_count, csat_sum, nps_count, nps_promoters, nps_detractors
        FROM cases
        WHERE pilot = $pilot AND +started_ms >= $from AND +started_ms < $to AND case_type IS NOT NULL AND arm IS NOT NULL
        ORDER BY case_id
        """;

    // All the pilot's effort events in case-id order from the partial index ix_events_pilot_effort (no sort);
    // those of cases outside the period are skipped in the merge.
    private const string SelectEffort = """
        SELECT case_id, json_extract(body, '$.role'), json_extract(body, '$.seconds')
        FROM events
        WHERE pilot = $pilot AND type = 'human.effort' AND case_id IS NOT NULL
        ORDER BY case_id
        """;

    private const string SelectAiUsage = """
        SELECT u.case_id, u.model, u.input_tokens, u.output_tokens, u.priced_input_tokens, u.priced_output_tokens, u.cost_sek
        FROM case_ai_usage u
        JOIN cases c ON c.pilot = u.pilot AND c.case_id = u.case_id
        WHERE u.pilot = $pilot AND c.started_ms >= $from AND c.started_ms < $to
        ORDER BY u.case_id, u.model
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

        using var cases = Command(connection, transaction, SelectCases, pilot, fromMs, toMs).ExecuteReader();
        using var effort = Command(connection, transaction, SelectEffort, pilot, fromMs, toMs).ExecuteReader();
        using var usage = Command(connection, transaction, SelectAiUsage, pilot, fromMs, toMs).ExecuteReader();
        // The side streams' current case ids, read once per row (GetString allocates on every call).
        var effortCase = effort.Read() ? effort.GetString(0) : null;
        var usageCase = usage.Read() ? usage.GetString(0) : null;
        var row = new CaseRow();
        var count = 0;
        while (cases.Read())
        {
            if ((++count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            row.Clear();
            row.CaseId = cases.GetString(0);
            row.CaseType = cases.GetString(1);
            row.Arm = cases.GetString(2);
            row.StartedMs = cases.GetInt64(3);
            row.CompletedMs = cases.IsDBNull(4) ? null : cases.GetInt64(4);
            row.EffortSeconds = cases.GetDouble(5);
            row.AiDurationMs = cases.GetDouble(6);
            row.Escalations = cases.GetInt64(7);
            row.Errors = cases.GetInt64(8);
            row.Reviews = cases.GetInt64(9);
            row.ReviewsIncorrect = cases.GetInt64(10);
            row.ReviewsConsistencySet = cases.GetInt64(11);
            row.ReviewsConsistent = cases.GetInt64(12);
            row.IntegrationFailures = cases.GetInt64(13);
            row.CsatCount = cases.GetInt64(14);
            row.CsatSum = cases.GetInt64(15);
            row.NpsCount = cases.GetInt64(16);
            row.NpsPromoters = cases.GetInt64(17);
            row.NpsDetractors = cases.GetInt64(18);

            // The effort stream holds every case of the pilot in the same order: skip the ones before this case,
            // sum this case's seconds by role. The usage stream holds only cases of this stream.
            while (effortCase is not null && Utf8Order(effortCase, row.CaseId) < 0)
            {
                effortCase = effort.Read() ? effort.GetString(0) : null;
            }

            while (effortCase is not null && effortCase == row.CaseId)
            {
                AddEffort(row, effort.IsDBNull(1) ? "" : effort.GetString(1), effort.GetDouble(2));
                effortCase = effort.Read() ? effort.GetString(0) : null;
            }

            if (row.EffortByRole.Count > 1)
            {
                row.EffortByRole.Sort((a, b) => Utf8Order(a.Role, b.Role));
            }

            while (usageCase is not null && usageCase == row.CaseId)
            {
                row.AiUsage.Add(new ModelUsage(usage.GetString(1), usage.GetInt64(2), usage.GetInt64(3), usage.GetInt64(4),
                    usage.GetInt64(5), usage.GetDouble(6)));
                usageCase = usage.Read() ? usage.GetString(0) : null;
            }

            engine.AddCase(row);
        }

        transaction.Commit();
    }

    /// <summary>
    /// Compares strings in UTF-8 byte order (SQLite's BINARY collation), which is code-point order: UTF-16 ordinal
    /// order except that surrogates (U+D800–U+DFFF) sort after U+E000–U+FFFF.
    /// </summary>
    internal static int Utf8Order(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return Fix(a[i]) - Fix(b[i]);
            }
        }

        return a.Length - b.Length;

        static int Fix(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    private static void AddEffort(CaseRow row, string role, double seconds)
    {
        for (var i = 0; i < row.EffortByRole.Count; i++)
        {
            if (row.EffortByRole[i].Role == role)
            {
                row.EffortByRole[i] = new RoleEffort(role, row.EffortByRole[i].Seconds + seconds);
                return;
            }
        }

        row.EffortByRole.Add(new RoleEffort(role, seconds));
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, string pilot, long fromMs, long toMs)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$pilot", pilot);
        command.Parameters.AddWithValue("$from", fromMs);
        command.Parameters.AddWithValue("$to", toMs);
        return command;
    }
}
