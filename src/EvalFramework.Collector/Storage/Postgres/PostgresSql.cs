namespace EvalFramework.Collector.Storage.Postgres;

/// <summary>
/// The SQL that PostgreSQL needs in its own words. The writer's statements take whole columns as arrays
/// (<c>unnest</c>), so a group commit is a few round trips whatever its size; each inserts its rows in array order
/// (<c>WITH ORDINALITY … ORDER BY</c>), the order the writer locks them in and the one that makes the first copy of
/// an id the one stored. The upserts follow
/// the SQLite writer's rules (<see cref="CaseColumnMerge"/>) exactly: sums add up, the earliest start and the latest completion win, exact ties are
/// broken by value in byte order (<c>COLLATE "C"</c>, as SQLite's BINARY compares).
/// </summary>
internal static class PostgresSql
{
    public const string InsertEvents = """
        INSERT INTO events (pilot, event_id, type, case_id, time_ms, received_ms, key_name, body)
        SELECT e.pilot, e.event_id, e.type, e.case_id, e.time_ms, @now, e.key_name, e.body
        FROM unnest(@pilot, @id, @type, @case, @time, @key, @body) WITH ORDINALITY
             AS e(pilot, event_id, type, case_id, time_ms, key_name, body, ord)
        ORDER BY e.ord
        ON CONFLICT (pilot, event_id) DO NOTHING
        RETURNING pilot, event_id
        """;

    public const string UpsertAiUsage = """
        INSERT INTO case_ai_usage AS u (pilot, case_id, model, calls, input_tokens, output_tokens, duration_ms,
                                        priced_input_tokens, priced_output_tokens, cost_sek)
        SELECT pilot, case_id, model, calls, input_tokens, output_tokens, duration_ms, priced_input_tokens, priced_output_tokens, cost_sek
        FROM unnest(@pilot, @case, @model, @calls, @input, @output, @durationMs, @pricedInput, @pricedOutput, @costSek) WITH ORDINALITY
             AS d(pilot, case_id, model, calls, input_tokens, output_tokens, duration_ms, priced_input_tokens, priced_output_tokens, cost_sek, ord)
        ORDER BY d.ord
        ON CONFLICT (pilot, case_id, model) DO UPDATE SET
            calls                = u.calls + excluded.calls,
            input_tokens         = u.input_tokens + excluded.input_tokens,
            output_tokens        = u.output_tokens + excluded.output_tokens,
            duration_ms          = u.duration_ms + excluded.duration_ms,
            priced_input_tokens  = u.priced_input_tokens + excluded.priced_input_tokens,
            priced_output_tokens = u.priced_output_tokens + excluded.priced_output_tokens,
            cost_sek             = u.cost_sek + excluded.cost_sek
        """;

    private const string StartWins = """
        (excluded.started_ms IS NOT NULL AND (c.started_ms IS NULL OR excluded.started_ms < c.started_ms
         OR (excluded.started_ms = c.started_ms
             AND ((excluded.case_type || '|' || excluded.arm || '|' || coalesce(excluded.channel, ''))
                    > (coalesce(c.case_type, '') || '|' || coalesce(c.arm, '') || '|' || coalesce(c.channel, '')) COLLATE "C"
                  OR ((excluded.case_type || '|' || excluded.arm || '|' || coalesce(excluded.channel, ''))
                        = (coalesce(c.case_type, '') || '|' || coalesce(c.arm, '') || '|' || coalesce(c.channel, '')) COLLATE "C"
                      AND coalesce(excluded.assigned_arm || '|' || excluded.assignment_unit || '|' || excluded.assignment_unit_id, '')
                        > coalesce(c.assigned_arm || '|' || c.assignment_unit || '|' || c.assignment_unit_id, '') COLLATE "C")))))
        """;

    private const string CompletionWins = """
        (excluded.completed_ms IS NOT NULL AND (c.completed_ms IS NULL OR excluded.completed_ms > c.completed_ms
         OR (excluded.completed_ms = c.completed_ms AND excluded.outcome > c.outcome COLLATE "C")))
        """;

