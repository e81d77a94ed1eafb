using EvalFramework.Collector.Metrics;

namespace EvalFramework.Collector.Tests.Metrics;

public sealed class LabelSetTests
{
    [Fact]
    public void Map_ConfiguredSet_UnknownValueIsOther()
    {
        var arms = new LabelSet(["manual", "ai_assisted"], capacity: 20);

        Assert.Equal("manual", arms.Map("manual"));
        Assert.Equal(LabelSet.Other, arms.Map("shadow"));
        Assert.Equal(LabelSet.Other, arms.Map(null));
    }

    [Fact]
    public void Map_NoConfiguredValues_FirstCapacitySeenThenOther()
    {
        var models = new LabelSet([], capacity: 2);

        Assert.Equal("a", models.Map("a"));
        Assert.Equal("b", models.Map("b"));
        Assert.Equal(LabelSet.Other, models.Map("c"));
        Assert.Equal("a", models.Map("a"));
    }

    [Fact]
    public void Map_ManyThreadsManyValues_NeverMoreThanCapacity()
    {
        var set = new LabelSet([], capacity: 10);

        var mapped = Enumerable.Range(0, 1000).AsParallel().Select(i => set.Map("v" + i)).Distinct().ToList();

        Assert.True(mapped.Count <= 11, $"{mapped.Count} distinct values");
        Assert.Contains(LabelSet.Other, mapped);
    }
}
