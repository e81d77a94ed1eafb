namespace EvalFramework.Evaluation.Snapshots;

/// <summary>The chi-square sample-ratio check of started cases per arm against the configured shares.</summary>
internal sealed record SampleRatioCheck(
    IReadOnlyList<KeyValuePair<string, long>> Observed,
    IReadOnlyList<KeyValuePair<string, double>> ExpectedShares,
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue,
    bool Mismatch);
