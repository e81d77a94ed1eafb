namespace EvalFramework.Evaluation.Simulation;

/// <summary><c>survey.citizen</c>: the citizen answered the survey after the case (<c>TrackedCase.RecordCitizenSurvey</c>).</summary>
/// <param name="Time">When the answer comes.</param>
/// <param name="Case">The case.</param>
/// <param name="Csat">Satisfaction, 1–5.</param>
/// <param name="Nps">Likelihood to recommend, 0–10, when the citizen answered that question.</param>
public sealed record SimulatedCitizenSurvey(DateTimeOffset Time, SimulatedCase Case, int Csat, int? Nps) : SimulatedCaseEvent(Time, Case);
