using System.Globalization;
using EvalFramework.Evaluation.Snapshots;
using MathNet.Numerics.Distributions;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// Baseline figures from a stored snapshot: the baseline arm's value of the metric, its standard deviation (means:
/// from the arm's Student t interval, SE·√n with SE = half-width / t(n − 1)), and the observations and cases a week
/// over the snapshot's period; under a clustered design also the snapshot's ICC estimate of the metric and its units.
/// </summary>
internal static class PlanHistory
{
    /// <summary>The figures, or why they cannot be read (naming the case type, metric or arm).</summary>
    public static (PlanInputs? Inputs, string? Problem) Read(SnapshotDocument snapshot, string caseType, string metric, bool isMean, string baselineArm, string source)
    {
        var result = snapshot.CaseTypes.FirstOrDefault(c => c.CaseType == caseType);
        if (result is null)
        {
            return (null, "the snapshot has no case type '" + caseType + "'");
        }

        var baseline = result.Arms.FirstOrDefault(a => a.Arm == baselineArm);
        if (baseline is null || !baseline.Metrics.Any(m => m.Key == metric) || baseline[metric].Value is not { } value)
        {
            return (null, "the snapshot has no value of " + metric + " for arm '" + baselineArm + "' of case type '" + caseType + "'");
        }

        var weeks = (snapshot.To - snapshot.From).TotalDays / 7;
        var observations = result.Arms.Where(a => a.Metrics.Any(m => m.Key == metric)).Sum(a => a[metric].N);
        var cases = result.Arms.Where(a => a.Metrics.Any(m => m.Key == MetricKeys.CasesCompleted)).Sum(a => a[MetricKeys.CasesCompleted].N);
        if (weeks <= 0 || observations == 0)
        {
            return (null, "the snapshot has no observations of " + metric + " for case type '" + caseType + "'");
        }

        var figure = baseline[metric];
        double? sd = null;
        if (isMean && figure is { CiLow: { } low, CiHigh: { } high, N: > 1 })
        {
            var t = StudentT.InvCDF(0, 1, figure.N - 1, 1 - ((1 - snapshot.Settings.ConfidenceLevel) / 2));
            sd = (high - low) / (2 * t) * Math.Sqrt(figure.N);
        }

        var from = string.Create(CultureInfo.InvariantCulture, $"{source} ({snapshot.From:yyyy-MM-dd} to {snapshot.To:yyyy-MM-dd}, {weeks:0.#} weeks)");
        var design = snapshot.Design;
        var icc = design?.Icc.FirstOrDefault(i => i.CaseType == caseType && i.Metric == metric)?.Value;
        if (icc is { } estimated)
        {
            from += string.Create(CultureInfo.InvariantCulture, $", its ICC estimate {estimated:G3} by {design!.Unit}");
        }

        return (new PlanInputs(value, sd, observations / weeks, Math.Max(cases, observations) / weeks, from)
        {
            Icc = icc,
            Units = design is { Analysis: not "case_level" } ? (design.Unit, (int)design.UnitsPerArm.Sum(u => u.Value)) : null,
        }, null);
    }
}
