using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots.Calculation;

namespace EvalFramework.Evaluation.Tests.Snapshots;

public sealed class DesignAnalysisTests
{
    private static readonly DateTimeOffset AiStart = new(2025, 3, 17, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, "difference_in_differences")]
    [InlineData(false, "before_after")]
    public void Name_AiStart_DependsOnTheConcurrentControl(bool concurrentControl, string expected) =>
        Assert.Equal(expected, DesignAnalysis.Name(new DesignConfig { AiStart = AiStart, IsConfigured = true }, concurrentControl));

    [Fact]
    public void Name_NoAiStart_CaseLevel() => Assert.Equal("case_level", DesignAnalysis.Name(DesignConfig.Default, false));
}
