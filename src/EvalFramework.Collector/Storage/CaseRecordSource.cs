using EvalFramework.Evaluation.Snapshots;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace EvalFramework.Collector.Storage;

/// <summary>
/// Builds a case's effort by role and AI usage by model from the source tables (the <c>human.effort</c> events' JSON
/// and <c>case_ai_usage</c>): how migration 3 makes the first records, and how the writer rebuilds a record it
/// cannot find. Slow (a JSON read per effort event), so the writer normally merges into the stored record instead.
/// </summary>
internal sealed class CaseRecordSource : IDisposable
{
    private const string SelectEffort = """
        SELECT json_extract(body, '$.role'), json_extract(body, '$.seconds')
        FROM events
        WHERE pilot = $pilot AND case_id = $case AND type = 'human.effort'
        ORDER BY seq
        """;

    private const string SelectAiUsage = """
        SELECT model, input_tokens, output_tokens, priced_input_tokens, priced_output_tokens, cost_sek
        FROM case_ai_usage
        WHERE pilot = $pilot AND case_id = $case
        """;

    private readonly PreparedCommand _effort;
    private readonly PreparedCommand _usage;

    public CaseRecordSource(SqliteConnection connection, SqliteTransaction? transaction)
    {
        _effort = new(connection, SelectEffort, "$pilot", "$case") { Transaction = transaction };
        _usage = new(connection, SelectAiUsage, "$pilot", "$case") { Transaction = transaction };
    }

    public SqliteTransaction? Transaction
    {
        set => _effort.Transaction = _usage.Transaction = value;
    }

    /// <summary>Replaces <paramref name="row"/>'s effort by role and AI usage by model with what the tables hold, in byte order.</summary>
    public void Load(string pilot, string caseId, CaseRow row)
    {
        row.EffortByRole.Clear();
        row.AiUsage.Clear();
        using (var effort = _effort.Set("$pilot", pilot).Set("$case", caseId).ExecuteReader())
        {
            while (effort.Read())
            {
                CaseRecordMerge.AddEffort(row.EffortByRole, effort.IsDBNull(0) ? "" : effort.GetString(0), effort.GetDouble(1));
            }
        }

        using (var usage = _usage.Set("$pilot", pilot).Set("$case", caseId).ExecuteReader())
        {
            while (usage.Read())
            {
                row.AiUsage.Add(new ModelUsage(usage.GetString(0), usage.GetInt64(1), usage.GetInt64(2), usage.GetInt64(3),
                    usage.GetInt64(4), usage.GetDouble(5)));
            }
        }

        CaseRecordMerge.SortByUtf8(row);
    }

    /// <summary>
    /// Fills <paramref name="row"/> from <see cref="CaseSql.RecordColumns"/> at <paramref name="offset"/> (the upsert's
    /// <c>RETURNING</c>, or a query); a case not started yet gets empty type and arm and start 0. Returns the start
    /// and the row's effort and AI call counts.
    /// </summary>
    public static (long? StartedMs, long EffortEvents, long AiCalls) ReadRow(DbDataReader r, string caseId, CaseRow row, int offset = 0)
    {
        row.Clear();
        row.CaseId = caseId;
        row.CaseType = r.IsDBNull(offset + 0) ? "" : r.GetString(offset + 0);
        row.Arm = r.IsDBNull(offset + 1) ? "" : r.GetString(offset + 1);
        row.StartedMs = r.IsDBNull(offset + 2) ? 0 : r.GetInt64(offset + 2);
        row.CompletedMs = r.IsDBNull(offset + 3) ? null : r.GetInt64(offset + 3);
        row.EffortSeconds = r.GetDouble(offset + 4);
        row.AiDurationMs = r.GetDouble(offset + 5);
        row.Escalations = r.GetInt64(offset + 6);
        row.Errors = r.GetInt64(offset + 7);
        row.Reviews = r.GetInt64(offset + 8);
        row.ReviewsIncorrect = r.GetInt64(offset + 9);
        row.ReviewsConsistencySet = r.GetInt64(offset + 10);
        row.ReviewsConsistent = r.GetInt64(offset + 11);
        row.IntegrationFailures = r.GetInt64(offset + 12);
        row.CsatCount = r.GetInt64(offset + 13);
        row.CsatSum = r.GetInt64(offset + 14);
        row.NpsCount = r.GetInt64(offset + 15);
        row.NpsPromoters = r.GetInt64(offset + 16);
        row.NpsDetractors = r.GetInt64(offset + 17);
        return (r.IsDBNull(offset + 2) ? null : row.StartedMs, r.GetInt64(offset + 18), r.GetInt64(offset + 19));
    }

    public void Dispose()
    {
        _effort.Dispose();
        _usage.Dispose();
    }
}
