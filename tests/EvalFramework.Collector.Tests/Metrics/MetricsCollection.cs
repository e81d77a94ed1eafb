namespace EvalFramework.Collector.Tests.Metrics;

/// <summary>
/// Tests that read the collector's meter run alone: every collector in this process listens to every meter named
/// <c>EvalFramework.Collector</c>, so exact counts need no other collector running at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Collector meter";
}
