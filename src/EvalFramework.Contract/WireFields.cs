namespace EvalFramework.Contract;

/// <summary>Every type-specific field of wire contract v1, each declared once, in <see cref="WireEvent"/>'s order.</summary>
public static class WireFields
{
    /// <summary><c>caseType</c>.</summary>
    public static readonly WireField CaseType = new("caseType", FieldKind.Slug, e => e.CaseType) { IsMetricLabel = true };

    /// <summary><c>arm</c>.</summary>
    public static readonly WireField Arm = new("arm", FieldKind.Slug, e => e.Arm) { IsMetricLabel = true };

    /// <summary><c>channel</c>.</summary>
    public static readonly WireField Channel = new("channel", FieldKind.Slug, e => e.Channel);

    /// <summary><c>outcome</c>.</summary>
    public static readonly WireField Outcome = new("outcome", FieldKind.Enum, e => e.Outcome) { Allowed = CaseOutcomes.All, IsMetricLabel = true };

    /// <summary><c>model</c>.</summary>
    public static readonly WireField Model = new("model", FieldKind.Text, e => e.Model) { Max = 128, IsMetricLabel = true };

    /// <summary><c>inputTokens</c>.</summary>
    public static readonly WireField InputTokens = new("inputTokens", FieldKind.IntRange, e => e.InputTokens) { Max = EventValidator.MaxTokens };

    /// <summary><c>outputTokens</c>.</summary>
    public static readonly WireField OutputTokens = new("outputTokens", FieldKind.IntRange, e => e.OutputTokens) { Max = EventValidator.MaxTokens };

    /// <summary><c>durationMs</c>.</summary>
    public static readonly WireField DurationMs = new("durationMs", FieldKind.DoubleRange, e => e.DurationMs) { Max = EventValidator.MaxDurationMs };

    /// <summary><c>costSek</c>.</summary>
    public static readonly WireField CostSek = new("costSek", FieldKind.DoubleRange, e => e.CostSek) { Max = EventValidator.MaxCostSek };

    /// <summary><c>role</c>.</summary>
    public static readonly WireField Role = new("role", FieldKind.Slug, e => e.Role);

    /// <summary><c>seconds</c>.</summary>
    public static readonly WireField Seconds = new("seconds", FieldKind.DoubleRange, e => e.Seconds) { Min = EventValidator.MinSeconds, Max = 86_400 };

    /// <summary><c>reason</c>.</summary>
    public static readonly WireField Reason = new("reason", FieldKind.Slug, e => e.Reason);

    /// <summary><c>source</c>.</summary>
    public static readonly WireField Source = new("source", FieldKind.Enum, e => e.Source) { Allowed = ErrorSources.All, IsMetricLabel = true };

    /// <summary><c>severity</c>.</summary>
    public static readonly WireField Severity = new("severity", FieldKind.Enum, e => e.Severity) { Allowed = ErrorSeverities.All, IsMetricLabel = true };

    /// <summary><c>correct</c>.</summary>
    public static readonly WireField Correct = new("correct", FieldKind.Bool, e => e.Correct);

    /// <summary><c>consistent</c>.</summary>
    public static readonly WireField Consistent = new("consistent", FieldKind.Bool, e => e.Consistent);

    /// <summary><c>score</c>.</summary>
    public static readonly WireField Score = new("score", FieldKind.IntRange, e => e.Score) { Min = 1, Max = 5 };

    /// <summary><c>system</c>.</summary>
    public static readonly WireField System = new("system", FieldKind.Slug, e => e.TargetSystem);

    /// <summary><c>kind</c>.</summary>
    public static readonly WireField Kind = new("kind", FieldKind.Slug, e => e.Kind);

    /// <summary><c>csat</c>.</summary>
    public static readonly WireField Csat = new("csat", FieldKind.IntRange, e => e.Csat) { Min = 1, Max = 5 };

    /// <summary><c>nps</c>.</summary>
    public static readonly WireField Nps = new("nps", FieldKind.IntRange, e => e.Nps) { Min = 0, Max = 10 };

    /// <summary><c>team</c>.</summary>
    public static readonly WireField Team = new("team", FieldKind.Slug, e => e.Team);

    /// <summary><c>wellbeing</c>.</summary>
    public static readonly WireField Wellbeing = new("wellbeing", FieldKind.IntRange, e => e.Wellbeing) { Min = 1, Max = 5 };

    /// <summary><c>workload</c>.</summary>
    public static readonly WireField Workload = new("workload", FieldKind.IntRange, e => e.Workload) { Min = 1, Max = 5 };

    /// <summary><c>stress</c>.</summary>
    public static readonly WireField Stress = new("stress", FieldKind.IntRange, e => e.Stress) { Min = 1, Max = 5 };

    /// <summary><c>hours</c>.</summary>
    public static readonly WireField Hours = new("hours", FieldKind.DoubleRange, e => e.Hours)
    {
        Min = EventValidator.MinMaintenanceHours, Max = EventValidator.MaxMaintenanceHours,
    };

    /// <summary><c>assignment</c> (contract v2): how the case reached its arm.</summary>
    public static readonly WireField Assignment = new("assignment", FieldKind.Object, e => e.Assignment)     {
        CheckObject = AssignmentRules.Check, Members = AssignmentRules.Members, ClosedMembers = AssignmentRules.Closed,
    };

    /// <summary><c>respondent</c> (contract v2): the staff member's pseudonym, so one person's answers are one unit.</summary>
    public static readonly WireField Respondent = new("respondent", FieldKind.Pseudonym, e => e.Respondent);

    /// <summary>Every field, in <see cref="WireEvent"/>'s order (the order of "does not belong" and identifier errors).</summary>
    public static IReadOnlyList<WireField> All { get; } =
    [
        CaseType, Arm, Channel, Outcome, Model, InputTokens, OutputTokens, DurationMs, CostSek, Role, Seconds, Reason,
        Source, Severity, Correct, Consistent, Score, System, Kind, Csat, Nps, Team, Wellbeing, Workload, Stress, Hours,
        Assignment, Respondent,
    ];
}
