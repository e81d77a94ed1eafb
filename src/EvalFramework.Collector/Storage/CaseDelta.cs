using EvalFramework.Contract;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Collector.Storage;

/// <summary>
/// What one transaction's new events add to one case row. Events of the same case in a group commit are folded
/// here first, so the row is written once per transaction, not once per event. The start and completion rules are
/// the upserts' (<see cref="CaseColumnMerge"/>): the earliest start and the latest completion win, exact ties broken by
/// value. <see cref="CaseColumns"/> says which property fills which column.
/// </summary>
internal sealed class CaseDelta
{
    public string? CaseType { get; private set; }
    public string? Arm { get; private set; }
    public string? Channel { get; private set; }
    public string? AssignedArm { get; private set; }
    public string? AssignmentUnit { get; private set; }
    public string? AssignmentUnitId { get; private set; }
    public long? StartedMs { get; private set; }
    public long? CompletedMs { get; private set; }
    public string? Outcome { get; private set; }
    public double EffortSeconds { get; private set; }
    public long EffortEvents { get; private set; }
    public long AiCalls { get; private set; }
    public long AiInputTokens { get; private set; }
    public long AiOutputTokens { get; private set; }
    public double AiDurationMs { get; private set; }
    public long Escalations { get; private set; }
    public long ErrorsQualityReview { get; private set; }
    public long ErrorsReopened { get; private set; }
    public long ErrorsComplaint { get; private set; }
    public long ErrorsSelfReported { get; private set; }
    public long ErrorsCritical { get; private set; }
    public long Reviews { get; private set; }
    public long ReviewsIncorrect { get; private set; }
    public long ReviewsConsistencySet { get; private set; }
    public long ReviewsConsistent { get; private set; }
    public long ReviewScores { get; private set; }
    public long ReviewScoreSum { get; private set; }
    public long IntegrationFailures { get; private set; }
    public long CsatCount { get; private set; }
    public long CsatSum { get; private set; }
    public long NpsCount { get; private set; }
    public long NpsPromoters { get; private set; }
    public long NpsDetractors { get; private set; }

    /// <summary>The transaction's effort seconds by role, in arrival order.</summary>
    public List<RoleEffort> EffortByRole { get; } = [];

    /// <summary>The transaction's AI usage by model (the same deltas the <c>case_ai_usage</c> upsert adds).</summary>
    public List<(string Model, AiUsageDelta Usage)> Models { get; } = [];

    public void Apply(WireEvent e)
    {
        switch (e.Type)
        {
            case EventTypes.CaseStarted:
                var started = e.Time!.Value.ToUnixTimeMilliseconds();
                var a = e.Assignment;
                if (StartedMs is null || started < StartedMs || (started == StartedMs && LaterStartWins(e, a)))
                {
                    (StartedMs, CaseType, Arm, Channel) = (started, e.CaseType, e.Arm, e.Channel);
                    (AssignedArm, AssignmentUnit, AssignmentUnitId) = (a?.AssignedArm, a?.Unit, a?.UnitId);
                }

                break;
            case EventTypes.CaseCompleted:
                var completed = e.Time!.Value.ToUnixTimeMilliseconds();
                if (CompletedMs is null || completed > CompletedMs
                    || (completed == CompletedMs && string.CompareOrdinal(e.Outcome, Outcome) > 0))
                {
                    (CompletedMs, Outcome) = (completed, e.Outcome);
                }

                break;
            case EventTypes.AiUsage:
                AiCalls++;
                AiInputTokens += e.InputTokens!.Value;
                AiOutputTokens += e.OutputTokens!.Value;
                AiDurationMs += e.DurationMs ?? 0;
                break;
            case EventTypes.HumanEffort:
                EffortSeconds += e.Seconds!.Value;
                EffortEvents++;
                CaseRecordMerge.AddEffort(EffortByRole, e.Role ?? "", e.Seconds.Value);
                break;
            case EventTypes.CaseEscalated:
                Escalations++;
                break;
            case EventTypes.CaseError:
                ErrorsQualityReview += Flag(e.Source == ErrorSources.QualityReview);
                ErrorsReopened += Flag(e.Source == ErrorSources.Reopened);
                ErrorsComplaint += Flag(e.Source == ErrorSources.Complaint);
                ErrorsSelfReported += Flag(e.Source == ErrorSources.SelfReported);
                ErrorsCritical += Flag(e.Severity == ErrorSeverities.Critical);
                break;
            case EventTypes.QualityReview:
                Reviews++;
                ReviewsIncorrect += Flag(e.Correct == false);
                ReviewsConsistencySet += Flag(e.Consistent is not null);
                ReviewsConsistent += Flag(e.Consistent == true);
                ReviewScores += Flag(e.Score is not null);
                ReviewScoreSum += e.Score ?? 0;
                break;
            case EventTypes.IntegrationFailure:
                IntegrationFailures++;
                break;
            case EventTypes.SurveyCitizen:
                CsatCount++;
                CsatSum += e.Csat!.Value;
                NpsCount += Flag(e.Nps is not null);
                NpsPromoters += Flag(e.Nps >= 9);
                NpsDetractors += Flag(e.Nps <= 6);
                break;
        }
    }

    /// <summary>
    /// Whether a start at the same time as the held one wins the tie, as the upserts decide (<see cref="CaseColumnMerge.Start"/>):
    /// the larger type|arm|channel, and for the same, the larger assignment (none is the smallest).
    /// </summary>
    private bool LaterStartWins(WireEvent e, WireAssignment? a)
    {
        var order = string.CompareOrdinal(StartKey(e.CaseType, e.Arm, e.Channel), StartKey(CaseType, Arm, Channel));
        return order > 0 || (order == 0
            && string.CompareOrdinal(AssignmentKey(a?.AssignedArm, a?.Unit, a?.UnitId), AssignmentKey(AssignedArm, AssignmentUnit, AssignmentUnitId)) > 0);
    }

    /// <summary>The tie-break key of a start, as the upserts build it (<see cref="CaseColumnMerge.Start"/>).</summary>
    private static string StartKey(string? caseType, string? arm, string? channel) =>
        (caseType ?? "") + "|" + (arm ?? "") + "|" + (channel ?? "");

    /// <summary>The second tie-break key of a start: assigned arm|unit|unit id, empty without an assignment.</summary>
    private static string AssignmentKey(string? assignedArm, string? unit, string? unitId) =>
        assignedArm is null || unit is null || unitId is null ? "" : assignedArm + "|" + unit + "|" + unitId;

    private static long Flag(bool value) => value ? 1 : 0;
}
