namespace EvalFramework.Collector.Storage;

/// <summary>
/// The SQL that folds one stored event into its case row. Every statement is an upsert, so events may
/// arrive in any order: a case seen before its <c>case.started</c> is held with no type or arm (incomplete).
/// The earliest start and the latest completion win; exact ties are broken by value, so the row does not
/// depend on arrival order.
/// </summary>
internal static class CaseSql
{
    public const string InsertEvent = """
        INSERT INTO events (pilot, event_id, type, case_id, time_ms, received_ms, key_name, body)
        VALUES ($pilot, $id, $type, $case, $time, $now, $key, $body)
        ON CONFLICT (pilot, event_id) DO NOTHING
        """;

    private const string StartWins = """
        (started_ms IS NULL OR excluded.started_ms < started_ms
         OR (excluded.started_ms = started_ms
             AND excluded.case_type || '|' || excluded.arm || '|' || coalesce(excluded.channel, '')
               > coalesce(case_type, '') || '|' || coalesce(arm, '') || '|' || coalesce(channel, '')))
        """;

    public const string Started = $"""
        INSERT INTO cases (pilot, case_id, case_type, arm, channel, started_ms, updated_ms)
        VALUES ($pilot, $case, $caseType, $arm, $channel, $time, $now)
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            case_type  = iif({StartWins}, excluded.case_type, case_type),
            arm        = iif({StartWins}, excluded.arm, arm),
            channel    = iif({StartWins}, excluded.channel, channel),
            started_ms = iif({StartWins}, excluded.started_ms, started_ms),
            updated_ms = excluded.updated_ms
        """;

    private const string CompletionWins = """
        (completed_ms IS NULL OR excluded.completed_ms > completed_ms
         OR (excluded.completed_ms = completed_ms AND excluded.outcome > outcome))
        """;

    public const string Completed = $"""
        INSERT INTO cases (pilot, case_id, completed_ms, outcome, updated_ms)
        VALUES ($pilot, $case, $time, $outcome, $now)
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            outcome      = iif({CompletionWins}, excluded.outcome, outcome),
            completed_ms = iif({CompletionWins}, excluded.completed_ms, completed_ms),
            updated_ms   = excluded.updated_ms
        """;

    public const string AiUsage = """
        INSERT INTO cases (pilot, case_id, ai_calls, ai_input_tokens, ai_output_tokens, ai_duration_ms, updated_ms)
        VALUES ($pilot, $case, 1, $input, $output, $durationMs, $now)
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            ai_calls         = ai_calls + 1,
            ai_input_tokens  = ai_input_tokens + excluded.ai_input_tokens,
            ai_output_tokens = ai_output_tokens + excluded.ai_output_tokens,
            ai_duration_ms   = ai_duration_ms + excluded.ai_duration_ms,
            updated_ms       = excluded.updated_ms
        """;

    public const string AiUsageByModel = """
        INSERT INTO case_ai_usage (pilot, case_id, model, calls, input_tokens, output_tokens, duration_ms,
                                   priced_input_tokens, priced_output_tokens, cost_sek)
        VALUES ($pilot, $case, $model, 1, $input, $output, $durationMs, $pricedInput, $pricedOutput, $costSek)
        ON CONFLICT (pilot, case_id, model) DO UPDATE SET
            calls                = calls + 1,
            input_tokens         = input_tokens + excluded.input_tokens,
            output_tokens        = output_tokens + excluded.output_tokens,
            duration_ms          = duration_ms + excluded.duration_ms,
            priced_input_tokens  = priced_input_tokens + excluded.priced_input_tokens,
            priced_output_tokens = priced_output_tokens + excluded.priced_output_tokens,
            cost_sek             = cost_sek + excluded.cost_sek
        """;

    public const string Effort = """
        INSERT INTO cases (pilot, case_id, effort_seconds, effort_events, updated_ms)
        VALUES ($pilot, $case, $seconds, 1, $now)
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            effort_seconds = effort_seconds + excluded.effort_seconds,
            effort_events  = effort_events + 1,
            updated_ms     = excluded.updated_ms
        """;

    public const string Escalated = """
        INSERT INTO cases (pilot, case_id, escalations, updated_ms)
        VALUES ($pilot, $case, 1, $now)
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            escalations = escalations + 1,
            updated_ms  = excluded.updated_ms
        """;

    public const string Error = """
        INSERT INTO cases (pilot, case_id, errors_quality_review, errors_reopened, errors_complaint,
                           errors_self_reported, errors_critical, updated_ms)
        VALUES ($pilot, $case, $qualityReview, $reopened, $complaint, $selfReported, $critical, $now)
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            errors_quality_review = errors_quality_review + excluded.errors_quality_review,
            errors_reopened       = errors_reopened + excluded.errors_reopened,
            errors_complaint      = errors_complaint + excluded.errors_complaint,
            errors_self_reported  = errors_self_reported + excluded.errors_self_reported,
            errors_critical       = errors_critical + excluded.errors_critical,
            updated_ms            = excluded.updated_ms
        """;

    public const string Review = """
        INSERT INTO cases (pilot, case_id, reviews, reviews_incorrect, reviews_consistency_set, reviews_consistent,
                           review_scores, review_score_sum, updated_ms)
        VALUES ($pilot, $case, 1, $incorrect, $consistencySet, $consistent, $scored, $score, $now)
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            reviews                 = reviews + 1,
            reviews_incorrect       = reviews_incorrect + excluded.reviews_incorrect,
            reviews_consistency_set = reviews_consistency_set + excluded.reviews_consistency_set,
            reviews_consistent      = reviews_consistent + excluded.reviews_consistent,
            review_scores           = review_scores + excluded.review_scores,
            review_score_sum        = review_score_sum + excluded.review_score_sum,
            updated_ms              = excluded.updated_ms
        """;

    public const string IntegrationFailure = """
        INSERT INTO cases (pilot, case_id, integration_failures, updated_ms)
        VALUES ($pilot, $case, 1, $now)
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            integration_failures = integration_failures + 1,
            updated_ms           = excluded.updated_ms
        """;

    public const string CitizenSurvey = """
        INSERT INTO cases (pilot, case_id, csat_count, csat_sum, nps_count, nps_promoters, nps_detractors, updated_ms)
        VALUES ($pilot, $case, 1, $csat, $npsCount, $promoter, $detractor, $now)
        ON CONFLICT (pilot, case_id) DO UPDATE SET
            csat_count     = csat_count + 1,
            csat_sum       = csat_sum + excluded.csat_sum,
            nps_count      = nps_count + excluded.nps_count,
            nps_promoters  = nps_promoters + excluded.nps_promoters,
            nps_detractors = nps_detractors + excluded.nps_detractors,
            updated_ms     = excluded.updated_ms
        """;
}
