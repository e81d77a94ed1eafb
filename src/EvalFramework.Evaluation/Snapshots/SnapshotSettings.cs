namespace EvalFramework.Evaluation.Snapshots;

/// <summary>The snapshot document's <c>settings</c>: how its figures were computed.</summary>
/// <param name="ConfidenceLevel">The confidence level of every interval (0.95 when an older snapshot has no settings).</param>
/// <param name="MinSamplePerArm">The minimum cases per arm for a comparison (30 when absent).</param>
/// <param name="KAnonymity">The smallest staff-survey group published (5 when absent).</param>
/// <param name="BaselineArm">The arm every treatment is compared with.</param>
/// <param name="BootstrapReplicates">Bootstrap replicates per median comparison (0 when absent).</param>
/// <param name="FollowUpDays">The follow-up window the default period end keeps clear (null in snapshots made before it).</param>
public sealed record SnapshotSettings(double ConfidenceLevel, int MinSamplePerArm, int KAnonymity, string BaselineArm, int BootstrapReplicates,
    int? FollowUpDays = null);
