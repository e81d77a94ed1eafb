using System.Diagnostics;
using EvalFramework.Collector.Otlp;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// Puts every count whose labels are all known from the config and the wire contract at 0 when the collector starts, so
/// a fresh collector exports 0 rather than nothing (a panel of rejections, duplicates or errors shows 0, not "No data",
/// and <c>rate</c> and <c>increase</c> see the first event as a step from 0). Each pilot gets its own case types and
/// arms, never another pilot's; reasons and results are the closed sets their filter maps to. Series labelled
/// <c>_OTHER</c> and histograms (a recorded 0 would be an observation) start when something is measured.
/// </summary>
internal sealed class KnownSeries(CollectorMetrics metrics, OtlpMetrics otlp, MetricLabels labels)
{
    /// <summary>Adds 0 to each known series; call it once the meter provider listens.</summary>
    public void StartAtZero()
    {
        foreach (var result in IngestMetricsFilter.Results.Values)
        {
            metrics.IngestBatches.Add(0, new KeyValuePair<string, object?>("result", result));
        }

        foreach (var reason in IngestMetricsFilter.Reasons.Values)
        {
            metrics.EventsRejected.Add(0, new KeyValuePair<string, object?>("reason", reason));
        }

        foreach (var reason in OtlpIgnoreReasons.All)
        {
            otlp.SpansIgnored.Add(0, new KeyValuePair<string, object?>("reason", reason));
        }

        foreach (var (pilot, caseTypes, arms) in labels.ByPilot)
        {
            metrics.EventsDuplicate.Add(0, new KeyValuePair<string, object?>("pilot", pilot));
            foreach (var type in labels.EventTypes.Values)
            {
                metrics.EventsStored.Add(0, new("pilot", pilot), new("event_type", type));
            }

            foreach (var caseType in caseTypes.Values)
            {
                foreach (var arm in arms.Values)
                {
                    StartCaseAtZero(pilot, caseType, arm);
                }
            }
        }
    }

    private void StartCaseAtZero(string pilot, string caseType, string arm)
    {
        var cell = new TagList { { "pilot", pilot }, { "case_type", caseType }, { "arm", arm } };
        metrics.CasesStarted.Add(0, cell);
        metrics.Escalations.Add(0, cell);
        metrics.IntegrationFailures.Add(0, cell);
        foreach (var outcome in labels.Outcomes.Values)
        {
            metrics.CasesCompleted.Add(0, With(cell, ("outcome", outcome)));
        }

        foreach (var source in labels.Sources.Values)
        {
            foreach (var severity in labels.Severities.Values)
            {
                metrics.Errors.Add(0, With(cell, ("source", source), ("severity", severity)));
            }
        }

        foreach (var correct in StoredEventMetrics.ReviewCorrect)
        {
            foreach (var consistent in StoredEventMetrics.ReviewConsistent)
            {
                metrics.Reviews.Add(0, With(cell, ("correct", correct), ("consistent", consistent)));
            }
        }
    }

    private static TagList With(TagList cell, params ReadOnlySpan<(string Key, string Value)> more)
    {
        foreach (var (key, value) in more)
        {
            cell.Add(key, value);
        }

        return cell;
    }
}
