namespace EvalFramework.Collector.Storage.Postgres;

/// <summary>
/// The SQL that PostgreSQL needs in its own words. The writer's statements take whole columns as arrays
/// (<c>unnest</c>), so a group commit is a few round trips whatever its size; each inserts its rows in array order
/// (<c>WITH ORDINALITY … ORDER BY</c>), the order the writer locks them in and the one that makes the first copy of
/// an id the one stored. The upserts follow
/// <see cref="CaseSql"/>'s rules exactly: sums add up, the earliest start and the latest completion win, exact ties are
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
             AND (excluded.case_type || '|' || excluded.arm || '|' || coalesce(excluded.channel, ''))
               > (coalesce(c.case_type, '') || '|' || coalesce(c.arm, '') || '|' || coalesce(c.channel, '')) COLLATE "C")))
        """;

    private const string CompletionWins = """
        (excluded.completed_ms IS NOT NULL AND (c.completed_ms IS NULL OR excluded.completed_ms > c.completed_ms
         OR (excluded.completed_ms = c.completed_ms AND excluded.outcome > c.outcome COLLATE "C")))
        """;

    /// <summary>The case row's columns a <see cref="CaseDelta"/> fills, in the order the writer binds them.</summary>
    private const string CaseColumns = """
        pilot, case_id, case_type, arm, channel, started_ms, completed_ms, outcome, effort_seconds, effort_events, ai_calls,
        ai_input_tokens, ai_output_tokens, ai_duration_ms, escalations, errors_quality_review, errors_reopened,
        errors_complaint, errors_self_reported, errors_critical, reviews, reviews_incorrect, reviews_consistency_set,
        reviews_consistent, review_scores, review_score_sum, integration_failures, csat_count, csat_sum, nps_count,
        nps_promoters, nps_detractors
        """;

    /// <summary>Adds each case's <see cref="CaseDelta"/> to its row and returns the rows' new values (<see cref="CaseSql.RecordColumns"/>).</summary>
    public const string UpsertCases = $"""
        INSERT INTO cases AS c ({CaseColumns}, updated_ms)
        SELECT {CaseColumns}, @now
        FROM unnest(@pilot, @case, @caseType, @arm, @channel, @startedMs, @completedMs, @outcome,
                    @effortSeconds, @effortEvents, @aiCalls, @aiInputTokens, @aiOutputTokens, @aiDurationMs, @escalations, @errorsQualityReview, @errorsReopened, @errorsComplaint, @errorsSelfReported, @errorsCritical, @reviews, @reviewsIncorrect, @reviewsConsistencySet, @reviewsConsistent, @reviewScores, @reviewScoreSum, @integrationFailures, @csatCount, @csatSum, @npsCount, @npsPromoters, @npsDetractors) WITH ORDINALITY
             AS d({CaseColumns}, ord)
        ORDER BY d.ord
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            case_type    = CASE WHEN {StartWins} THEN excluded.case_type ELSE c.case_type END,
            arm          = CASE WHEN {StartWins} THEN excluded.arm ELSE c.arm END,
            channel      = CASE WHEN {StartWins} THEN excluded.channel ELSE c.channel END,
            started_ms   = CASE WHEN {StartWins} THEN excluded.started_ms ELSE c.started_ms END,
            outcome      = CASE WHEN {CompletionWins} THEN excluded.outcome ELSE c.outcome END,
            completed_ms = CASE WHEN {CompletionWins} THEN excluded.completed_ms ELSE c.completed_ms END,
            effort_seconds = c.effort_seconds + excluded.effort_seconds,
            effort_events = c.effort_events + excluded.effort_events,
            ai_calls = c.ai_calls + excluded.ai_calls,
            ai_input_tokens = c.ai_input_tokens + excluded.ai_input_tokens,
            ai_output_tokens = c.ai_output_tokens + excluded.ai_output_tokens,
            ai_duration_ms = c.ai_duration_ms + excluded.ai_duration_ms,
            escalations = c.escalations + excluded.escalations,
            errors_quality_review = c.errors_quality_review + excluded.errors_quality_review,
            errors_reopened = c.errors_reopened + excluded.errors_reopened,
            errors_complaint = c.errors_complaint + excluded.errors_complaint,
            errors_self_reported = c.errors_self_reported + excluded.errors_self_reported,
            errors_critical = c.errors_critical + excluded.errors_critical,
            reviews = c.reviews + excluded.reviews,
            reviews_incorrect = c.reviews_incorrect + excluded.reviews_incorrect,
            reviews_consistency_set = c.reviews_consistency_set + excluded.reviews_consistency_set,
            reviews_consistent = c.reviews_consistent + excluded.reviews_consistent,
            review_scores = c.review_scores + excluded.review_scores,
            review_score_sum = c.review_score_sum + excluded.review_score_sum,
            integration_failures = c.integration_failures + excluded.integration_failures,
            csat_count = c.csat_count + excluded.csat_count,
            csat_sum = c.csat_sum + excluded.csat_sum,
            nps_count = c.nps_count + excluded.nps_count,
            nps_promoters = c.nps_promoters + excluded.nps_promoters,
            nps_detractors = c.nps_detractors + excluded.nps_detractors,
            updated_ms   = excluded.updated_ms
        RETURNING c.pilot, c.case_id, {CaseSql.RecordColumns}
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

    /// <summary>A case's effort events, for rebuilding a record that cannot be found (as <see cref="CaseRecordSource"/> does on SQLite).</summary>
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
        SELECT time_ms, received_ms, body::jsonb ->> 'team', body::jsonb ->> 'arm', (body::jsonb ->> 'wellbeing')::bigint
        FROM events
        WHERE pilot = @Pilot AND type = 'survey.staff' AND case_id IS NULL AND time_ms >= @From AND time_ms < @To
        """;

    public const string Maintenance = """
        SELECT time_ms, (body::jsonb ->> 'hours')::double precision, body::jsonb ->> 'arm'
        FROM events
        WHERE pilot = @Pilot AND type = 'pilot.maintenance' AND case_id IS NULL AND time_ms >= @From AND time_ms < @To
        """;

    /// <summary>The period's records in case id byte order (the primary key's order), the order the data hash reads.</summary>
    public const string SnapshotRecords = """
        SELECT record FROM case_records
        WHERE pilot = @pilot AND started_ms >= @from AND started_ms < @to
        ORDER BY case_id
        """;
}
