using System.Diagnostics.Metrics;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// Every instrument of the collector, created once from <see cref="IMeterFactory"/> on meter
/// <see cref="MeterName"/>. Names are OpenTelemetry style; the OpenTelemetry Prometheus exporter turns them into
/// Prometheus names (see docs/metrics.md). Only this collector's own meter is exported
/// (<see cref="CollectorMeterProviderBuilderExtensions.AddCollectorInstruments(OpenTelemetry.Metrics.MeterProviderBuilder)"/>).
/// </summary>
internal sealed class CollectorMetrics
{
    public const string MeterName = "EvalFramework.Collector";

    /// <summary>Lead time: seconds to a month (case handling takes minutes to weeks).</summary>
    internal static readonly double[] LeadTimeBuckets =
        [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 432000, 604800, 1209600, 2592000];

    /// <summary>Staff effort per <c>human.effort</c> event: 10 s to a working day.</summary>
    internal static readonly double[] EffortBuckets = [10, 30, 60, 120, 300, 600, 900, 1800, 2700, 3600, 7200, 14400, 28800];

    /// <summary>The GenAI semantic conventions' advice for <c>gen_ai.client.token.usage</c>.</summary>
    internal static readonly long[] TokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304];

    /// <summary>Scores on a 1–5 scale: one bucket per answer.</summary>
    internal static readonly double[] FivePointBuckets = [1, 2, 3, 4, 5];

    /// <summary>NPS answers 0–10: one bucket per answer.</summary>
    internal static readonly double[] NpsBuckets = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    /// <summary>Commit latency of the writer: 0.5 ms to 5 s.</summary>
    internal static readonly double[] CommitBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private Func<int>? _writerQueueDepth;

    public CollectorMetrics(IMeterFactory meterFactory, LatestSnapshotGauges snapshots)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(new MeterOptions(MeterName));

        Counter<T> Counter<T>(string name, string unit, string description) where T : struct =>
            meter.CreateCounter<T>(name, unit, description);
        Histogram<T> Histogram<T>(string name, string unit, string description, IReadOnlyList<T> buckets) where T : struct =>
            meter.CreateHistogram(name, unit, description, advice: new InstrumentAdvice<T> { HistogramBucketBoundaries = buckets });

        // What stored events measure, by pilot, case type and arm (OpenTelemetry names; docs/metrics.md).
        CasesStarted = Counter<long>("evalfw.cases.started", "{case}", "Cases started (case.started stored), by pilot, case type and arm.");
        CasesCompleted = Counter<long>("evalfw.cases.completed", "{case}",
            "Cases completed (case.completed stored), by pilot, case type, arm and outcome.");
        LeadTime = Histogram("evalfw.case.lead_time", "s",
            "Lead time of completed cases, opened to completed (the citizen's view), seconds.", LeadTimeBuckets);
        Effort = Histogram("evalfw.human.effort", "s", "Staff effort per human.effort event, seconds.", EffortBuckets);
        TokenUsage = Histogram("gen_ai.client.token.usage", "{token}",
            "Tokens used per ai.usage event (GenAI semantic conventions), by token type, pilot, arm and model.", TokenBuckets);
        Errors = Counter<long>("evalfw.case.errors", "{error}", "Errors found in cases (case.error), by source and severity.");
        Reviews = Counter<long>("evalfw.quality.reviews", "{review}",
            "Quality reviews (quality.review), by whether the answer was correct and consistent.");
        Escalations = Counter<long>("evalfw.case.escalations", "{escalation}", "Cases handed from the AI to a person (case.escalated).");
        IntegrationFailures = Counter<long>("evalfw.integration.failures", "{failure}", "Failed calls to other systems (integration.failure).");
        CostSek = Counter<double>("evalfw.cost.sek", "{SEK}",
            "Variable cost in SEK: staff effort at the role's loaded hourly cost and AI tokens at the price table; needs the evaluation config.");
        Energy = Counter<double>("evalfw.energy", "J",
            "Energy in joules: workstation while staff work and AI inference with PUE; needs the evaluation config.");
        Co2e = Counter<double>("evalfw.co2e", "g",
            "Emissions in grams CO2e of that energy at the configured grid intensity; needs the evaluation config.");
        Csat = Histogram("evalfw.survey.csat", "{score}", "Citizen satisfaction answers (CSAT 1-5).", [.. FivePointBuckets.Select(b => (int)b)]);
        Nps = Histogram("evalfw.survey.nps", "{score}", "Net promoter answers (0-10).", [.. NpsBuckets.Select(b => (int)b)]);
        // No instrument for staff-survey answers: one scrape before and one after an answer would show what it said.
        // Staff well-being is published by snapshots only (k-anonymous whole weeks), and from them as gauges.
        // Seconds, the Prometheus base unit (promtool refuses a name in hours); pilot.maintenance reports hours.
        MaintenanceTime = Counter<double>("evalfw.maintenance", "s",
            "Maintenance time reported (pilot.maintenance hours × 3600): prompt and model updates, staff training.");

        // The collector's own work.
        EventsStored = Counter<long>("evalfw.collector.events.stored", "{event}",
            "Events stored, counted once when their transaction committed, by pilot and event type.");
        EventsDuplicate = Counter<long>("evalfw.collector.events.duplicates", "{event}", "Events not stored because their id was already stored.");
        EventsRejected = Counter<long>("evalfw.collector.events.rejected", "{event}",
            "Events rejected at ingest, by reason (the offending field, or forbidden).");
        IngestBatches = Counter<long>("evalfw.collector.ingest.batches", "{batch}", "POST /api/v1/events requests, by result.");
        CommitDuration = Histogram("evalfw.collector.writer.commit.duration", "s", "Time of one group commit of the single writer, seconds.",
            CommitBuckets);
        meter.CreateObservableGauge("evalfw.collector.writer.queue_depth", () => _writerQueueDepth?.Invoke() ?? 0, "{request}",
            "Ingest requests waiting for the writer.");

        foreach (var gauge in snapshots.Gauges)
        {
            meter.CreateObservableGauge(gauge.Name, gauge.Observe, gauge.Unit, gauge.Description);
        }
    }

    public Counter<long> CasesStarted { get; }

    public Counter<long> CasesCompleted { get; }

    public Histogram<double> LeadTime { get; }

    public Histogram<double> Effort { get; }

    public Histogram<long> TokenUsage { get; }

    public Counter<long> Errors { get; }

    public Counter<long> Reviews { get; }

    public Counter<long> Escalations { get; }

    public Counter<long> IntegrationFailures { get; }

    public Counter<double> CostSek { get; }

    public Counter<double> Energy { get; }

    public Counter<double> Co2e { get; }

    public Histogram<int> Csat { get; }

    public Histogram<int> Nps { get; }

    public Counter<double> MaintenanceTime { get; }

    public Counter<long> EventsStored { get; }

    public Counter<long> EventsDuplicate { get; }

    public Counter<long> EventsRejected { get; }

    public Counter<long> IngestBatches { get; }

    public Histogram<double> CommitDuration { get; }

    /// <summary>Where the queue-depth gauge reads from (the writer; set once at start).</summary>
    public void ObserveWriterQueue(Func<int> depth) => _writerQueueDepth = depth;
}
