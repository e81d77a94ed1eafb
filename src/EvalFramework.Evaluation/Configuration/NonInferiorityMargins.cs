namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// Non-inferiority margins for the guardrail metrics (absolute, in the metric's own unit). When a margin is set,
/// the comparison's verdict is <c>non_inferior</c> / <c>inferior</c> / <c>inconclusive</c> instead of a
/// superiority verdict. Both are unset by default.
/// </summary>
/// <param name="ErrorRate">Largest acceptable increase of <c>error_rate</c> (a share, e.g. 0.02 = 2 points); YAML key <c>error_rate</c>.</param>
/// <param name="CsatMean">Largest acceptable decrease of <c>csat_mean</c> (points on 1–5); YAML key <c>csat_mean</c>.</param>
public sealed record NonInferiorityMargins(double? ErrorRate, double? CsatMean)
{
    /// <summary>No margins.</summary>
    public static NonInferiorityMargins None { get; } = new(null, null);
}
