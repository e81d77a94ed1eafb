using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// The OpenTelemetry SDK pipeline behind <c>/metrics</c>: a <see cref="MeterProvider"/> with one pull reader and
/// <see cref="PrometheusTextExporter"/>. One collection at a time: scrapes that arrive while one runs share it,
/// and its text is reused for <c>cacheFor</c> (300 ms by default), so many scrapers cost one collection.
/// </summary>
internal sealed class MetricsScraper : IDisposable
{
    private readonly PrometheusTextExporter _exporter;
    private readonly BaseExportingMetricReader _reader;
    private readonly MeterProvider _provider;
    private readonly long _cacheTicks;
    private readonly Lock _gate = new();
    private Task<PrometheusScrape>? _running;
    private PrometheusScrape? _cached;
    private long _cachedAt;

    /// <param name="meterNames">The meters to listen to.</param>
    /// <param name="cacheFor">How long one collection's text is reused.</param>
    /// <param name="include">Which of their metrics to write (default all).</param>
    public MetricsScraper(IEnumerable<string> meterNames, TimeSpan cacheFor, Func<Metric, bool>? include = null)
    {
        _exporter = new PrometheusTextExporter(include);
        _reader = new BaseExportingMetricReader(_exporter);
        _provider = Sdk.CreateMeterProviderBuilder().AddMeter([.. meterNames]).AddReader(_reader).Build();
        _cacheTicks = (long)(cacheFor.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>Collections made (for tests: concurrent scrapes must share one).</summary>
    public int Collections { get; private set; }

    /// <summary>The whole text of a recent collection, or of a new one.</summary>
    public async Task<byte[]> ScrapeAsync() => (await CollectAsync()).Text;

    /// <summary>
    /// The text of a recent collection, or of a new one, without the series of pilots <paramref name="pilotVisible"/>
    /// refuses (<see cref="PrometheusScrape.For"/>): the collection is shared and cached, the cut is made per call.
    /// </summary>
    public async Task<byte[]> ScrapeAsync(Func<string, bool> pilotVisible) => (await CollectAsync()).For(pilotVisible);

    private Task<PrometheusScrape> CollectAsync()
    {
        lock (_gate)
        {
            if (_cached is { } cached && Stopwatch.GetTimestamp() - _cachedAt < _cacheTicks)
            {
                return Task.FromResult(cached);
            }

            return _running ??= Task.Run(Collect);
        }
    }

    private PrometheusScrape Collect()
    {
        try
        {
            var collected = _exporter.Collect?.Invoke(Timeout.Infinite) ?? false;
            var scrape = collected ? _exporter.TakeScrape() : throw new InvalidOperationException("the metric reader did not collect");
            lock (_gate)
            {
                Collections++;
                _cached = scrape;
                _cachedAt = Stopwatch.GetTimestamp();
            }

            return scrape;
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }
        }
    }

    public void Dispose() => _provider.Dispose();
}
