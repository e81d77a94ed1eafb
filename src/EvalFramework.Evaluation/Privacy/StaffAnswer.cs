namespace EvalFramework.Evaluation.Privacy;

/// <summary>One <c>survey.staff</c> answer as a snapshot reads it.</summary>
/// <param name="TimeMs">The answer's time, Unix ms.</param>
/// <param name="ReceivedMs">When the collector received it, Unix ms.</param>
/// <param name="Team">The team slug.</param>
/// <param name="Arm">The arm slug.</param>
/// <param name="Respondent">The staff member's pseudonym (contract v2), or null when the answer carries none.</param>
/// <param name="Wellbeing">Well-being, 1–5.</param>
internal readonly record struct StaffAnswer(long TimeMs, long ReceivedMs, string Team, string Arm, string? Respondent, int Wellbeing);
