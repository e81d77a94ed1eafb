namespace EvalFramework.Evaluation.Simulation;

/// <summary><c>survey.staff</c>: one answer to a team's weekly staff survey (<c>CaseTracker.RecordStaffSurvey</c>).</summary>
/// <param name="Time">When it is answered.</param>
/// <param name="Team">The team slug.</param>
/// <param name="Arm">The arm the team works in.</param>
/// <param name="Respondent">
/// The staff member's own reference (<c>team/arm/number</c>), the same in every week; the SDK sends only its pseudonym.
/// </param>
/// <param name="Wellbeing">Well-being, 1–5.</param>
/// <param name="Workload">Workload, 1–5.</param>
/// <param name="Stress">Stress, 1–5.</param>
public sealed record SimulatedStaffSurvey(DateTimeOffset Time, string Team, string Arm, string Respondent, int Wellbeing, int Workload, int Stress)
    : SimulatedEvent(Time);
