using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>A comparison before the Holm adjustment across the snapshot.</summary>
internal sealed record PendingComparison(
    string Metric, string Baseline, string Treatment, string Method, long BaselineN, long TreatmentN, double? BaselineValue, TestResult Test)
{
    /// <summary>Whether both arms have at least the minimum sample (and a p-value exists).</summary>
    public bool Sufficient(int minimum) => BaselineN >= minimum && TreatmentN >= minimum && Test.PValue is not null;

    /// <summary>The comparison with its verdict.</summary>
    public ComparisonResult Finish(double? adjustedPValue, int minimum, double level, NonInferiorityMargins? margins)
    {
        var difference = double.IsNaN(Test.Difference) ? (double?)null : Test.Difference;
        var relative = difference is { } d && BaselineValue is { } b && b != 0 ? d / b : (double?)null;
        var mde = Power.MinimumDetectableEffect(Test.StandardError, level);
        var mdeRelative = mde is { } e && BaselineValue is { } bv && bv != 0 ? e / Math.Abs(bv) : (double?)null;
        var margin = Metric switch
        {
            MetricKeys.ErrorRate => margins?.ErrorRate,
            MetricKeys.CsatMean => margins?.CsatMean,
            _ => null,
        };
        return new ComparisonResult(Metric, Baseline, Treatment, Method, BaselineN, TreatmentN, difference, Test.Interval?.Low,
            Test.Interval?.High, relative, Test.PValue, Sufficient(minimum) ? adjustedPValue : null,
            Verdict(adjustedPValue, minimum, level, margin), margin, mde, mdeRelative);
    }

    private string Verdict(double? adjustedPValue, int minimum, double level, double? margin)
    {
        if (!Sufficient(minimum) || Test.Interval is not { } ci)
        {
            return Verdicts.InsufficientData;
        }

        var higherIsBetter = MetricKeys.HigherIsBetter(Metric);
        if (margin is { } m)
        {
            // The worst acceptable difference is −m when higher is better, +m when lower is better.
            var (good, bad) = higherIsBetter ? (ci.Low > -m, ci.High < -m) : (ci.High < m, ci.Low > m);
            return good ? Verdicts.NonInferior : bad ? Verdicts.Inferior : Verdicts.Inconclusive;
        }

        if (adjustedPValue is not { } p || p >= 1 - level)
        {
            return Verdicts.NoSignificantDifference;
        }

        return (Test.Difference > 0) == higherIsBetter ? Verdicts.Improved : Verdicts.Worsened;
    }
}
