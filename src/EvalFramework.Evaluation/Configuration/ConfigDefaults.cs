namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// The defaults used when the evaluation configuration leaves a key out, with their sources
/// (see docs/configuration.md).
/// </summary>
public static class ConfigDefaults
{
    /// <summary>Confidence level of every interval and the significance threshold (1 − level): 0.95.</summary>
    public const double ConfidenceLevel = 0.95;

    /// <summary>Fewest completed cases per arm before a comparison gets a verdict: 30.</summary>
    public const int MinSamplePerArm = 30;

    /// <summary>Fewest persons answering in a staff-survey group (team × arm × week) before it counts (k-anonymity): 5.</summary>
    public const int KAnonymity = 5;

    /// <summary>
    /// Days a closed case's follow-up (citizen survey, quality review) may take to arrive: 14. A snapshot without an end
    /// ends this long before the last complete day.
    /// </summary>
    public const int FollowUpDays = 14;

    /// <summary>The fewest units (handlers, teams or periods) per arm for a verdict under a clustered design.</summary>
    public const int MinUnitsPerArm = 4;

    /// <summary>Swedish grid intensity, gCO2e/kWh: 40 (OWID via CodeCarbon 40.7 for 2023; EcoLogits 35.8; sensitivity 36–90).</summary>
    public const double GridIntensityGCo2ePerKwh = 40;

    /// <summary>Data-centre power usage effectiveness: 1.2 (EcoLogits provider defaults).</summary>
    public const double Pue = 1.2;

    /// <summary>Workstation and lighting power while a person works on a case, W: 150 (EcoAct homeworking methodology).</summary>
    public const double WorkstationWatts = 150;

    /// <summary>EcoLogits energy-per-output-token fit: slope coefficient α, Wh per token per billion active parameters.</summary>
    public const double TokenEnergyAlpha = 1.1665e-6;

    /// <summary>EcoLogits energy-per-output-token fit: batch-size exponent coefficient β.</summary>
    public const double TokenEnergyBeta = -0.011206;

    /// <summary>EcoLogits energy-per-output-token fit: assumed batch size B: 64.</summary>
    public const double TokenEnergyBatchSize = 64;

    /// <summary>EcoLogits energy-per-output-token fit: intercept γ, Wh per token.</summary>
    public const double TokenEnergyGamma = 4.0529e-5;

    /// <summary>Months a one-off cost or one-off maintenance is amortised over when the config does not say: 12.</summary>
    public const int AmortisationMonths = 12;

    /// <summary>
    /// Attribute keys a pilot may send when it lists none: <c>channel-detail</c>, <c>office</c>, <c>language</c>.
    /// Short, low-cardinality descriptors that cannot identify a person. An explicit empty list allows none.
    /// </summary>
    public static IReadOnlyList<string> AttributeKeys { get; } = ["channel-detail", "office", "language"];
}
