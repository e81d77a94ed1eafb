namespace EvalFramework.Evaluation.Snapshots;

/// <summary>One metric of a treatment arm against the baseline arm (difference = treatment − baseline).</summary>
/// <param name="Metric">The metric key.</param>
/// <param name="Baseline">The baseline arm.</param>
/// <param name="Treatment">The treatment arm.</param>
/// <param name="Method">The statistical method.</param>
/// <param name="BaselineN">Cases in the baseline arm.</param>
/// <param name="TreatmentN">Cases in the treatment arm.</param>
/// <param name="Difference">Treatment − baseline, or null.</param>
/// <param name="CiLow">The difference's interval, lower end.</param>
/// <param name="CiHigh">The difference's interval, upper end.</param>
/// <param name="RelativeChange">The difference relative to the baseline.</param>
/// <param name="PValue">The p-value.</param>
/// <param name="AdjustedPValue">The Holm-adjusted p-value over the primary family (null for other roles).</param>
/// <param name="Verdict">One of <see cref="Verdicts"/>.</param>
/// <param name="NonInferiorityMargin">A guardrail's margin, or null.</param>
/// <param name="MinimumDetectableEffect">The smallest difference the sample could detect.</param>
/// <param name="MinimumDetectableRelativeChange">The same, relative to the baseline.</param>
public sealed record ComparisonResult(
    string Metric,
    string Baseline,
    string Treatment,
    string Method,
    long BaselineN,
    long TreatmentN,
    double? Difference,
    double? CiLow,
    double? CiHigh,
    double? RelativeChange,
    double? PValue,
    double? AdjustedPValue,
    string Verdict,
    double? NonInferiorityMargin,
    double? MinimumDetectableEffect,
    double? MinimumDetectableRelativeChange)
{
    /// <summary>
    /// One of <see cref="ComparisonRoles"/>: primary (Holm over the primary family), guardrail (one-sided
    /// non-inferiority) or secondary (unadjusted, exploratory). Null in snapshots made before analysis plans.
    /// </summary>
    public string? Role { get; init; }

    /// <summary>The unit of analysis (<see cref="MetricKeys.UnitOf"/>): what one observation is. Null in older snapshots.</summary>
    public string? Unit { get; init; }

    /// <summary>The metric whose test this one shares (it is that metric times a constant), or null.</summary>
    public string? SameTestAs { get; init; }

    /// <summary>
    /// A guardrail's one-sided bound on the difference at the plan's alpha (the (1 − 2·alpha) interval's end on the bad
    /// side), compared with the margin for the verdict; null for other roles or without enough data.
    /// </summary>
    public double? NonInferiorityBound { get; init; }

    /// <summary>
    /// The same comparison by the arm each case was handled in, in a case type where some case did not comply with its
    /// assignment (<see cref="AsTreatedResult"/>); null elsewhere and in older snapshots.
    /// </summary>
    public AsTreatedResult? AsTreated { get; init; }

    /// <summary>
    /// How this comparison's interval, p-values and verdict were reached (<see cref="Snapshots.Inference"/>): sequential
    /// (an always-valid confidence sequence, safe to check every day) or fixed; null in snapshots made before it was recorded.
    /// </summary>
    public string? Inference { get; init; }

    /// <summary>
    /// The standard error of the difference the interval and p-value were made from (for a sequential comparison, the
    /// one its confidence sequence scales); null where it is not finite and in snapshots made before methodology 3.
    /// </summary>
    public double? StandardError { get; init; }

    /// <summary>The t degrees of freedom of a cluster-robust comparison (Bell–McCaffrey); null for other methods.</summary>
    public double? DegreesOfFreedom { get; init; }
}
