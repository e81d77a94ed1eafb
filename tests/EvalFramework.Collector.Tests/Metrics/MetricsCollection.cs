namespace EvalFramework.Collector.Tests.Metrics;

/// <summary>
/// Tests that read the collector's meter run one at a time. Each collector exports only the meter its own host made
/// (<c>LatestSnapshotGaugesTests.Scrape_TwoCollectorsInOneProcess_EachExportsOnlyItsOwn</c>), so this guards timing
/// rather than counts: these tests start many collectors and measure between scrapes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Collector meter";
}
