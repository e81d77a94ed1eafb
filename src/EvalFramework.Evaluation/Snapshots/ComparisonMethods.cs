namespace EvalFramework.Evaluation.Snapshots;

/// <summary>Values of a comparison's <c>method</c> that readers act on.</summary>
public static class ComparisonMethods
{
    /// <summary>A median under a design by team, handler or period: not compared (no cluster-robust test for it).</summary>
    public const string NotTestedClustered = "not_tested_clustered";
}
