using System.Data.Common;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Collector.Storage;

/// <summary>
/// The case row's values a case record holds (<see cref="CaseRecordCodec"/>), as both providers' upserts return them
/// and migrations read them: the select list and the code that reads it into a <see cref="CaseRow"/>.
/// </summary>
internal static class CaseRecordRow
{
    /// <summary>
    /// The values before the assignment columns existed (SQLite schema 5, PostgreSQL schema 3), for the migrations that
    /// ran then; <see cref="Read"/> reads them with <c>withAssignment: false</c>.
    /// </summary>
    public const string ColumnsBeforeAssignment = """
        case_type, arm, started_ms, completed_ms, outcome, effort_seconds, ai_duration_ms, escalations,
        errors_quality_review + errors_reopened + errors_complaint + errors_self_reported,
        reviews, reviews_incorrect, reviews_consistency_set, reviews_consistent, integration_failures,
        csat_count, csat_sum, nps_count, nps_promoters, nps_detractors, effort_events, ai_calls
        """;

    /// <summary>The values, in the order <see cref="Read"/> reads them.</summary>
    public const string Columns = ColumnsBeforeAssignment + ", assigned_arm, assignment_unit, assignment_unit_id";

    /// <summary>
    /// Fills <paramref name="row"/> from <see cref="Columns"/> at <paramref name="offset"/> (the upsert's
    /// <c>RETURNING</c>, or a query; <see cref="ColumnsBeforeAssignment"/> when <paramref name="withAssignment"/> is false); a case not started yet gets empty type and arm and start 0, a case without an assignment none. Returns the start
    /// and the row's effort and AI call counts.
    /// </summary>
    public static (long? StartedMs, long EffortEvents, long AiCalls) Read(DbDataReader r, string caseId, CaseRow row, int offset = 0,
        bool withAssignment = true)
    {
        row.Clear();
        row.CaseId = caseId;
        row.CaseType = r.IsDBNull(offset + 0) ? "" : r.GetString(offset + 0);
        row.Arm = r.IsDBNull(offset + 1) ? "" : r.GetString(offset + 1);
        row.StartedMs = r.IsDBNull(offset + 2) ? 0 : r.GetInt64(offset + 2);
        row.CompletedMs = r.IsDBNull(offset + 3) ? null : r.GetInt64(offset + 3);
        row.Outcome = r.IsDBNull(offset + 4) ? null : r.GetString(offset + 4);
        row.EffortSeconds = r.GetDouble(offset + 5);
        row.AiDurationMs = r.GetDouble(offset + 6);
        row.Escalations = r.GetInt64(offset + 7);
        row.Errors = r.GetInt64(offset + 8);
        row.Reviews = r.GetInt64(offset + 9);
        row.ReviewsIncorrect = r.GetInt64(offset + 10);
        row.ReviewsConsistencySet = r.GetInt64(offset + 11);
        row.ReviewsConsistent = r.GetInt64(offset + 12);
        row.IntegrationFailures = r.GetInt64(offset + 13);
        row.CsatCount = r.GetInt64(offset + 14);
        row.CsatSum = r.GetInt64(offset + 15);
        row.NpsCount = r.GetInt64(offset + 16);
        row.NpsPromoters = r.GetInt64(offset + 17);
        row.NpsDetractors = r.GetInt64(offset + 18);
        if (withAssignment)
        {
            ReadAssignment(r, row, offset + 21);
        }

        return (r.IsDBNull(offset + 2) ? null : row.StartedMs, r.GetInt64(offset + 19), r.GetInt64(offset + 20));
    }

    private static void ReadAssignment(DbDataReader r, CaseRow row, int at)
    {
        row.AssignedArm = r.IsDBNull(at) ? null : r.GetString(at);
        row.AssignmentUnit = r.IsDBNull(at + 1) ? null : r.GetString(at + 1);
        row.AssignmentUnitId = r.IsDBNull(at + 2) ? null : r.GetString(at + 2);
    }
}
