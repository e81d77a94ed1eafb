namespace EvalFramework.Collector.Storage;

/// <summary>
/// The writer's SQL. A stored event is folded into its case row by an upsert, so events may arrive in any order:
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
             AND excluded.case_type || '|' || excluded.arm || '|' || coalesce(excluded.channel, '')
               > coalesce(case_type, '') || '|' || coalesce(arm, '') || '|' || coalesce(channel, ''))))
        """;

    private const string CompletionWins = """
        (excluded.completed_ms IS NOT NULL AND (completed_ms IS NULL OR excluded.completed_ms > completed_ms
         OR (excluded.completed_ms = completed_ms AND excluded.outcome > outcome)))
        """;

    /// <summary>The case row's values a record holds, in the order <see cref="CaseRecordSource.ReadRow"/> reads them.</summary>
    public const string RecordColumns = """
        case_type, arm, started_ms, completed_ms, effort_seconds, ai_duration_ms, escalations,
        errors_quality_review + errors_reopened + errors_complaint + errors_self_reported,
        reviews, reviews_incorrect, reviews_consistency_set, reviews_consistent, integration_failures,
        csat_count, csat_sum, nps_count, nps_promoters, nps_detractors, effort_events, ai_calls
        """;

    /// <summary>
    /// Adds one transaction's <see cref="CaseDelta"/> to the case row (creating it when new) and returns the row's
    /// new values, from which the writer makes the case's record.
    /// </summary>
    public const string UpsertCase = $"""
        INSERT INTO cases (pilot, case_id, case_type, arm, channel, started_ms, completed_ms, outcome,
                           effort_seconds, effort_events, ai_calls, ai_input_tokens, ai_output_tokens, ai_duration_ms, escalations, errors_quality_review, errors_reopened, errors_complaint, errors_self_reported, errors_critical, reviews, reviews_incorrect, reviews_consistency_set, reviews_consistent, review_scores, review_score_sum, integration_failures, csat_count, csat_sum, nps_count, nps_promoters, nps_detractors,
                           updated_ms)
        VALUES ($pilot, $case, $caseType, $arm, $channel, $startedMs, $completedMs, $outcome,
                $effortSeconds, $effortEvents, $aiCalls, $aiInputTokens, $aiOutputTokens, $aiDurationMs, $escalations, $errorsQualityReview, $errorsReopened, $errorsComplaint, $errorsSelfReported, $errorsCritical, $reviews, $reviewsIncorrect, $reviewsConsistencySet, $reviewsConsistent, $reviewScores, $reviewScoreSum, $integrationFailures, $csatCount, $csatSum, $npsCount, $npsPromoters, $npsDetractors,
                $now)
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            case_type    = iif({StartWins}, excluded.case_type, case_type),
            arm          = iif({StartWins}, excluded.arm, arm),
            channel      = iif({StartWins}, excluded.channel, channel),
            started_ms   = iif({StartWins}, excluded.started_ms, started_ms),
            outcome      = iif({CompletionWins}, excluded.outcome, outcome),
            completed_ms = iif({CompletionWins}, excluded.completed_ms, completed_ms),
            effort_seconds = effort_seconds + excluded.effort_seconds,
            effort_events = effort_events + excluded.effort_events,
            ai_calls = ai_calls + excluded.ai_calls,
            ai_input_tokens = ai_input_tokens + excluded.ai_input_tokens,
            ai_output_tokens = ai_output_tokens + excluded.ai_output_tokens,
            ai_duration_ms = ai_duration_ms + excluded.ai_duration_ms,
            escalations = escalations + excluded.escalations,
            errors_quality_review = errors_quality_review + excluded.errors_quality_review,
            errors_reopened = errors_reopened + excluded.errors_reopened,
            errors_complaint = errors_complaint + excluded.errors_complaint,
            errors_self_reported = errors_self_reported + excluded.errors_self_reported,
            errors_critical = errors_critical + excluded.errors_critical,
            reviews = reviews + excluded.reviews,
            reviews_incorrect = reviews_incorrect + excluded.reviews_incorrect,
            reviews_consistency_set = reviews_consistency_set + excluded.reviews_consistency_set,
            reviews_consistent = reviews_consistent + excluded.reviews_consistent,
            review_scores = review_scores + excluded.review_scores,
            review_score_sum = review_score_sum + excluded.review_score_sum,
            integration_failures = integration_failures + excluded.integration_failures,
            csat_count = csat_count + excluded.csat_count,
            csat_sum = csat_sum + excluded.csat_sum,
            nps_count = nps_count + excluded.nps_count,
            nps_promoters = nps_promoters + excluded.nps_promoters,
            nps_detractors = nps_detractors + excluded.nps_detractors,
            updated_ms   = excluded.updated_ms
        RETURNING {RecordColumns}
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
}
