namespace EvalFramework.Evaluation.Snapshots;

/// <summary>How a snapshot's primary and guardrail verdicts were reached (its <c>inference</c>).</summary>
public static class Inference
{
    /// <summary>
    /// A look before the pilot's planned end: always-valid confidence sequences and p-values, so the verdicts may be read
    /// every day ("safe to check every day") without raising the chance of a false finding.
    /// </summary>
    public const string Sequential = "sequential";

    /// <summary>The one analysis at (or after) the planned end, or a pilot without a planned end: fixed-horizon tests ("final result").</summary>
    public const string Fixed = "fixed";
}