    /// <summary>
    /// Adds each case's <see cref="CaseDelta"/> to its row and returns the rows' new values (<see cref="CaseRecordRow.Columns"/>).
    /// Generated from <see cref="CaseColumns"/>: @pilot, @case, an array per column named by its parameter, and @now.
    /// </summary>
    public static string UpsertCases { get; } = $"""
        INSERT INTO cases AS c (pilot, case_id, {CaseColumns.Names}, updated_ms)
        SELECT pilot, case_id, {CaseColumns.Names}, @now
        FROM unnest(@pilot, @case, {CaseColumns.Join(c => "@" + c.Parameter)}) WITH ORDINALITY
             AS d(pilot, case_id, {CaseColumns.Names}, ord)
        ORDER BY d.ord
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            {CaseColumns.Join(Update)},
            updated_ms = excluded.updated_ms
        RETURNING c.pilot, c.case_id, {CaseRecordRow.Columns}
        """;

    public const string SelectRecords = """
        SELECT r.pilot, r.case_id, r.record
        FROM case_records r JOIN unnest(@pilot, @case) AS k(pilot, case_id) ON r.pilot = k.pilot AND r.case_id = k.case_id
        """;

    public const string UpsertRecords = """
        INSERT INTO case_records (pilot, case_id, started_ms, record)
        SELECT pilot, case_id, started_ms, record
        FROM unnest(@pilot, @case, @startedMs, @record) WITH ORDINALITY AS r(pilot, case_id, started_ms, record, ord)
        ORDER BY r.ord
        ON CONFLICT (pilot, case_id) DO UPDATE SET started_ms = excluded.started_ms, record = excluded.record
        """;

    /// <summary>A case's effort events, for rebuilding a record that cannot be found (as the SQLite writer does).</summary>
    public const string SourceEffort = """
        SELECT body::jsonb ->> 'role', (body::jsonb ->> 'seconds')::double precision
        FROM events
        WHERE pilot = @Pilot AND case_id = @Case AND type = 'human.effort'
        ORDER BY seq
        """;

    public const string SourceAiUsage = """
        SELECT model, input_tokens, output_tokens, priced_input_tokens, priced_output_tokens, cost_sek
        FROM case_ai_usage
        WHERE pilot = @Pilot AND case_id = @Case
        """;

    public const string StaffSurveys = """
        SELECT time_ms, received_ms, body::jsonb ->> 'team', body::jsonb ->> 'arm', body::jsonb ->> 'respondent',
               (body::jsonb ->> 'wellbeing')::bigint
        FROM events
        WHERE pilot = @Pilot AND type = 'survey.staff' AND case_id IS NULL AND time_ms >= @From AND time_ms < @To
        """;

    public const string Maintenance = """
        SELECT time_ms, (body::jsonb ->> 'hours')::double precision, body::jsonb ->> 'arm', body::jsonb ->> 'kind'
        FROM events
        WHERE pilot = @Pilot AND type = 'pilot.maintenance' AND case_id IS NULL AND time_ms >= @MaintenanceFrom AND time_ms < @To
        """;

    /// <summary>The period's records in case id byte order (the primary key's order), the order the data hash reads.</summary>
    public const string SnapshotRecords = """
        SELECT record FROM case_records
        WHERE pilot = @pilot AND started_ms >= @from AND started_ms < @to
        ORDER BY case_id
        """;

    private static string Update(CaseColumn c) => c.Merge switch
    {
        CaseColumnMerge.Start => $"{c.Name} = CASE WHEN {StartWins} THEN excluded.{c.Name} ELSE c.{c.Name} END",
        CaseColumnMerge.Completion => $"{c.Name} = CASE WHEN {CompletionWins} THEN excluded.{c.Name} ELSE c.{c.Name} END",
        _ => $"{c.Name} = c.{c.Name} + excluded.{c.Name}",
    };
}
