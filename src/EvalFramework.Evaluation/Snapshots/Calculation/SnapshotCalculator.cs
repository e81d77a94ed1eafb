using System.Globalization;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Models;
using EvalFramework.Evaluation.Privacy;
using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// The second half of a snapshot: from the accumulated data, the metrics per case type and arm, the comparisons with
/// the baseline arm with their roles and verdicts from the pilot's analysis plan (<see cref="PlannedComparisons"/>), the
/// pilot metrics and pilot-level comparisons, the breakdowns and the data-quality report.
/// </summary>
/// <param name="request">Pilot, period, id and config.</param>
/// <param name="pilot">The pilot's config, if any.</param>
/// <param name="costModel">The pilot's cost model (with <paramref name="pilot"/>).</param>
/// <param name="energyModel">The pilot's energy model (with <paramref name="pilot"/>).</param>
internal sealed class SnapshotCalculator(SnapshotRequest request, PilotConfig? pilot, CostModel? costModel, EnergyModel? energyModel)
{
    /// <summary>Calculates the snapshot.</summary>
    /// <param name="data">The accumulated data, its hash finished.</param>
    /// <param name="staff">The staff answers counted (k-anonymous, see <see cref="StaffSurveySelection"/>).</param>
    /// <param name="armsSeen">The arms with cases, in ordinal order.</param>
    /// <param name="dataSha256">The data hash (seeds the median bootstrap).</param>
    /// <param name="k">The k-anonymity threshold the staff answers were selected with.</param>
    public Snapshot Calculate(SnapshotAccumulator data, StaffSurveySelection staff, List<string> armsSeen, string dataSha256, int k)
    {
        var config = request.Config;
        var level = config?.ConfidenceLevel ?? ConfigDefaults.ConfidenceLevel;
        var minimum = config?.MinSamplePerArm ?? ConfigDefaults.MinSamplePerArm;
        var warnings = new DataQualityWarnings();
        var baseline = pilot?.BaselineArm ?? "manual";
        warnings.LeftOut(data.CasesLeftOut, data.MaintenanceLeftOut);
        var (available, energyAvailable) = CostAvailability(data, warnings);
        List<string> armOrder = [baseline, .. armsSeen.Where(a => a != baseline)];

        if (data.Surveys.Count > 0)
        {
            warnings.StaffSurveys(staff, k);
        }

        var wellbeing = staff.ByArm.ToDictionary(a => a.Key, a => a.Value.ToMoments(), StringComparer.Ordinal);
        var design = pilot?.Design ?? DesignConfig.Default;
        var beforeAfter = BeforeAfterDesign.Of(data, baseline, design);
        warnings.BeforeAfter(beforeAfter);
        var unitsPerArm = DesignSection.UnitsPerArm(pilot, data.Groups.Values);
        var sampleRatio = beforeAfter is { ConcurrentControl: false } ? null
            : SampleRatio.Check(pilot, data.Groups.Values, warnings, design.IsClustered ? unitsPerArm : null);
        var overheads = available ? OverheadAllocation.Overheads(data, pilot!, costModel!, warnings) : [];
        var costs = new CostFigures(available, energyAvailable, overheads, energyModel?.Co2eGrams(1) ?? double.NaN);

        var periodDays = data.Period.Days;
        var groups = (beforeAfter?.ArmGroups() ?? data.Groups.Values).OrderBy(g => g.CaseType, StringComparer.Ordinal).ToList();
        var designSummary = DesignSection.Build(design, unitsPerArm, groups, costs, data.Units, warnings, beforeAfter?.ConcurrentControl ?? false);
        var samples = PrepareLeadTimes(groups, level);
        var pending = new List<(string? CaseType, PendingComparison Comparison)>();
        var caseTypes = new List<(string CaseType, List<ArmResult> Arms)>();
        foreach (var caseTypeGroups in groups.GroupBy(g => g.CaseType))
        {
            var byArm = caseTypeGroups.ToDictionary(g => g.Arm, StringComparer.Ordinal);
            var arms = new List<ArmResult>();
            foreach (var arm in armOrder.Where(byArm.ContainsKey))
            {
                var g = byArm[arm];
                var metrics = ArmMetrics.Of(g, samples[g], level, periodDays, costs, wellbeing);
                if (design.IsClustered)
                {
                    ClusteredArmMetrics.Apply(metrics, g, level, costs);
                }

                arms.Add(new ArmResult(arm, metrics));
            }

            caseTypes.Add((caseTypeGroups.Key, arms));
            if (!byArm.TryGetValue(baseline, out var b))
            {
                warnings.NoBaseline(caseTypeGroups.Key, baseline);
                continue;
            }

            foreach (var arm in armOrder.Where(a => a != baseline && byArm.ContainsKey(a)))
            {
                var t = byArm[arm];
                var seed = ArmComparisons.Seed(dataSha256, caseTypeGroups.Key, arm);
                var armComparisons = beforeAfter is { ConcurrentControl: true } ? beforeAfter.Compare(b, t, level)
                    : design.IsClustered
                    ? ClusteredComparisons.Compare(b, t, samples[b], samples[t], level, costs, design.Unit, design.MinUnitsPerArm)
                    : ArmComparisons.Compare(b, t, samples[b], samples[t], level, costs, seed);
                foreach (var c in armComparisons)
                {
                    pending.Add((caseTypeGroups.Key, c));
                }
            }
        }

        pending.AddRange(PilotLevel(wellbeing, baseline, armOrder, level));
        var plan = pilot?.AnalysisPlan ?? AnalysisPlan.Default(1 - level);
        var sequential = SequentialSettings.Of(pilot?.Design, plan.Alpha);
        var inference = sequential?.InferenceAt(request.To) ?? Inference.Fixed;
        warnings.PastPlannedEnd(request.To, sequential);
        var comparisons = PlannedComparisons.Finish(pending, plan, pilot?.CaseTypes ?? [],
            pilot?.Arms.Select(a => a.Name).Where(a => a != baseline).ToList() ?? [], minimum, out var familySize, sequential, inference);
        comparisons = AsTreatedComparisons.Attach(comparisons, data, baseline, level, costs, dataSha256, design);
        var compliance = data.Compliance.Summary();
        warnings.Compliance(compliance);
        var insufficient = comparisons.Where(c => c.Result.Verdict == Verdicts.InsufficientData).ToList();
        var byUnit = insufficient.Where(c => DesignSection.IsByUnit(c.Result, design)).ToList();
        var belowMinimum = insufficient.Select(c => DesignSection.IsByUnit(c.Result, design)
            ? DesignSection.BelowMinimumLine(c.CaseType, c.Result, design)
            : string.Create(CultureInfo.InvariantCulture,
                $"{c.CaseType ?? "pilot"}/{c.Result.Metric}: {c.Result.Baseline} n={c.Result.BaselineN}, {c.Result.Treatment} n={c.Result.TreatmentN} (minimum {minimum})"))
            .ToList();
        if (insufficient.Count > byUnit.Count)
        {
            warnings.BelowMinimum(insufficient.Count - byUnit.Count, minimum);
        }

        DesignSection.Warn(byUnit.Select(c => c.Result).ToList(), design, warnings);

        var caseTypeResults = caseTypes.Select(ct => new CaseTypeResult(ct.CaseType, ct.Arms,
            [.. comparisons.Where(c => c.CaseType == ct.CaseType).Select(c => c.Result)])).ToList();
        var planSummary = PlanSummary.Of(plan, request.RegisteredPlan, data.FirstStartedMs, familySize);
        warnings.Plan(planSummary);
        var followUpDays = config?.FollowUpDays ?? ConfigDefaults.FollowUpDays;
        warnings.FollowUp(request.To, request.CreatedAt, followUpDays);

        var started = groups.Sum(g => g.Started);
        var completed = groups.Sum(g => g.Completed);
        var negative = groups.Sum(g => g.NegativeLeadTimes);
        warnings.Cases(started - completed, negative, data.CasesWithoutStart, data.SurveysWithoutCase);

        var pilotMetrics = PilotMetrics.Of(groups, data.Maintenance, costModel, baseline, armOrder, level, periodDays);
        var quality = new DataQualityReport(warnings.All, started, started - completed, data.CasesWithoutStart, data.SurveysWithoutCase,
            staff.SuppressedGroups, sampleRatio, belowMinimum);
        return new Snapshot(request, config?.Methodology.ConfigSha256, dataSha256, level, minimum, k, baseline,
            caseTypeResults, pilotMetrics, quality, SnapshotBreakdownBuilder.Build(data, caseTypeResults, costs),
            [.. comparisons.Where(c => c.CaseType is null).Select(c => c.Result)], planSummary, followUpDays)
        {
            Compliance = compliance,
            Inference = inference,
            Sequential = sequential,
            Design = designSummary,
            BeforeAfter = beforeAfter?.Summary(),
        };
    }

