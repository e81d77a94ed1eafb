using System.Globalization;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// The snapshot's <c>design</c> section (<see cref="DesignSummary"/>) and what a reader must know about the units of a
/// clustered design: cases without a unit, units in more than one arm, units too few for a verdict.
/// </summary>
internal static class DesignSection
{
    /// <summary>
    /// Per arm of the config (in its order), the units with a case in the period: the distinct unit ids over every case
    /// type under a clustered design, the started cases under a case-level one.
    /// </summary>
    public static List<KeyValuePair<string, long>> UnitsPerArm(PilotConfig? pilot, IEnumerable<GroupAccumulator> groups)
    {
        var clustered = pilot?.Design.IsClustered == true;
        var all = groups.ToList();
        return [.. (pilot?.Arms.Select(a => a.Name) ?? []).Select(arm => new KeyValuePair<string, long>(arm, clustered
            ? all.Where(g => g.Arm == arm).SelectMany(g => g.Units.Keys).Distinct(StringComparer.Ordinal).LongCount()
            : all.Where(g => g.Arm == arm).Sum(g => g.Started)))];
    }

    /// <summary>The design section, adding the design's warnings.</summary>
    /// <param name="design">The pilot's design.</param>
    /// <param name="unitsPerArm">From <see cref="UnitsPerArm"/>.</param>
    /// <param name="groups">The groups by case type and arm.</param>
    /// <param name="costs">Cost and energy per case (for their ICC).</param>
    /// <param name="units">The units of the cases (clustered designs).</param>
    /// <param name="warnings">The snapshot's warnings.</param>
    /// <param name="concurrentControl">Under <c>design.aiStart</c>: whether the baseline arm has cases after the start.</param>
    public static DesignSummary Build(DesignConfig design, List<KeyValuePair<string, long>> unitsPerArm, IReadOnlyCollection<GroupAccumulator> groups,
        CostFigures costs, CaseUnits? units, DataQualityWarnings warnings, bool concurrentControl = false)
    {
        var analysis = DesignAnalysis.Name(design, concurrentControl);
        if (!design.IsClustered)
        {
            return new DesignSummary(design.Unit, analysis, design.MinUnitsPerArm, unitsPerArm, [], 0);
        }

        var withoutUnit = units?.WithoutUnit ?? 0;
        warnings.CasesWithoutUnit(withoutUnit, design.Unit);
        warnings.CasesInDerivedPeriod(units?.InDerivedPeriod ?? 0);
        warnings.UnitsInSeveralArms(UnitsInSeveralArms(groups), design.Unit);
        return new DesignSummary(design.Unit, analysis, design.MinUnitsPerArm, unitsPerArm, [.. IccValues(groups, costs)], withoutUnit);
    }

    /// <summary>Whether a comparison counts the assigned units of a clustered design (pilot-level ones count persons).</summary>
    public static bool IsByUnit(ComparisonResult r, DesignConfig design) => design.IsClustered && r.Unit == design.Unit;

    /// <summary>The <c>metricsBelowMinimum</c> line of a comparison by unit without a verdict: too few units, no spread, or not compared.</summary>
    public static string BelowMinimumLine(string? caseType, ComparisonResult r, DesignConfig design)
    {
        var name = (caseType ?? "pilot") + "/" + r.Metric;
        var counts = string.Create(CultureInfo.InvariantCulture, $"{r.Baseline} {r.BaselineN} {design.Unit}(s), {r.Treatment} {r.TreatmentN} {design.Unit}(s)");
        if (r.Method == ClusteredComparisons.NotTested)
        {
            return $"{name}: not compared when {design.Unit}s are assigned ({counts})";
        }

        return r.BaselineN >= design.MinUnitsPerArm && r.TreatmentN >= design.MinUnitsPerArm
            ? $"{name}: {counts}, no spread between the {design.Unit}s of an arm: no interval"
            : string.Create(CultureInfo.InvariantCulture, $"{name}: {counts} (minimum {design.MinUnitsPerArm})");
    }

    /// <summary>The warnings of the comparisons by unit without a verdict (<see cref="IsByUnit"/>).</summary>
    public static void Warn(List<ComparisonResult> insufficient, DesignConfig design, DataQualityWarnings warnings)
    {
        if (insufficient.Any(r => r.Method == ClusteredComparisons.NotTested))
        {
            warnings.MedianNotCompared(design.Unit);
        }

        var tooFew = insufficient.Count(r => r.Method != ClusteredComparisons.NotTested
            && (r.BaselineN < design.MinUnitsPerArm || r.TreatmentN < design.MinUnitsPerArm));
        if (tooFew > 0)
        {
            warnings.UnitsBelowMinimum(tooFew, design.MinUnitsPerArm, design.Unit);
        }
    }

    /// <summary>
    /// The ICC of every metric with a cluster-robust test in each case type, over all its arms (<see cref="Icc.Anova"/>),
    /// reported at 0 when the estimate is below 0; a metric without one (too few units or cases) is left out.
    /// </summary>
    private static IEnumerable<IccValue> IccValues(IReadOnlyCollection<GroupAccumulator> groups, CostFigures costs)
    {
        foreach (var caseType in groups.GroupBy(g => g.CaseType).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var (metric, of) in ClusteredComparisons.UnitValues(costs))
            {
                if (Icc.Anova(caseType.Select(g => g.Units.Values.Select(of))) is { } icc)
                {
                    yield return new IccValue(caseType.Key, metric, Math.Max(0, icc));
                }
            }
        }
    }

    /// <summary>The distinct units that have cases in more than one arm of a case type.</summary>
    private static long UnitsInSeveralArms(IReadOnlyCollection<GroupAccumulator> groups) =>
        groups.GroupBy(g => g.CaseType)
            .SelectMany(caseType => caseType.SelectMany(g => g.Units.Keys).GroupBy(u => u, StringComparer.Ordinal).Where(u => u.Count() > 1))
            .Select(u => u.Key).Distinct(StringComparer.Ordinal).LongCount();
}
