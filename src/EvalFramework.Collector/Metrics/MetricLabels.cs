using EvalFramework.Collector.Evaluation;
using EvalFramework.Contract;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// The closed label sets. With an evaluation config, pilots, case types, arms and models are exactly the
/// configured ones; without, the first <see cref="MetricsOptions.LabelCapacity"/> seen of each. Outcome, source,
/// severity and event type come from the wire contract. Anything else is <see cref="LabelSet.Other"/>.
/// </summary>
internal sealed class MetricLabels
{
    public MetricLabels(EvaluationSettings evaluation, IOptions<MetricsOptions> options)
    {
        var pilots = evaluation.Config?.Pilots ?? [];
        var capacity = options.Value.LabelCapacity;
        Pilots = new LabelSet(pilots.Select(p => p.Slug), capacity);
        CaseTypes = new LabelSet(pilots.SelectMany(p => p.CaseTypes).Distinct(StringComparer.Ordinal), capacity);
        Arms = new LabelSet(pilots.SelectMany(p => p.Arms.Select(a => a.Name)).Distinct(StringComparer.Ordinal), capacity);
        Models = new LabelSet(pilots.SelectMany(p => p.AiModels.Keys).Distinct(StringComparer.Ordinal), capacity);
    }

    public LabelSet Pilots { get; }

    public LabelSet CaseTypes { get; }

    public LabelSet Arms { get; }

    public LabelSet Models { get; }

    public LabelSet Outcomes { get; } = new(CaseOutcomes.All, 0);

    public LabelSet Sources { get; } = new(ErrorSources.All, 0);

    public LabelSet Severities { get; } = new(ErrorSeverities.All, 0);

    public LabelSet EventTypes { get; } = new(Contract.EventTypes.All, 0);
}
