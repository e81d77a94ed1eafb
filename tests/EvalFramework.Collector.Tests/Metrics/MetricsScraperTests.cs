using System.Diagnostics.Metrics;
using EvalFramework.Collector.Metrics;

namespace EvalFramework.Collector.Tests.Metrics;

public sealed class MetricsScraperTests
{
    [Fact]
    public async Task ScrapeAsync_ConcurrentScrapesDuringSlowCollection_ShareOneCollection()
    {
        var meterName = "EvalFramework.Scraper." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        using var gate = new ManualResetEventSlim();
        var callbacks = 0;
        meter.CreateObservableGauge("slow", () =>
        {
            Interlocked.Increment(ref callbacks);
            gate.Wait(TimeSpan.FromSeconds(10));
            return 1;
        });
        using var scraper = new MetricsScraper([meterName], TimeSpan.Zero);

        var scrapes = Enumerable.Range(0, 8).Select(_ => scraper.ScrapeAsync()).ToList();
        gate.Set();
        var texts = await Task.WhenAll(scrapes);

        Assert.Equal(1, scraper.Collections);
        Assert.Equal(1, callbacks);
        Assert.All(texts, t => Assert.Same(texts[0], t));
    }

    [Fact]
    public async Task ScrapeAsync_WithinCacheTime_ReusesText()
    {
        var meterName = "EvalFramework.Scraper." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        var counter = meter.CreateCounter<long>("hits");
        using var scraper = new MetricsScraper([meterName], TimeSpan.FromMinutes(5));
        counter.Add(1);

        var first = await scraper.ScrapeAsync();
        counter.Add(1);
        var second = await scraper.ScrapeAsync();

        Assert.Same(first, second);
        Assert.Equal(1, scraper.Collections);
    }

    [Fact]
    public async Task ScrapeAsync_AfterCacheTime_CollectsAgain()
    {
        var meterName = "EvalFramework.Scraper." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        meter.CreateCounter<long>("hits").Add(1);
        using var scraper = new MetricsScraper([meterName], TimeSpan.Zero);

        await scraper.ScrapeAsync();
        await scraper.ScrapeAsync();

        Assert.Equal(2, scraper.Collections);
    }
}
