namespace EvalFramework.Collector.Storage;

/// <summary>
/// The columns of the <c>cases</c> row that events fill, declared once: both providers' upserts, their parameter
/// binding and the case reader's select list are generated from this table, in its order. A new case column is a line
/// here, a migration per provider (<see cref="SqliteDefinition"/>, <see cref="PostgresDefinition"/>) and the code in
/// <see cref="CaseDelta"/> that fills it. Besides these, a row has its key (<c>pilot</c>, <c>case_id</c>), a row id and
/// <c>updated_ms</c>, which the statements write themselves.
/// </summary>
internal static class CaseColumns
{
    public static IReadOnlyList<CaseColumn> All { get; } =
    [
        Start("case_type", d => d.CaseType),
        Start("arm", d => d.Arm),
        Start("channel", d => d.Channel),
        Start("started_ms", d => d.StartedMs),
        Completion("completed_ms", d => d.CompletedMs),
        Completion("outcome", d => d.Outcome),
        Sum("effort_seconds", d => d.EffortSeconds),
        Sum("effort_events", d => d.EffortEvents),
        Sum("ai_calls", d => d.AiCalls),
        Sum("ai_input_tokens", d => d.AiInputTokens),
        Sum("ai_output_tokens", d => d.AiOutputTokens),
        Sum("ai_duration_ms", d => d.AiDurationMs),
        Sum("escalations", d => d.Escalations),
        Sum("errors_quality_review", d => d.ErrorsQualityReview),
        Sum("errors_reopened", d => d.ErrorsReopened),
        Sum("errors_complaint", d => d.ErrorsComplaint),
        Sum("errors_self_reported", d => d.ErrorsSelfReported),
        Sum("errors_critical", d => d.ErrorsCritical),
        Sum("reviews", d => d.Reviews),
        Sum("reviews_incorrect", d => d.ReviewsIncorrect),
        Sum("reviews_consistency_set", d => d.ReviewsConsistencySet),
        Sum("reviews_consistent", d => d.ReviewsConsistent),
        Sum("review_scores", d => d.ReviewScores),
        Sum("review_score_sum", d => d.ReviewScoreSum),
        Sum("integration_failures", d => d.IntegrationFailures),
        Sum("csat_count", d => d.CsatCount),
        Sum("csat_sum", d => d.CsatSum),
        Sum("nps_count", d => d.NpsCount),
        Sum("nps_promoters", d => d.NpsPromoters),
        Sum("nps_detractors", d => d.NpsDetractors),
        Start("assigned_arm", d => d.AssignedArm),
        Start("assignment_unit", d => d.AssignmentUnit),
        Start("assignment_unit_id", d => d.AssignmentUnitId),
    ];

    /// <summary>The column names, comma separated, in table order.</summary>
    public static string Names { get; } = Join(c => c.Name);

    /// <summary>
    /// The case reader's select list: every column aliased to its property (<c>effort_seconds AS EffortSeconds</c>), so
    /// Dapper maps the row by name without a global naming switch.
    /// </summary>
    public static string Aliased { get; } = Join(c => $"{c.Name} AS {c.Property}");

    /// <summary>The columns, each written by <paramref name="column"/>, comma separated, in table order.</summary>
    public static string Join(Func<CaseColumn, string> column) => string.Join(", ", All.Select(column));

    /// <summary>The column's SQLite definition for a migration, as the first schema declares such columns.</summary>
    public static string SqliteDefinition(CaseColumn column) => column switch
    {
        CaseColumn<long> => $"{column.Name} INTEGER NOT NULL DEFAULT 0",
        CaseColumn<double> => $"{column.Name} REAL NOT NULL DEFAULT 0",
        CaseColumn<long?> => $"{column.Name} INTEGER",
        CaseColumn<string> => $"{column.Name} TEXT",
        _ => throw new NotSupportedException(column.Name),
    };

    /// <summary>The column's PostgreSQL definition for a migration, as the first schema declares such columns.</summary>
    public static string PostgresDefinition(CaseColumn column) => column switch
    {
        CaseColumn<long> => $"{column.Name} bigint NOT NULL DEFAULT 0",
        CaseColumn<double> => $"{column.Name} double precision NOT NULL DEFAULT 0",
        CaseColumn<long?> => $"{column.Name} bigint",
        CaseColumn<string> => $"{column.Name} text COLLATE \"C\"",
        _ => throw new NotSupportedException(column.Name),
    };

    private static CaseColumn<T> Start<T>(string name, Func<CaseDelta, T> read) => new(name, CaseColumnMerge.Start, read);

    private static CaseColumn<T> Completion<T>(string name, Func<CaseDelta, T> read) => new(name, CaseColumnMerge.Completion, read);

    private static CaseColumn<T> Sum<T>(string name, Func<CaseDelta, T> read) => new(name, CaseColumnMerge.Sum, read);
}
