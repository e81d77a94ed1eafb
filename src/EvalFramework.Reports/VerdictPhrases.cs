using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>
/// Puts a comparison in plain words: "AI-assisted handling was 21 % faster (95 % interval 15–27 %)". Durations, costs
/// and energy are said relative to the baseline; shares in percentage points; scores in points. The interval is said
/// in the estimate's direction when it lies on one side of zero, else from its low end to its high end. A guardrail's
/// sentence names its one-sided bound and the margin; a primary one that is not clear after Holm says over how many.
/// </summary>
/// <param name="format">The language's formats.</param>
/// <param name="level">The confidence level.</param>
/// <param name="minimumPerArm">The fewest units per arm for a verdict.</param>
/// <param name="primaryCount">The size of the primary (Holm) family.</param>
/// <param name="design">The snapshot's design (its unit and fewest units per arm); null in snapshots made before designs.</param>
/// <param name="sequenceLevel">
/// The level of the confidence sequences of a sequential snapshot (1 − its sequential alpha): a sequential comparison's
/// interval is said as a confidence sequence at it; null for other snapshots.
/// </param>
internal sealed class VerdictPhrases(ReportFormat format, double level, int minimumPerArm, int primaryCount, DesignSummary? design = null,
    double? sequenceLevel = null)
{
    private ReportText Text => format.Text;

    /// <summary>The whole sentence for a comparison, its verdict included.</summary>
    /// <param name="c">The comparison.</param>
    /// <param name="baselineValue">The baseline arm's value of the metric (for relative differences).</param>
    public string Sentence(ComparisonResult c, double? baselineValue)
    {
        if (c.Verdict == Verdicts.InsufficientData || c.Difference is not { } difference)
        {
            return TooFew(c);
        }

        var effect = Effect(c, difference, baselineValue) + ".";
        var unit = ReportMetrics.Unit(c.Metric);
        var margin = c.NonInferiorityMargin is { } m ? format.Magnitude(unit, m, m) : "";
        var sentence = c.Verdict switch
        {
            Verdicts.NoSignificantDifference => string.Join(" ", effect, NotClear(c), Detectable(c, baselineValue)).TrimEnd(),
            Verdicts.NonInferior => Text.Format(Text.NonInferior, margin, Text.ArmName(c.Baseline)) + " " + effect,
            Verdicts.Inferior => Text.Format(Text.Inferior, margin) + " " + effect,
            Verdicts.Inconclusive => Text.Format(Text.Inconclusive, margin) + " " + effect,
            _ => effect,
        };
        return string.Join(" ", sentence, Bound(c), SameTest(c)).TrimEnd();
    }

    /// <summary>Why a difference whose interval excludes zero is not clear: the Holm adjustment (of the primary family, or of all in an older snapshot).</summary>
    private string NotClear(ComparisonResult c) => !(c.CiLow > 0 || c.CiHigh < 0)
        ? Text.NotClear
        : c.Role switch
        {
            null => Text.NotClearAdjusted,
            ComparisonRoles.Primary => Text.Format(Text.Plan.NotClearAfterHolm, format.Count(primaryCount)),
            _ => Text.NotClear,
        };

    /// <summary>A guardrail's one-sided bound against the margin on the bad side, both signed as differences.</summary>
    private string Bound(ComparisonResult c)
    {
        if (c.Role != ComparisonRoles.Guardrail || c.NonInferiorityBound is not { } bound || c.NonInferiorityMargin is not { } margin)
        {
            return "";
        }

        var unit = ReportMetrics.Unit(c.Metric);
        var badSide = ReportMetrics.HigherIsBetter(c.Metric) ? -Math.Abs(margin) : Math.Abs(margin);
        return Text.Format(Text.Plan.GuardrailBound, format.Difference(unit, bound, null, null), format.Difference(unit, badSide, null, null));
    }

    /// <summary>For a metric that is another times a constant: which test it shares.</summary>
    private string SameTest(ComparisonResult c) =>
        c.SameTestAs is { } other ? Text.Format(Text.Plan.SameTest, Text.Metric(other).Name) : "";

    /// <summary>
    /// Why a comparison has no verdict, in words: "Too few cases to tell (manual handling 12, AI-assisted handling 8; at
    /// least 30 per arm are needed)", too few persons, too few teams (a design by unit), a median not compared under a
    /// design by unit, no spread between the units, or too early during daily looks.
    /// </summary>
    public string TooFew(ComparisonResult c)
    {
        var counts = Text.ArmName(c.Baseline) + " " + format.Count(c.BaselineN) + ", " + Text.ArmName(c.Treatment) + " " + format.Count(c.TreatmentN);
        var units = design is { } d ? Text.Design.UnitsOf(d.Unit) : "";
        return ReasonOf(c) switch
        {
            NoVerdictReason.NotComparedByUnit => Text.Format(Text.Design.NotComparedByUnit, units),
            NoVerdictReason.NoSpread => Text.Format(Text.Design.NoSpread, units),
            NoVerdictReason.TooFewUnits => Text.Format(Text.Design.TooFewUnitsToTell, counts, format.Count(design!.MinUnitsPerArm), units),
            NoVerdictReason.TooEarly => Text.Format(Text.Design.TooEarly, counts, format.Count(SequentialSettings.MinimumEvents)),
            NoVerdictReason.TooFewPersons => Text.Format(Text.TooFewPersons, counts, format.Count(minimumPerArm)),
            _ => Text.Format(Text.TooFewCases, counts, format.Count(minimumPerArm)),
        };
    }

    /// <summary>Why a comparison without a verdict has none (see <see cref="TooFew"/>).</summary>
    public NoVerdictReason ReasonOf(ComparisonResult c)
    {
        if (c.Method == ComparisonMethods.NotTestedClustered)
        {
            return NoVerdictReason.NotComparedByUnit;
        }

        if (design is { Unit: not "case" } d && c.Unit == d.Unit)
        {
            return c.BaselineN >= d.MinUnitsPerArm && c.TreatmentN >= d.MinUnitsPerArm ? NoVerdictReason.NoSpread : NoVerdictReason.TooFewUnits;
        }

        var enough = c.BaselineN >= minimumPerArm && c.TreatmentN >= minimumPerArm;
        return enough && c.Inference == Inference.Sequential ? NoVerdictReason.TooEarly
            : c.Unit == "person" ? NoVerdictReason.TooFewPersons
            : NoVerdictReason.TooFewCases;
    }

    /// <summary>
    /// The difference as a share of the baseline, in the good direction (positive: better), or null without a scale (a
    /// zero baseline, or a metric in points only: NPS).
    /// </summary>
    public static (double Estimate, double? Low, double? High)? OrientedRelative(ComparisonResult c, double? baselineValue)
    {
        if (c.Difference is not { } d || baselineValue is not { } b || b == 0 || !MetricKeys.HasRelativeChange(c.Metric))
        {
            return null;
        }

        var sign = ReportMetrics.HigherIsBetter(c.Metric) ? 1 : -1;
        var scale = sign / Math.Abs(b);
        double? low = c.CiLow is { } l && c.CiHigh is { } h ? Math.Min(l * scale, h * scale) : null;
        double? high = c.CiLow is { } l2 && c.CiHigh is { } h2 ? Math.Max(l2 * scale, h2 * scale) : null;
        return (d * scale, low, high);
    }

    private string Effect(ComparisonResult c, double difference, double? baselineValue)
    {
        var words = Text.Metric(c.Metric);
        var arm = Text.ArmNameCapitalised(c.Treatment);
        var unit = ReportMetrics.Unit(c.Metric);
        var relative = ReportMetrics.RelativeDifference(c.Metric) && baselineValue is { } b && b != 0;
        var divisor = relative ? Math.Abs(baselineValue!.Value) : 1;
        var (number, suffix) = relative
            ? (v => format.Number(v * 100, Math.Abs(v * 100) >= 10 ? 0 : 1), ReportFormat.UnitSpace + "%")
            : format.DifferenceParts(unit, Math.Max(Math.Abs(difference), Math.Max(Math.Abs(c.CiLow ?? 0), Math.Abs(c.CiHigh ?? 0))));
        var d = difference / divisor;
        var magnitude = number(Math.Abs(d)) + suffix;
        var zero = !magnitude.Any(ch => ch is >= '1' and <= '9');
        var main = zero || words.Lower.Length == 0
            ? Text.Format(Text.NoChange, arm)
            : Text.Format(d < 0 ? words.Lower : words.Higher, arm, magnitude);
        if (c.CiLow is not { } low || c.CiHigh is not { } high)
        {
            return main;
        }

        var (lo, hi) = (low / divisor, high / divisor);
        string interval;
        if (!zero && d < 0 && hi <= 0)
        {
            interval = format.Range(-hi, -lo, number) + suffix;
        }
        else if (!zero && d > 0 && lo >= 0)
        {
            interval = format.Range(lo, hi, number) + suffix;
        }
        else
        {
            string End(double v) => v == 0 ? number(0) + suffix
                : number(Math.Abs(v)) + suffix + " " + (v < 0 ? words.LowerWord : words.HigherWord);
            interval = Text.Format(Text.IntervalFromTo, End(lo), End(hi));
        }

        return main + " (" + (c.Inference == Inference.Sequential && sequenceLevel is { } sequence
            ? Text.Format(Text.Inference.SequenceInterval, format.Level(sequence), interval)
            : Text.Format(Text.Interval, format.Level(level), interval)) + ")";
    }

    private string Detectable(ComparisonResult c, double? baselineValue)
    {
        var unit = ReportMetrics.Unit(c.Metric);
        if (ReportMetrics.RelativeDifference(c.Metric) && baselineValue is { } b && b != 0 && c.MinimumDetectableRelativeChange is { } relative)
        {
            return Text.Format(Text.DetectableChange, format.Percent(relative));
        }

        return c.MinimumDetectableEffect is { } mde ? Text.Format(Text.DetectableChange, format.Magnitude(unit, mde, mde)) : "";
    }
}
