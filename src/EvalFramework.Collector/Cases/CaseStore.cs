using Dapper;
using EvalFramework.Collector.Storage;

namespace EvalFramework.Collector.Cases;

/// <summary>Reads case rows for evaluators, a page at a time (keyset paging on the row id).</summary>
internal sealed class CaseStore(ICollectorDatabase database)
{
    private const string PageFilter = """
        pilot = @Pilot
          AND (@CaseType IS NULL OR case_type = @CaseType)
          AND (@Arm IS NULL OR arm = @Arm)
          AND (@FromMs IS NULL OR started_ms >= @FromMs)
          AND (@ToMs IS NULL OR started_ms < @ToMs)
        """;

    private const string SelectCases = $$"""
        SELECT id, case_id, case_type, arm, channel, started_ms, completed_ms, updated_ms, outcome,
               effort_seconds, effort_events, ai_calls, ai_input_tokens, ai_output_tokens, ai_duration_ms,
               escalations, errors_quality_review, errors_reopened, errors_complaint, errors_self_reported,
               errors_critical, reviews, reviews_incorrect, reviews_consistency_set, reviews_consistent,
               review_scores, review_score_sum, integration_failures, csat_count, csat_sum, nps_count,
               nps_promoters, nps_detractors
        FROM cases
        WHERE {{PageFilter}} AND id > @After
        ORDER BY id
        LIMIT @Take
        """;

    private const string SelectAiUsage = $$"""
        SELECT case_id, model, calls, input_tokens, output_tokens, duration_ms, priced_input_tokens,
               priced_output_tokens, cost_sek
        FROM case_ai_usage
        WHERE pilot = @Pilot AND case_id IN (SELECT case_id FROM cases WHERE {{PageFilter}} AND id > @After AND id <= @Last)
        ORDER BY case_id, model
        """;

    private const string CountStarted = """
        SELECT COUNT(*) FROM cases WHERE pilot = @Pilot AND started_ms >= @FromMs AND started_ms < @ToMs
        """;

    /// <summary>Cases of the pilot started in [from, to).</summary>
    public async Task<long> CountStartedAsync(string pilot, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountStarted,
            new { Pilot = pilot, FromMs = from.ToUnixTimeMilliseconds(), ToMs = to.ToUnixTimeMilliseconds() }, cancellationToken: cancellationToken));
    }

    public async Task<CasePage> ReadAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var args = new DynamicParameters(new
        {
            query.Pilot,
            query.After,
            query.CaseType,
            query.Arm,
            FromMs = query.From?.ToUnixTimeMilliseconds(),
            ToMs = query.To?.ToUnixTimeMilliseconds(),
            Take = query.Limit + 1,
        });
        var rows = (await connection.QueryAsync<CaseRecord>(new CommandDefinition(SelectCases, args, cancellationToken: cancellationToken))).AsList();

        var hasMore = rows.Count > query.Limit;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (rows.Count > 0)
        {
            // The page's usage: its id range under the same filter (the same SQL on every provider, where a list parameter
            // is not: Dapper expands it for SQLite and sends an array to Npgsql).
            var byCase = rows.ToDictionary(r => r.CaseId, StringComparer.Ordinal);
            args.Add("Last", rows[^1].Id);
            var usage = await connection.QueryAsync<CaseAiUsage>(new CommandDefinition(SelectAiUsage, args, cancellationToken: cancellationToken));
            foreach (var u in usage)
            {
                if (byCase.TryGetValue(u.CaseId, out var row))
                {
                    row.AiByModel.Add(u);
                }
            }
        }

        var next = hasMore ? rows[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new CasePage(rows, next);
    }
}
