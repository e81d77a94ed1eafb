namespace EvalFramework.Evaluation;

/// <summary>The version of the evaluation methodology (formulas, defaults and statistics).</summary>
public static class Methodology
{
    /// <summary>
    /// The methodology version. Bump the minor version when a formula or default changes results, the major
    /// version when the meaning of a metric changes.
    /// </summary>
    public const string Version = "3.0.0";
}
