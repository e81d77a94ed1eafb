namespace EvalFramework.Collector.Storage;

/// <summary>
/// How a transaction's <see cref="CaseDelta"/> meets the stored case row. Events may arrive in any order, so the row
/// must not depend on it: the earliest start and the latest completion win, exact ties broken by value.
/// </summary>
internal enum CaseColumnMerge
{
    /// <summary>Taken with the winning <c>case.started</c> (the earliest; a tie goes to the larger type|arm|channel, then to the larger assigned arm|unit|unit id, none the smallest).</summary>
    Start,

    /// <summary>Taken with the winning <c>case.completed</c> (the latest; a tie goes to the larger outcome).</summary>
    Completion,

    /// <summary>Added to the stored value.</summary>
    Sum,
}
