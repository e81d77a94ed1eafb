using EvalFramework.Collector.Configuration;
using EvalFramework.Collector.Metrics;

namespace EvalFramework.Collector.Tests.Metrics;

public sealed class LabelSetTests
{
    [Fact]
    public void Map_ConfiguredSet_UnknownValueIsOther()
    {
        var arms = new LabelSet(["manual", "ai_assisted"]);

        Assert.Equal("manual", arms.Map("manual"));
        Assert.Equal(LabelSet.Other, arms.Map("shadow"));
        Assert.Equal(LabelSet.Other, arms.Map(null));
    }

    [Fact]
    public void Map_NoConfiguredValues_EveryValueIsOther()
    {
        var models = new LabelSet([]);

        Assert.Equal(LabelSet.Other, models.Map("a"));
        Assert.Equal(LabelSet.Other, models.Map("b"));
        Assert.False(models.Contains("a"));
    }

    [Fact]
    public void MetricLabels_NoEvaluationConfig_NoPilotCaseTypeArmOrModelAdmitted()
    {
        var labels = new MetricLabels(new EvaluationSettings(null, null));

        var mapped = Enumerable.Range(0, 100).AsParallel()
            .SelectMany(i => new[] { labels.Pilots.Map("p" + i), labels.CaseTypes.Map("t" + i), labels.Arms.Map("a" + i), labels.Models.Map("m" + i) })
            .Distinct().ToList();

        Assert.Equal([LabelSet.Other], mapped);
    }

    [Fact]
    public void MetricLabels_EvaluationConfig_ExactlyItsVocabulary()
    {
        var labels = new MetricLabels(VocabularyLabels.ShippedSettings);

        Assert.Equal("demo", labels.Pilots.Map("demo"));
        Assert.Equal("direct-procurement-advice", labels.CaseTypes.Map("direct-procurement-advice"));
        Assert.Equal("ai_assisted", labels.Arms.Map("ai_assisted"));
        Assert.Equal("llama-3.3-70b", labels.Models.Map("llama-3.3-70b"));
        Assert.Equal(LabelSet.Other, labels.Pilots.Map("pilot-a"));
        Assert.Equal(LabelSet.Other, labels.CaseTypes.Map("gauge-type"));
        Assert.Equal(LabelSet.Other, labels.Arms.Map("ai_automated"));
        Assert.Equal(LabelSet.Other, labels.Models.Map("gpt-4o-mini"));
    }
}
