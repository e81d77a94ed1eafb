using EvalFramework.Evaluation.Snapshots;
using Microsoft.Data.Sqlite;

namespace EvalFramework.Collector.Storage.Sqlite;

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

    public void Dispose()
    {
        _effort.Dispose();
        _usage.Dispose();
    }
}
