namespace EvalFramework.Collector.Metrics;

/// <summary>The numeric encoding of verdicts in <c>evalfw_snapshot_comparison_verdict</c>: higher is better.</summary>
internal static class SnapshotVerdicts
{
    public const double Unknown = -10;

    /// <summary>improved 2, non_inferior 1, no_significant_difference 0, inconclusive −1, worsened −2, inferior −3, insufficient_data −9; anything else −10.</summary>
    public static double Code(string verdict) => verdict switch
    {
        "improved" => 2,
        "non_inferior" => 1,
        "no_significant_difference" => 0,
        "inconclusive" => -1,
        "worsened" => -2,
        "inferior" => -3,
        "insufficient_data" => -9,
        _ => Unknown,
    };
}
