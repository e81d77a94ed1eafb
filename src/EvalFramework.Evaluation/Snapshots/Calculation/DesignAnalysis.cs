using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>The analysis a pilot's design gets, as the snapshot's <c>design.analysis</c> names it.</summary>
internal static class DesignAnalysis
{
    public const string CaseLevel = "case_level";
    public const string ClusterRobust = "cluster_robust";
    public const string DifferenceInDifferences = "difference_in_differences";
    public const string BeforeAfter = "before_after";

    /// <summary>The analysis of a design.</summary>
    /// <param name="design">The pilot's design.</param>
    /// <param name="concurrentControl">Under <c>design.aiStart</c>: whether the baseline arm has cases after the start.</param>
    public static string Name(DesignConfig design, bool concurrentControl)
    {
        if (design.AiStart is not null)
        {
            return concurrentControl ? DifferenceInDifferences : BeforeAfter;
        }

        return design.IsClustered ? ClusterRobust : CaseLevel;
    }
}
