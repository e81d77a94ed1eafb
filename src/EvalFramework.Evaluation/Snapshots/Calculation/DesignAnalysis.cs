using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>The analysis a pilot's design gets (<c>design.analysis</c> in a snapshot).</summary>
internal static class DesignAnalysis
{
    /// <summary>Each case assigned on its own: the case-level methods.</summary>
    public const string CaseLevel = "case_level";

    /// <summary>Handlers, teams or periods assigned: cluster-robust intervals (CR2, Bell–McCaffrey df) on the units.</summary>
    public const string ClusterRobust = "cluster_robust";

    /// <summary>A before/after design with a concurrent control: differences in differences.</summary>
    public const string DifferenceInDifferences = "difference_in_differences";

    /// <summary>A before/after design without a concurrent control: the after period against the before period, not causal.</summary>
    public const string BeforeAfter = "before_after";

    /// <summary>The analysis of a design.</summary>
    /// <param name="design">The pilot's design.</param>
    /// <param name="concurrentControl">Whether a baseline arm runs beside the AI arm after <c>aiStart</c> (before/after designs).</param>
    public static string Name(DesignConfig design, bool concurrentControl)
    {
        if (design.AiStart is not null)
        {
            return concurrentControl ? DifferenceInDifferences : BeforeAfter;
        }

        return design.IsClustered ? ClusterRobust : CaseLevel;
    }
}