    /// <summary>
    /// The pilot-level comparisons: staff well-being per arm (its unit is a person, each person's answers averaged
    /// first; see <see cref="StaffSurveySelection"/>), Welch on the person means.
    /// </summary>
    private static IEnumerable<(string? CaseType, PendingComparison Comparison)> PilotLevel(Dictionary<string, Moments> wellbeing,
        string baseline, List<string> armOrder, double level)
    {
        if (!wellbeing.TryGetValue(baseline, out var b))
        {
            yield break;
        }

        foreach (var arm in armOrder.Where(a => a != baseline && wellbeing.ContainsKey(a)))
        {
            yield return (null, PendingComparison.Welch(MetricKeys.StaffWellbeingMean, baseline, arm, b, wellbeing[arm], level));
        }
    }

    private static Dictionary<GroupAccumulator, LeadTimeSample> PrepareLeadTimes(List<GroupAccumulator> groups, double level)
    {
        var prepared = new LeadTimeSample[groups.Count];
        Parallel.For(0, groups.Count, i => prepared[i] = LeadTimeSample.Prepare(groups[i].LeadTimes.ToArray(), level));
        return groups.Select((g, i) => (g, prepared[i])).ToDictionary(x => x.g, x => x.Item2);
    }

    /// <summary>Whether cost and energy per case can be known: a config with the pilot, and a price for every role and model.</summary>
    private (bool Available, bool EnergyAvailable) CostAvailability(SnapshotAccumulator data, DataQualityWarnings warnings)
    {
        if (request.Config is null)
        {
            warnings.NoConfig();
            return (false, false);
        }

        if (pilot is null)
        {
            warnings.PilotNotInConfig(request.Pilot);
            return (false, false);
        }

        warnings.MissingPrices(data.MissingRoles, data.MissingModels);
        return (data.MissingRoles == 0 && data.MissingModels == 0, data.MissingModels == 0);
    }
}
