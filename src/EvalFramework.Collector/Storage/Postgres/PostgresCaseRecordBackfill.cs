using EvalFramework.Evaluation.Snapshots;
using Npgsql;

namespace EvalFramework.Collector.Storage.Postgres;

/// <summary>
/// The data step of migrations 2 and 4: every stored case record rebuilt from the source tables (the case row's values, its
/// effort events and its AI usage rows), a chunk of cases at a time in key order, so a large database is neither read
/// into memory nor queried once per case.
/// </summary>
internal static class PostgresCaseRecordBackfill
{
    private const string SelectCases = """
        SELECT pilot, case_id, {0}
        FROM cases
        WHERE (pilot, case_id) > (@pilot, @case)
        ORDER BY pilot, case_id
        LIMIT @limit
        """;

    private const string SelectEffort = """
        SELECT e.pilot, e.case_id, e.body::jsonb ->> 'role', (e.body::jsonb ->> 'seconds')::double precision
        FROM events e JOIN unnest(@pilot, @case) AS k(pilot, case_id) ON e.pilot = k.pilot AND e.case_id = k.case_id
        WHERE e.type = 'human.effort'
        ORDER BY e.seq
        """;

    private const string SelectAiUsage = """
        SELECT u.pilot, u.case_id, u.model, u.input_tokens, u.output_tokens, u.priced_input_tokens, u.priced_output_tokens, u.cost_sek
        FROM case_ai_usage u JOIN unnest(@pilot, @case) AS k(pilot, case_id) ON u.pilot = k.pilot AND u.case_id = k.case_id
        """;

    /// <summary>Rebuilds every stored record.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="transaction">The migration's transaction.</param>
    /// <param name="chunkSize">Cases read, completed and written at a time.</param>
    /// <param name="withAssignment">Whether the case rows have the assignment columns (migration 4 on; not migration 2).</param>
    public static void Run(NpgsqlConnection connection, NpgsqlTransaction transaction, int chunkSize, bool withAssignment = true)
    {
        var (pilot, caseId) = ("", "");
        while (true)
        {
            var chunk = ReadCases(connection, transaction, pilot, caseId, chunkSize, withAssignment);
            if (chunk.Count == 0)
            {
                return;
            }

            AddEffortAndUsage(connection, transaction, chunk);
            using var upsert = new NpgsqlCommand(PostgresSql.UpsertRecords, connection, transaction);
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("pilot", [.. chunk.Select(c => c.Pilot)]));
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("case", [.. chunk.Select(c => c.Row.CaseId)]));
            upsert.Parameters.Add(new NpgsqlParameter<long?[]>("startedMs", [.. chunk.Select(c => c.StartedMs)]));
            upsert.Parameters.Add(new NpgsqlParameter<byte[][]>("record", [.. chunk.Select(c => CaseRecordCodec.Encode(c.Row))]));
            upsert.ExecuteNonQuery();
            (pilot, caseId) = (chunk[^1].Pilot, chunk[^1].Row.CaseId);
        }
    }

    private static List<Case> ReadCases(NpgsqlConnection connection, NpgsqlTransaction transaction, string afterPilot, string afterCase,
        int chunkSize, bool withAssignment)
    {
        var columns = withAssignment ? CaseRecordRow.Columns : CaseRecordRow.ColumnsBeforeAssignment;
        using var select = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, SelectCases, columns),
            connection, transaction);
        select.Parameters.Add(new NpgsqlParameter<string>("pilot", afterPilot));
        select.Parameters.Add(new NpgsqlParameter<string>("case", afterCase));
        select.Parameters.Add(new NpgsqlParameter<int>("limit", chunkSize));
        var chunk = new List<Case>(chunkSize);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var row = new CaseRow();
            var (startedMs, _, _) = CaseRecordRow.Read(reader, reader.GetString(1), row, offset: 2, withAssignment);
            chunk.Add(new Case(reader.GetString(0), startedMs, row));
        }

        return chunk;
    }

    /// <summary>Gives each case its effort by role (summed in event order) and AI usage by model, in byte order.</summary>
    private static void AddEffortAndUsage(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Case> chunk)
    {
        var byKey = chunk.ToDictionary(c => (c.Pilot, c.Row.CaseId), c => c.Row);
        using (var effort = Command(connection, transaction, SelectEffort, chunk))
        using (var reader = effort.ExecuteReader())
        {
            while (reader.Read())
            {
                var row = byKey[(reader.GetString(0), reader.GetString(1))];
                CaseRecordMerge.AddEffort(row.EffortByRole, reader.IsDBNull(2) ? "" : reader.GetString(2), reader.GetDouble(3));
            }
        }

        using (var usage = Command(connection, transaction, SelectAiUsage, chunk))
        using (var reader = usage.ExecuteReader())
        {
            while (reader.Read())
            {
                byKey[(reader.GetString(0), reader.GetString(1))].AiUsage.Add(new ModelUsage(reader.GetString(2), reader.GetInt64(3),
                    reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetDouble(7)));
            }
        }

        foreach (var c in chunk)
        {
            CaseRecordMerge.SortByUtf8(c.Row);
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, List<Case> chunk)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("pilot", [.. chunk.Select(c => c.Pilot)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("case", [.. chunk.Select(c => c.Row.CaseId)]));
        return command;
    }

    private sealed record Case(string Pilot, long? StartedMs, CaseRow Row);
}
