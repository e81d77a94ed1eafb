namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// One case as a snapshot uses it (a <c>cases</c> row with its effort by role and AI usage by model). Mutable so a
/// reader can reuse one instance for millions of rows; <see cref="SnapshotEngine.AddCase"/> copies what it keeps.
/// </summary>
public sealed class CaseRow
{
    /// <summary>The pseudonymous case reference.</summary>
    public string CaseId { get; set; } = "";

    /// <summary>The case type from <c>case.started</c>.</summary>
    public string CaseType { get; set; } = "";

    /// <summary>The arm from <c>case.started</c>.</summary>
    public string Arm { get; set; } = "";

    /// <summary>
    /// The arm the case was assigned to (<c>assignment.assignedArm</c> of <c>case.started</c>); null when the event
    /// carried no assignment. It differs from <see cref="Arm"/> (the arm used) for a non-compliant case.
    /// </summary>
    public string? AssignedArm { get; set; }

    /// <summary>What was assigned (<c>assignment.unit</c>): one of <see cref="Contract.AssignmentUnits"/>; null without an assignment.</summary>
    public string? AssignmentUnit { get; set; }

    /// <summary>
    /// The assigned unit's id (<c>assignment.unitId</c>): a handler pseudonym, a team slug or a period key; null without
    /// an assignment.
    /// </summary>
    public string? AssignmentUnitId { get; set; }

    /// <summary><c>case.started</c> time, Unix milliseconds.</summary>
    public long StartedMs { get; set; }

    /// <summary><c>case.completed</c> time, Unix milliseconds; null while open.</summary>
    public long? CompletedMs { get; set; }

    /// <summary>
    /// The <c>outcome</c> of the <c>case.completed</c> that set <see cref="CompletedMs"/>: one of
    /// <see cref="Contract.CaseOutcomes"/>; null while open.
    /// </summary>
    public string? Outcome { get; set; }

    /// <summary>Summed <c>human.effort</c> seconds.</summary>
    public double EffortSeconds { get; set; }

    /// <summary>Summed <c>ai.usage</c> <c>durationMs</c>.</summary>
    public double AiDurationMs { get; set; }

    /// <summary><c>case.escalated</c> events.</summary>
    public long Escalations { get; set; }

    /// <summary><c>case.error</c> events of any source.</summary>
    public long Errors { get; set; }

    /// <summary><c>quality.review</c> events.</summary>
    public long Reviews { get; set; }

    /// <summary>Reviews with <c>correct: false</c>.</summary>
    public long ReviewsIncorrect { get; set; }

    /// <summary>Reviews with <c>consistent</c> set.</summary>
    public long ReviewsConsistencySet { get; set; }

    /// <summary>Reviews with <c>consistent: true</c>.</summary>
    public long ReviewsConsistent { get; set; }

    /// <summary><c>integration.failure</c> events.</summary>
    public long IntegrationFailures { get; set; }

    /// <summary>Citizen surveys with a CSAT.</summary>
    public long CsatCount { get; set; }

    /// <summary>Sum of their CSAT values.</summary>
    public long CsatSum { get; set; }

    /// <summary>Citizen surveys with an NPS answer.</summary>
    public long NpsCount { get; set; }

    /// <summary>NPS answers 9–10.</summary>
    public long NpsPromoters { get; set; }

    /// <summary>NPS answers 0–6.</summary>
    public long NpsDetractors { get; set; }

    /// <summary>Effort seconds by role (for staff cost).</summary>
    public List<RoleEffort> EffortByRole { get; } = [];

    /// <summary>AI usage by model (for AI cost and energy).</summary>
    public List<ModelUsage> AiUsage { get; } = [];

    /// <summary>Resets every field so the instance can hold the next row.</summary>
    public void Clear()
    {
        CaseId = CaseType = Arm = "";
        AssignedArm = AssignmentUnit = AssignmentUnitId = null;
        StartedMs = 0;
        CompletedMs = null;
        Outcome = null;
        EffortSeconds = AiDurationMs = 0;
        Escalations = Errors = Reviews = ReviewsIncorrect = ReviewsConsistencySet = ReviewsConsistent = 0;
        IntegrationFailures = CsatCount = CsatSum = NpsCount = NpsPromoters = NpsDetractors = 0;
        EffortByRole.Clear();
        AiUsage.Clear();
    }
}
