namespace EvalFramework.Evaluation.Simulation;

/// <summary><c>quality.review</c>: the case was drawn into the quality-review sample (<c>TrackedCase.RecordReview</c>).</summary>
/// <param name="Time">When it is reviewed.</param>
/// <param name="Case">The case.</param>
/// <param name="Correct">Whether the answer was correct.</param>
/// <param name="Consistent">Whether it agreed with the guidelines and earlier answers.</param>
/// <param name="Score">The reviewer's score, 1–5.</param>
public sealed record SimulatedReview(DateTimeOffset Time, SimulatedCase Case, bool Correct, bool Consistent, int Score) : SimulatedCaseEvent(Time, Case);
