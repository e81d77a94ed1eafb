using System.Diagnostics;
using EvalFramework.Collector.Configuration;
using EvalFramework.Collector.Storage;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Models;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// Turns events into measurements at the one moment they count: after the writer's transaction committed, for
/// the events that were new (never a duplicate). Runs on the writer thread; never throws into it.
/// </summary>
internal sealed partial class StoredEventMetrics : ICommitObserver
{
    private const double JoulesPerWh = 3600;

    /// <summary>The <c>correct</c> label values of quality reviews.</summary>
    internal static readonly string[] ReviewCorrect = ["true", "false"];

    /// <summary>The <c>consistent</c> label values of quality reviews (<c>unset</c>: the review did not say).</summary>
    internal static readonly string[] ReviewConsistent = ["true", "false", "unset"];

    private readonly CollectorMetrics _metrics;
    private readonly MetricLabels _labels;
    private readonly CaseStartCache _starts;
    private readonly Dictionary<string, (PilotConfig Pilot, CostModel Cost, EnergyModel Energy)> _models;
    private readonly ILogger<StoredEventMetrics> _logger;

    public StoredEventMetrics(
        CollectorMetrics metrics, MetricLabels labels, EvaluationSettings evaluation, IOptions<MetricsOptions> options,
        ILogger<StoredEventMetrics> logger)
    {
        _metrics = metrics;
        _labels = labels;
        _logger = logger;
        _starts = new CaseStartCache(options.Value.CaseCacheCapacity);
        _models = evaluation.Config is { } config
            ? config.Pilots.ToDictionary(p => p.Slug, p => (p, new CostModel(p), new EnergyModel(config.Energy, p)), StringComparer.Ordinal)
            : [];
    }

    /// <summary>The remembered case starts (for tests).</summary>
    internal CaseStartCache Starts => _starts;

    /// <summary>Remembers a case's start (from <c>case.started</c>, or from its stored row at start-up).</summary>
    public void Remember(string pilot, string caseId, string? caseType, string? arm, long startedMs) =>
        _starts.Remember(pilot, caseId, new CaseStart(_labels.CaseTypes.Map(caseType), _labels.Arms.Map(arm), startedMs));

    /// <summary>
    /// A group commit is durable: remembers the starts of the cases it touched, records its latency and the events of
    /// its requests. Called before the requests are answered, so an answer is never ahead of its metrics.
    /// </summary>
    public void Committed(in StorageCommit commit)
    {
        try
        {
            foreach (var c in commit.Started)
            {
                Remember(c.Pilot, c.CaseId, c.CaseType, c.Arm, c.StartedMs);
            }

            if (_metrics.CommitDuration.Enabled)
            {
                _metrics.CommitDuration.Record(Stopwatch.GetElapsedTime(commit.StartTimestamp).TotalSeconds);
            }

            for (var r = 0; r < commit.Requests.Count; r++)
            {
                Stored(commit.Requests[r].Events, commit.Stored[r]);
            }
        }
        catch (Exception ex)
        {
            // The events are stored; a bug here must cost a measurement, never the writer or an answer.
            LogRecordFailed(ex);
        }
    }

    /// <summary>Records the events of one committed request; <paramref name="stored"/>[i] says whether event i was new.</summary>
    internal void Stored(IReadOnlyList<PendingEvent> events, bool[] stored)
    {
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i].Event;
            var pilot = _labels.Pilots.Map(e.Pilot);
            if (!stored[i])
            {
                _metrics.EventsDuplicate.Add(1, new KeyValuePair<string, object?>("pilot", pilot));
                continue;
            }

