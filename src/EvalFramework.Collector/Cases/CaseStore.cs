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

    /// <summary>
    /// A page of case rows. Every column is aliased to its <see cref="CaseRecord"/> property (the case columns from
    /// <see cref="CaseColumns"/>), so Dapper maps them by name.
    /// </summary>
    private static readonly string SelectCases = $"""
        SELECT id AS Id, case_id AS CaseId, updated_ms AS UpdatedMs, {CaseColumns.Aliased}
        FROM cases
        WHERE {PageFilter} AND id > @After
        ORDER BY id
        LIMIT @Take
        """;

    private const string SelectAiUsage = $$"""
        SELECT case_id AS CaseId, model AS Model, calls AS Calls, input_tokens AS InputTokens, output_tokens AS OutputTokens,
               duration_ms AS DurationMs, priced_input_tokens AS PricedInputTokens, priced_output_tokens AS PricedOutputTokens,
               cost_sek AS CostSek
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
