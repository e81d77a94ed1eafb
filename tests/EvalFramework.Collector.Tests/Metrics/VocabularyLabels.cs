using EvalFramework.Collector.Configuration;

namespace EvalFramework.Collector.Tests.Metrics;

/// <summary>The shipped evaluation config (pilot <c>demo</c>) as the collector holds it, for label tests.</summary>
internal static class VocabularyLabels
{
    public static EvaluationSettings ShippedSettings { get; } = Load();

    private static EvaluationSettings Load()
    {
        var loaded = ConfigFiles.Load(RepoRoot.ShippedConfig, new Dictionary<string, string>());
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        return new EvaluationSettings(loaded.Config, RepoRoot.ShippedConfig);
    }
}
