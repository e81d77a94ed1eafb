using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>What a snapshot is of.</summary>
/// <param name="Id">The snapshot id.</param>
/// <param name="Pilot">The pilot slug.</param>
/// <param name="From">Start of the period (inclusive): cases whose <c>case.started</c> is at or after it.</param>
/// <param name="To">End of the period (exclusive).</param>
/// <param name="CreatedAt">When the snapshot is made.</param>
/// <param name="Config">The evaluation config; null when none is loaded (cost and energy are then null).</param>
public sealed record SnapshotRequest(
    string Id, string Pilot, DateTimeOffset From, DateTimeOffset To, DateTimeOffset CreatedAt, EvaluationConfig? Config)
{
    /// <summary>The pilot's registered analysis plan, if one was registered before the snapshot.</summary>
    public RegisteredPlan? RegisteredPlan { get; init; }

    /// <summary>
    /// Whether <see cref="To"/> was chosen by default (the last complete day minus the follow-up window) rather than
    /// given by whoever asked for the snapshot.
    /// </summary>
    public bool DefaultEnd { get; init; }
}
