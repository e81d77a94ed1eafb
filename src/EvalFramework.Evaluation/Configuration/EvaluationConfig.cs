namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// A validated evaluation configuration (<c>metrics-config/evaluation.yaml</c>). Get one from
/// <see cref="EvaluationConfigLoader"/>; every value is checked and every default applied.
/// </summary>
/// <remarks>All amounts are <see cref="double"/>: they are estimates fed into statistics, not ledger entries.</remarks>
public sealed record EvaluationConfig
{
    /// <summary>Confidence level of intervals, in (0, 1) (<c>confidenceLevel</c>, default 0.95).</summary>
    public double ConfidenceLevel { get; init; } = ConfigDefaults.ConfidenceLevel;

    /// <summary>Fewest completed cases per arm for a verdict, ≥ 2 (<c>minSamplePerArm</c>, default 30).</summary>
    public int MinSamplePerArm { get; init; } = ConfigDefaults.MinSamplePerArm;

    /// <summary>Fewest persons answering in a shown staff-survey group, ≥ 2 (<c>kAnonymity</c>, default 5).</summary>
    public int KAnonymity { get; init; } = ConfigDefaults.KAnonymity;

    /// <summary>
    /// Days after a case closes that its surveys and reviews may still arrive (<c>followUpDays</c>, default 14): a
    /// snapshot made without an end stops this long before the last complete day, so its cases are complete.
    /// </summary>
    public int FollowUpDays { get; init; } = ConfigDefaults.FollowUpDays;

    /// <summary>Energy and carbon factors (<c>energy</c>, defaults in <see cref="EnergyFactors.Default"/>).</summary>
    public EnergyFactors Energy { get; init; } = EnergyFactors.Default;

    /// <summary>The pilots (<c>pilots</c>, required, at least one, unique slugs).</summary>
    public required IReadOnlyList<PilotConfig> Pilots { get; init; }

    /// <summary>The methodology of snapshots computed with this config: version and the config's SHA-256.</summary>
    public required MethodologyInfo Methodology { get; init; }

    /// <summary>Finds a pilot by slug.</summary>
    /// <param name="slug">The pilot slug.</param>
    /// <returns>The pilot, or <see langword="null"/> when the config has none with that slug.</returns>
    public PilotConfig? FindPilot(string slug) => Pilots.FirstOrDefault(p => p.Slug == slug);
}
