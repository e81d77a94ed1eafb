namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// A before/after design's snapshot section (<c>beforeAfter</c>): when the AI started, whether a concurrent control
/// (the baseline arm after the start) made a difference in differences possible, and the cases on each side.
/// </summary>
/// <param name="AiStart">The AI's start (<c>design.aiStart</c>): cases started before it are the baseline period.</param>
/// <param name="ConcurrentControl">
/// Whether cases of the baseline arm started after <paramref name="AiStart"/>: then the comparisons are differences in
/// differences; else each is the after period's arm against the before period.
/// </param>
/// <param name="Causal">
/// Whether the comparisons can be read as the AI's effect: only with a concurrent control (under parallel trends). A
/// plain before/after difference is not causal: season and other changes are not separated.
/// </param>
/// <param name="CasesBefore">Cases started before the start, per group (the arm the case's unit was assigned to, else the arm used).</param>
/// <param name="CasesAfter">Cases started at or after the start, per arm.</param>
public sealed record BeforeAfterSummary(
    DateTimeOffset AiStart,
    bool ConcurrentControl,
    bool Causal,
    IReadOnlyDictionary<string, long> CasesBefore,
    IReadOnlyDictionary<string, long> CasesAfter);
