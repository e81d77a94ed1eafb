namespace EvalFramework.Collector.Storage.Sqlite;

/// <summary>
/// The SQLite writer's SQL. A stored event is folded into its case row by an upsert, so events may arrive in any order:
/// a case seen before its <c>case.started</c> is held with no type or arm (incomplete). The earliest start and the
/// latest completion win; exact ties are broken by value, so the row does not depend on arrival order.
/// </summary>
internal static class CaseSql
{
    public const string InsertEvent = """
        INSERT INTO events (pilot, event_id, type, case_id, time_ms, received_ms, key_name, body)
        VALUES ($pilot, $id, $type, $case, $time, $now, $key, $body)
        ON CONFLICT (pilot, event_id) DO NOTHING
        """;

    private const string StartWins = """
        (excluded.started_ms IS NOT NULL AND (started_ms IS NULL OR excluded.started_ms < started_ms
         OR (excluded.started_ms = started_ms
             AND (excluded.case_type || '|' || excluded.arm || '|' || coalesce(excluded.channel, '')
                    > coalesce(case_type, '') || '|' || coalesce(arm, '') || '|' || coalesce(channel, '')
                  OR (excluded.case_type || '|' || excluded.arm || '|' || coalesce(excluded.channel, '')
                        = coalesce(case_type, '') || '|' || coalesce(arm, '') || '|' || coalesce(channel, '')
                      AND coalesce(excluded.assigned_arm || '|' || excluded.assignment_unit || '|' || excluded.assignment_unit_id, '')
                        > coalesce(assigned_arm || '|' || assignment_unit || '|' || assignment_unit_id, ''))))))
        """;

    private const string CompletionWins = """
        (excluded.completed_ms IS NOT NULL AND (completed_ms IS NULL OR excluded.completed_ms > completed_ms
         OR (excluded.completed_ms = completed_ms AND excluded.outcome > outcome)))
        """;

    /// <summary>The upsert's parameter of each of <see cref="CaseColumns.All"/>, in order; besides them it takes $pilot, $case and $now.</summary>
    public static IReadOnlyList<string> CaseParameters { get; } = [.. CaseColumns.All.Select(c => "$" + c.Parameter)];

    /// <summary>
    /// Adds one transaction's <see cref="CaseDelta"/> to the case row (creating it when new) and returns the row's
    /// new values, from which the writer makes the case's record. Generated from <see cref="CaseColumns"/>.
    /// </summary>
    public static string UpsertCase { get; } = $"""
        INSERT INTO cases (pilot, case_id, {CaseColumns.Names}, updated_ms)
        VALUES ($pilot, $case, {string.Join(", ", CaseParameters)}, $now)
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            {CaseColumns.Join(Update)},
            updated_ms = excluded.updated_ms
        RETURNING {CaseRecordRow.Columns}
        """;

    /// <summary>A case's stored record (<c>CaseRecordCodec</c>).</summary>
    public const string SelectRecord = "SELECT record FROM case_records WHERE pilot = $pilot AND case_id = $case";

    /// <summary>Stores a case's record, replacing the one before.</summary>
    public const string UpsertRecord = """
        INSERT INTO case_records (pilot, case_id, started_ms, record) VALUES ($pilot, $case, $startedMs, $record)
        ON CONFLICT (pilot, case_id) DO UPDATE SET started_ms = excluded.started_ms, record = excluded.record
        """;

    public const string AiUsageByModel = """
        INSERT INTO case_ai_usage (pilot, case_id, model, calls, input_tokens, output_tokens, duration_ms,
                                   priced_input_tokens, priced_output_tokens, cost_sek)
        VALUES ($pilot, $case, $model, $calls, $input, $output, $durationMs, $pricedInput, $pricedOutput, $costSek)
        ON CONFLICT (pilot, case_id, model) DO UPDATE SET
            calls                = calls + excluded.calls,
            input_tokens         = input_tokens + excluded.input_tokens,
            output_tokens        = output_tokens + excluded.output_tokens,
            duration_ms          = duration_ms + excluded.duration_ms,
            priced_input_tokens  = priced_input_tokens + excluded.priced_input_tokens,
            priced_output_tokens = priced_output_tokens + excluded.priced_output_tokens,
            cost_sek             = cost_sek + excluded.cost_sek
        """;

    private static string Update(CaseColumn c) => c.Merge switch
    {
        CaseColumnMerge.Start => $"{c.Name} = iif({StartWins}, excluded.{c.Name}, {c.Name})",
        CaseColumnMerge.Completion => $"{c.Name} = iif({CompletionWins}, excluded.{c.Name}, {c.Name})",
        _ => $"{c.Name} = {c.Name} + excluded.{c.Name}",
    };
}
