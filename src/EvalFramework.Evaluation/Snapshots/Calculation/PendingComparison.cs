using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>A comparison before its role's verdict rule is applied (see <see cref="PlannedComparisons"/>).</summary>
/// <param name="Metric">The metric key.</param>
/// <param name="Baseline">The baseline arm.</param>
/// <param name="Treatment">The treatment arm.</param>
/// <param name="Method">The statistical method.</param>
/// <param name="BaselineN">Units in the baseline arm.</param>
/// <param name="TreatmentN">Units in the treatment arm.</param>
/// <param name="BaselineValue">The baseline arm's value.</param>
/// <param name="TestAt">The test at a confidence level (a guardrail's one-sided bound needs a second level).</param>
/// <param name="Level">The snapshot's confidence level: <see cref="Test"/> is at it.</param>
internal sealed partial record PendingComparison(
    string Metric, string Baseline, string Treatment, string Method, long BaselineN, long TreatmentN, double? BaselineValue,
    Func<double, TestResult> TestAt, double Level)
{
    /// <summary>A difference of two means: Welch's test on the arms' moments (the baseline value is the baseline's mean).</summary>
    public static PendingComparison Welch(string metric, string baseline, string treatment, Moments mb, Moments mt, double level) =>
        new(metric, baseline, treatment, "welch_t", mb.Count, mt.Count, mb.Count > 0 ? mb.Mean : null, l => WelchTest.Compare(mb, mt, l), level);

    /// <summary>The unit of analysis when it is not the metric's own (<see cref="MetricKeys.UnitOf"/>): the assigned unit of a clustered design.</summary>
    public string? Unit { get; init; }

    /// <summary>
    /// The fewest units per arm for a verdict when they are not the snapshot's minimum sample: a clustered design's
    /// <c>minUnitsPerArm</c> (its comparisons count units).
    /// </summary>
    public int? UnitMinimum { get; init; }

    /// <summary>
    /// A difference of two shares (xt/nt − xb/nb): Newcombe's hybrid score interval and the pooled z test (fixed), the
    /// unpooled Wald standard error for the sequence; the baseline value is the baseline's share.
    /// </summary>
    public static PendingComparison Share(string metric, string baseline, string treatment, long xb, long nb, long xt, long nt, double level) =>
        new(metric, baseline, treatment, "newcombe_hybrid_score", nb, nt, nb > 0 ? (double)xb / nb : null,
            l => Proportions.Compare(xb, nb, xt, nt, l), level)
        {
            FewestOutcomes = Math.Min(Math.Min(xb, nb - xb), Math.Min(xt, nt - xt)),
        };

    /// <summary>The test at the snapshot's level: the interval and p-value shown.</summary>
    public TestResult Test { get; } = TestAt(Level);

    /// <summary>Whether both arms have at least the minimum sample (and a p-value exists).</summary>
    public bool Sufficient(int minimum) =>
        BaselineN >= (UnitMinimum ?? minimum) && TreatmentN >= (UnitMinimum ?? minimum) && Test.PValue is not null;

    /// <summary>The comparison with its role and verdict.</summary>
    /// <param name="role">One of <see cref="ComparisonRoles"/>.</param>
    /// <param name="adjustedPValue">The Holm-adjusted p-value (primary comparisons only).</param>
    /// <param name="minimum">The fewest units per arm for a verdict.</param>
    /// <param name="alpha">The plan's significance level.</param>
    /// <param name="margin">A guardrail's non-inferiority margin.</param>
    /// <param name="sequential">
    /// The pilot's always-valid analysis when the snapshot is a look before its planned end: primary and guardrail
    /// comparisons then get confidence sequences (see <see cref="FinishSequential"/>); null for a fixed-horizon snapshot.
    /// </param>
    public ComparisonResult Finish(string role, double? adjustedPValue, int minimum, double alpha, double? margin,
        SequentialSettings? sequential = null)
    {
        if (sequential is not null && role is ComparisonRoles.Primary or ComparisonRoles.Guardrail)
        {
            return FinishSequential(role, adjustedPValue, minimum, margin, sequential);
        }

        var difference = double.IsNaN(Test.Difference) ? (double?)null : Test.Difference;
        var relativeScale = MetricKeys.HasRelativeChange(Metric) && BaselineValue is > 0;
        var relative = relativeScale && difference is { } d ? d / BaselineValue!.Value : (double?)null;
        var mde = Test.DegreesOfFreedom is { } df
            ? ClusterRobustTest.MinimumDetectableEffect(Test.StandardError, Level, df)
            : Power.MinimumDetectableEffect(Test.StandardError, Level);
        var mdeRelative = relativeScale && mde is { } e ? e / BaselineValue!.Value : (double?)null;
        var sufficient = Sufficient(minimum);
        var oneSided = role == ComparisonRoles.Guardrail && margin is not null && sufficient ? TestAt(1 - (2 * alpha)).Interval : null;
        var bound = oneSided is { } b ? MetricKeys.HigherIsBetter(Metric) ? b.Low : b.High : (double?)null;
        return new ComparisonResult(Metric, Baseline, Treatment, Method, BaselineN, TreatmentN, difference, Test.Interval?.Low,
            Test.Interval?.High, relative, Test.PValue, role == ComparisonRoles.Primary && sufficient ? adjustedPValue : null,
            Verdict(role, adjustedPValue, Test.PValue, sufficient && Test.Interval is not null, alpha, margin, oneSided), margin, mde, mdeRelative)
        {
            Role = role,
            Inference = Inference.Fixed,
            Unit = Unit ?? MetricKeys.UnitOf(Metric),
            SameTestAs = MetricKeys.TestedAs(Metric) is var tested && tested != Metric ? tested : null,
            NonInferiorityBound = bound,
            StandardError = double.IsFinite(Test.StandardError) ? Test.StandardError : null,
            DegreesOfFreedom = Test.DegreesOfFreedom,
        };
    }

    /// <summary>The verdict by the role's rule from the p-values and the guardrail's one-sided interval (fixed or sequential).</summary>
    private string Verdict(string role, double? adjustedPValue, double? ownPValue, bool sufficient, double alpha, double? margin, Interval? oneSided)
    {
        if (!sufficient)
        {
            return Verdicts.InsufficientData;
        }

        var higherIsBetter = MetricKeys.HigherIsBetter(Metric);
        if (role == ComparisonRoles.Guardrail && margin is { } m && oneSided is { } ci)
        {
            // One-sided at alpha: the (1 − 2·alpha) interval's end on the bad side against the worst acceptable
            // difference, −m when higher is better, +m when lower is better.
            var (good, bad) = higherIsBetter ? (ci.Low > -m, ci.High < -m) : (ci.High < m, ci.Low > m);
            return good ? Verdicts.NonInferior : bad ? Verdicts.Inferior : Verdicts.Inconclusive;
        }

        var p = role == ComparisonRoles.Primary ? adjustedPValue : ownPValue;
        if (p is not { } value || value >= alpha)
        {
            return Verdicts.NoSignificantDifference;
        }

        return (Test.Difference > 0) == higherIsBetter ? Verdicts.Improved : Verdicts.Worsened;
    }
}
