using EvalFramework.Collector.Configuration;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// The closed label sets, drawn only from the evaluation config's vocabulary (pilots, case types, arms, models) and
/// from the wire contract (outcome, source, severity, event type); anything else is <see cref="LabelSet.Other"/>.
/// Without a config there are no pilots, so no pilot's series. Snapshot gauges are kept to their pilot's own
/// vocabulary (<see cref="Closed"/>): a label is never taken from a snapshot's or an event's content.
/// </summary>
internal sealed class MetricLabels
{
    /// <summary>The metric label values of snapshot gauges: every per-arm and pilot-level metric key.</summary>
    private static readonly LabelSet SnapshotMetrics = new([.. MetricKeys.PerArm, MetricKeys.MaintenanceHours, MetricKeys.StaffHoursFreedPerMonth]);

    /// <summary>The role label values of comparison gauges.</summary>
    private static readonly LabelSet Roles = new([ComparisonRoles.Primary, ComparisonRoles.Guardrail, ComparisonRoles.Secondary]);

    private readonly Dictionary<string, (LabelSet CaseTypes, LabelSet Arms)> _byPilot = new(StringComparer.Ordinal);

    public MetricLabels(EvaluationSettings evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var pilots = evaluation.Config?.Pilots ?? [];
        Pilots = new LabelSet(pilots.Select(p => p.Slug));
        CaseTypes = new LabelSet(pilots.SelectMany(p => p.CaseTypes));
        Arms = new LabelSet(pilots.SelectMany(ArmsOf));
        Models = new LabelSet(pilots.SelectMany(p => p.AiModels.Keys));
        foreach (var pilot in pilots)
        {
            _byPilot[pilot.Slug] = (new LabelSet(pilot.CaseTypes), new LabelSet(ArmsOf(pilot)));
        }
    }

    public LabelSet Pilots { get; }

    /// <summary>Each configured pilot with its own case types and arms.</summary>
    public IEnumerable<(string Pilot, LabelSet CaseTypes, LabelSet Arms)> ByPilot =>
        _byPilot.Select(p => (p.Key, p.Value.CaseTypes, p.Value.Arms));

    public LabelSet CaseTypes { get; }

    public LabelSet Arms { get; }

    public LabelSet Models { get; }

    public LabelSet Outcomes { get; } = new(CaseOutcomes.All);

    public LabelSet Sources { get; } = new(ErrorSources.All);

    public LabelSet Severities { get; } = new(ErrorSeverities.All);

    public LabelSet EventTypes { get; } = new(Contract.EventTypes.All);

    /// <summary>
    /// The snapshot as its gauges may show it: only rows whose case type, arm, baseline, treatment and metric are in
    /// its pilot's vocabulary (or the pilot-level <c>_all</c>) and comparisons whose role is one of the three; never a
    /// comparison of a descriptive metric (a stored snapshot from before analysis plans has them: no verdict is shown
    /// on a count, throughput or AI-only figure). Null when the config has no such pilot.
    /// </summary>
    public SnapshotGauges? Closed(SnapshotGauges snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!_byPilot.TryGetValue(snapshot.Pilot, out var pilot))
        {
            return null;
        }

        bool CaseType(string value) => value == LatestSnapshotGauges.AllCaseTypes || pilot.CaseTypes.Contains(value);
        bool Arm(string value) => value == LatestSnapshotGauges.AllArms || pilot.Arms.Contains(value);
        return snapshot with
        {
            Pilot = Pilots.Map(snapshot.Pilot),
            Metrics = [.. snapshot.Metrics.Where(r => CaseType(r.CaseType) && Arm(r.Arm) && SnapshotMetrics.Contains(r.Metric))],
            Comparisons = [.. snapshot.Comparisons.Where(c => CaseType(c.CaseType) && pilot.Arms.Contains(c.Baseline)
                && pilot.Arms.Contains(c.Treatment) && SnapshotMetrics.Contains(c.Metric) && !MetricKeys.IsDescriptive(c.Metric)
                && Roles.Contains(c.Role))],
        };
    }

    private static IEnumerable<string> ArmsOf(PilotConfig pilot) => pilot.Arms.Select(a => a.Name);
}
