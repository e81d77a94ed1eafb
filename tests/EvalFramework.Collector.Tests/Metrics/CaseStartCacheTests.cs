using EvalFramework.Collector.Metrics;

namespace EvalFramework.Collector.Tests.Metrics;

public sealed class CaseStartCacheTests
{
    [Fact]
    public void Remember_PastCapacity_ForgetsOldestFirst()
    {
        var cache = new CaseStartCache(capacity: 2);
        cache.Remember("p", "c1", new("t", "manual", 1));
        cache.Remember("p", "c2", new("t", "manual", 2));

        cache.Remember("p", "c3", new("t", "manual", 3));

        Assert.False(cache.TryGet("p", "c1", out _));
        Assert.True(cache.TryGet("p", "c3", out var c3));
        Assert.Equal(3, c3.StartedMs);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Remember_TwoStartsOfOneCase_EarlierWins()
    {
        var cache = new CaseStartCache(capacity: 10);
        cache.Remember("p", "c", new("t", "manual", 200));

        cache.Remember("p", "c", new("t", "ai_assisted", 100));
        cache.Remember("p", "c", new("t", "manual", 300));

        Assert.True(cache.TryGet("p", "c", out var start));
        Assert.Equal(new CaseStart("t", "ai_assisted", 100), start);
    }

    [Fact]
    public void TryGet_SameCaseIdOtherPilot_NotFound()
    {
        var cache = new CaseStartCache(capacity: 10);
        cache.Remember("p", "c", new("t", "manual", 1));

        Assert.False(cache.TryGet("q", "c", out _));
    }
}
