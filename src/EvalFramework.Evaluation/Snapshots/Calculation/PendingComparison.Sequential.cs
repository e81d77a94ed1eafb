using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>The always-valid (sequential) analysis of a comparison, for the looks before a pilot's planned end.</summary>
internal sealed partial record PendingComparison
{
    /// <summary>For a share: the fewest events or non-events in either arm; null for other methods.</summary>
    public long? FewestOutcomes { get; init; }

    /// <summary>t of the confidence sequence: the observations of both arms (units under a clustered design).</summary>
    public long Observations => BaselineN + TreatmentN;

    /// <summary>
    /// Whether the sequence may give a verdict (burn-in): the minimum sample per arm, a positive finite standard error and,
    /// for a share, <see cref="SequentialSettings.MinimumEvents"/> events and non-events in each arm.
    /// </summary>
    public bool SequentialReady(int minimum) => Sufficient(minimum) && !double.IsNaN(Test.Difference)
        && Test.StandardError > 0 && double.IsFinite(Test.StandardError) && FewestOutcomes is null or >= SequentialSettings.MinimumEvents;

    /// <summary>The always-valid two-sided p-value of no difference, or 1 before the burn-in (its place in the Holm family).</summary>
    public double AlwaysValidPValue(SequentialSettings s, int minimum) => SequentialReady(minimum)
        ? ConfidenceSequence.PValue(Test.Difference, Test.StandardError, Observations, s.Rho2)
        : 1;

    /// <summary>
    /// The comparison as a look before the planned end: the interval is the two-sided (1 − α) confidence sequence of the
    /// method's estimate and standard error, the p-value its always-valid dual, a primary verdict Holm over the always-valid
    /// p-values at α, a guardrail's verdict the one-sided always-valid bounds at α against the margin (α = the sequential
    /// share of the plan's alpha).
    /// </summary>
    private ComparisonResult FinishSequential(string role, double? adjustedPValue, int minimum, double? margin, SequentialSettings s)
    {
        var ready = SequentialReady(minimum);
        var d = Test.Difference;
        var se = Test.StandardError;
        var difference = double.IsNaN(d) ? (double?)null : d;
        var half = ready ? ConfidenceSequence.HalfWidth(se, Observations, s.Rho2, s.Alpha) : double.NaN;
        Interval? sequence = ready ? new Interval(d - half, d + half) : null;
        double? p = ready ? ConfidenceSequence.PValue(d, se, Observations, s.Rho2) : null;
        var oneSidedHalf = ready ? ConfidenceSequence.OneSidedHalfWidth(se, Observations, s.Rho2OneSided, s.Alpha) : double.NaN;
        Interval? oneSided = role == ComparisonRoles.Guardrail && margin is not null && ready
            ? new Interval(d - oneSidedHalf, d + oneSidedHalf)
            : null;
        var bound = oneSided is { } b ? MetricKeys.HigherIsBetter(Metric) ? b.Low : b.High : (double?)null;
        var relativeScale = MetricKeys.HasRelativeChange(Metric) && BaselineValue is > 0;
        var relative = relativeScale && difference is { } rd ? rd / BaselineValue!.Value : (double?)null;
        // What this look could detect: the sequence excludes no change, with 80 % power, when the true difference is its
        // half-width plus z(0.8) standard errors (the fixed-horizon formula with the sequence's wider boundary).
        double? mde = ready ? half + (MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, Power.Target) * se) : null;
        var mdeRelative = relativeScale && mde is { } e ? e / BaselineValue!.Value : (double?)null;
        var adjusted = role == ComparisonRoles.Primary && ready ? adjustedPValue : null;
        return new ComparisonResult(Metric, Baseline, Treatment, Method, BaselineN, TreatmentN, difference, sequence?.Low, sequence?.High,
            relative, p, adjusted, Verdict(role, adjusted, p, ready, s.Alpha, margin, oneSided), margin, mde, mdeRelative)
        {
            Role = role,
            Unit = Unit ?? MetricKeys.UnitOf(Metric),
            SameTestAs = MetricKeys.TestedAs(Metric) is var tested && tested != Metric ? tested : null,
            NonInferiorityBound = bound,
            StandardError = double.IsFinite(Test.StandardError) ? Test.StandardError : null,
            DegreesOfFreedom = Test.DegreesOfFreedom,
            Inference = Inference.Sequential,
        };
    }
}