            _metrics.EventsStored.Add(1, new("pilot", pilot), new("event_type", _labels.EventTypes.Map(e.Type)));
            Record(e, pilot);
        }
    }

    private void Record(WireEvent e, string pilot)
    {
        if (e.Type == EventTypes.CaseStarted)
        {
            var start = new CaseStart(_labels.CaseTypes.Map(e.CaseType), _labels.Arms.Map(e.Arm), e.Time!.Value.ToUnixTimeMilliseconds());
            _starts.Remember(e.Pilot!, e.CaseId!, start);
            if (_metrics.CasesStarted.Enabled)
            {
                _metrics.CasesStarted.Add(1, new TagList { { "pilot", pilot }, { "case_type", start.CaseType }, { "arm", start.Arm } });
            }

            return;
        }

        var known = e.CaseId is not null && _starts.TryGet(e.Pilot!, e.CaseId, out var s) ? s : (CaseStart?)null;
        var caseType = known?.CaseType ?? LabelSet.Other;
        var arm = e.CaseId is null ? _labels.Arms.Map(e.Arm) : known?.Arm ?? LabelSet.Other;
        switch (e.Type)
        {
            case EventTypes.CaseCompleted:
                var outcome = _labels.Outcomes.Map(e.Outcome);
                var tags = new TagList { { "pilot", pilot }, { "case_type", caseType }, { "arm", arm }, { "outcome", outcome } };
                _metrics.CasesCompleted.Add(1, tags);
                if (known is { } started && _metrics.LeadTime.Enabled)
                {
                    var seconds = (e.Time!.Value.ToUnixTimeMilliseconds() - started.StartedMs) / 1000.0;
                    if (seconds >= 0)
                    {
                        _metrics.LeadTime.Record(seconds, tags);
                    }
                }

                break;
            case EventTypes.HumanEffort:
                var effortSeconds = e.Seconds ?? 0;
                if (_metrics.Effort.Enabled)
                {
                    _metrics.Effort.Record(effortSeconds, new TagList { { "pilot", pilot }, { "case_type", caseType }, { "arm", arm } });
                }

                if (_models.TryGetValue(e.Pilot!, out var human))
                {
                    var cost = e.Role is not null && human.Cost.TryStaffCostSek(e.Role, effortSeconds, out var sek) ? sek : (double?)null;
                    var wh = human.Energy.HumanWh(effortSeconds);
                    RecordResources(pilot, caseType, arm, "human", cost, wh, human.Energy.Co2eGrams(wh));
                }

                break;
            case EventTypes.AiUsage:
                RecordAiUsage(e, pilot, caseType, arm);
                break;
            case EventTypes.CaseEscalated:
                _metrics.Escalations.Add(1, new TagList { { "pilot", pilot }, { "case_type", caseType }, { "arm", arm } });
                break;
            case EventTypes.CaseError:
                _metrics.Errors.Add(1, new TagList
                {
                    { "pilot", pilot }, { "case_type", caseType }, { "arm", arm },
                    { "source", _labels.Sources.Map(e.Source) }, { "severity", _labels.Severities.Map(e.Severity) },
                });
                break;
            case EventTypes.QualityReview:
                _metrics.Reviews.Add(1, new TagList
                {
                    { "pilot", pilot }, { "case_type", caseType }, { "arm", arm },
                    { "correct", ReviewCorrect[e.Correct == true ? 0 : 1] },
                    { "consistent", ReviewConsistent[e.Consistent switch { true => 0, false => 1, null => 2 }] },
                });
                break;
            case EventTypes.IntegrationFailure:
                _metrics.IntegrationFailures.Add(1, new TagList { { "pilot", pilot }, { "case_type", caseType }, { "arm", arm } });
                break;
            case EventTypes.SurveyCitizen:
                var survey = new TagList { { "pilot", pilot }, { "case_type", caseType }, { "arm", arm } };
                if (e.Csat is { } csat && _metrics.Csat.Enabled)
                {
                    _metrics.Csat.Record(csat, survey);
                }

                if (e.Nps is { } nps && _metrics.Nps.Enabled)
                {
                    _metrics.Nps.Record(nps, survey);
                }

                break;
            case EventTypes.PilotMaintenance:
                // Hours sent without an arm are borne by the config's maintenance.defaultArm, as in the snapshot.
                var bearer = _models.TryGetValue(e.Pilot!, out var maintenance) ? _labels.Arms.Map(maintenance.Cost.MaintenanceArmOf(e.Arm)) : arm;
                _metrics.MaintenanceTime.Add((e.Hours ?? 0) * 3600, new TagList { { "pilot", pilot }, { "arm", bearer } });
                break;
        }
    }

    private void RecordAiUsage(WireEvent e, string pilot, string caseType, string arm)
    {
        var model = _labels.Models.Map(e.Model);
        if (_metrics.TokenUsage.Enabled)
        {
            _metrics.TokenUsage.Record(e.InputTokens ?? 0, new TagList
            {
                { "gen_ai.token.type", "input" }, { "pilot", pilot }, { "arm", arm }, { "gen_ai.request.model", model },
            });
            _metrics.TokenUsage.Record(e.OutputTokens ?? 0, new TagList
            {
                { "gen_ai.token.type", "output" }, { "pilot", pilot }, { "arm", arm }, { "gen_ai.request.model", model },
            });
        }

        if (!_models.TryGetValue(e.Pilot!, out var ai))
        {
            return;
        }

        if (!ai.Pilot.AiModels.ContainsKey(e.Model!))
        {
            // A model without a price or size: no energy rather than a zero (the snapshot names the model).
            RecordResources(pilot, caseType, arm, "ai", e.CostSek, null, null);
            return;
        }

        var usage = new AiUsageInput(e.Model!, e.InputTokens ?? 0, e.OutputTokens ?? 0, e.CostSek);
        var wh = ai.Energy.AiWh(usage);
        RecordResources(pilot, caseType, arm, "ai", ai.Cost.AiCostSek(usage), wh, ai.Energy.Co2eGrams(wh));
    }

    private void RecordResources(string pilot, string caseType, string arm, string part, double? costSek, double? wh, double? co2eGrams)
    {
        var tags = new TagList { { "pilot", pilot }, { "case_type", caseType }, { "arm", arm }, { "part", part } };
        if (costSek is { } cost && _metrics.CostSek.Enabled)
        {
            _metrics.CostSek.Add(cost, tags);
        }

        if (wh is { } energy && _metrics.Energy.Enabled)
        {
            _metrics.Energy.Add(energy * JoulesPerWh, tags);
        }

        if (co2eGrams is { } grams && _metrics.Co2e.Enabled)
        {
            _metrics.Co2e.Add(grams, tags);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording metrics of stored events failed; the events are stored")]
    private partial void LogRecordFailed(Exception exception);
}
