namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// The chi-square sample-ratio check of started cases per arm against the configured shares (under a clustered design,
/// of the assigned units per arm: see <see cref="Unit"/>).
/// </summary>
/// <param name="Observed">Started cases (or units) per arm.</param>
/// <param name="ExpectedShares">The configured share of each arm.</param>
/// <param name="ChiSquare">The chi-square statistic.</param>
/// <param name="DegreesOfFreedom">Its degrees of freedom.</param>
/// <param name="PValue">The p-value (NaN where the document has none).</param>
/// <param name="Mismatch">Whether the started cases differ from the shares beyond chance.</param>
public sealed record SampleRatioCheck(
    IReadOnlyList<KeyValuePair<string, long>> Observed,
    IReadOnlyList<KeyValuePair<string, double>> ExpectedShares,
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue,
    bool Mismatch)
{
    /// <summary>What <see cref="Observed"/> counts when it is not cases: the assigned unit of a clustered design; null for cases.</summary>
    public string? Unit { get; init; }
}
