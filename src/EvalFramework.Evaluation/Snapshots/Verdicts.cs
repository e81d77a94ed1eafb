namespace EvalFramework.Evaluation.Snapshots;

/// <summary>The verdicts of a comparison (docs/methods.md, "Reading a verdict").</summary>
public static class Verdicts
{
    /// <summary>Significantly better in the metric's good direction (Holm-adjusted p below 1 − level).</summary>
    public const string Improved = "improved";

    /// <summary>Significantly worse in the metric's good direction.</summary>
    public const string Worsened = "worsened";

    /// <summary>No significant difference.</summary>
    public const string NoSignificantDifference = "no_significant_difference";

    /// <summary>An arm has fewer than the minimum sample for the metric.</summary>
    public const string InsufficientData = "insufficient_data";

    /// <summary>Guardrail: the whole interval is on the acceptable side of the margin.</summary>
    public const string NonInferior = "non_inferior";

    /// <summary>Guardrail: the whole interval is beyond the margin.</summary>
    public const string Inferior = "inferior";

    /// <summary>Guardrail: the interval contains the margin.</summary>
    public const string Inconclusive = "inconclusive";
}
