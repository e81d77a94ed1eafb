using Dapper;
using EvalFramework.Collector.Metrics;
using EvalFramework.Collector.Storage;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Collector.Snapshots;

/// <summary>
/// Turns stored snapshots into the gauge rows <c>/metrics</c> exports (value, interval and n per case type, arm and
/// metric; each comparison's difference, interval, verdict and role). Loads the current snapshot of every pilot
/// (<see cref="SnapshotStore.CurrentOrder"/>) at start and on the refresh schedule; a new snapshot is published as it is
/// made when it becomes its pilot's current one.
/// </summary>
internal sealed class SnapshotGaugeSource(ICollectorDatabase database) : ISnapshotGaugeLoader
{
    private const string CurrentPerPilot = $"""
        SELECT body FROM snapshots s
        WHERE seq = (SELECT seq FROM snapshots WHERE pilot = s.pilot ORDER BY {SnapshotStore.CurrentOrder} LIMIT 1)
        """;

    public async Task<IReadOnlyList<SnapshotGauges>> LoadCurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var bodies = await connection.QueryAsync<byte[]>(new CommandDefinition(CurrentPerPilot, cancellationToken: cancellationToken));
        return [.. bodies.Select(FromJson)];
    }

    /// <summary>The gauge rows of one snapshot's JSON.</summary>
    public static SnapshotGauges FromJson(byte[] body) => From(SnapshotDocumentReader.Read(body));

    /// <summary>The gauge rows of one snapshot document.</summary>
    public static SnapshotGauges From(SnapshotDocument snapshot)
    {
        var metrics = new List<SnapshotMetricRow>();
        var comparisons = new List<SnapshotComparisonRow>();
        foreach (var caseType in snapshot.CaseTypes)
        {
            foreach (var arm in caseType.Arms)
            {
                foreach (var (metric, value) in arm.Metrics)
                {
                    metrics.Add(new SnapshotMetricRow(caseType.CaseType, arm.Arm, metric, value.Value, value.CiLow, value.CiHigh, value.N));
                }
            }

            foreach (var c in caseType.Comparisons)
            {
                comparisons.Add(Row(caseType.CaseType, c, snapshot.Sequential is not null));
            }
        }

        foreach (var m in snapshot.PilotMetrics)
        {
            metrics.Add(new SnapshotMetricRow(LatestSnapshotGauges.AllCaseTypes, m.Arm ?? LatestSnapshotGauges.AllArms, m.Metric, m.Value.Value,
                m.Value.CiLow, m.Value.CiHigh, m.Value.N));
        }

        comparisons.AddRange((snapshot.PilotComparisons ?? []).Select(c => Row(LatestSnapshotGauges.AllCaseTypes, c, snapshot.Sequential is not null)));
        return new SnapshotGauges(snapshot.Pilot, snapshot.Id, snapshot.CreatedAt, metrics, comparisons);
    }

    /// <summary>
    /// A comparison's row. A snapshot made before analysis plans has no roles: a comparison with a non-inferiority
    /// margin was a guardrail, every other one counts as secondary (exploratory), none as primary. Its inference is
    /// sequential, final (a goal or guardrail of a pilot with a planned end, at or after it) or fixed.
    /// </summary>
    private static SnapshotComparisonRow Row(string caseType, ComparisonResult c, bool plannedEnd)
    {
        var role = c.Role ?? (c.NonInferiorityMargin is null ? ComparisonRoles.Secondary : ComparisonRoles.Guardrail);
        var inference = c.Inference == Inference.Sequential ? Inference.Sequential
            : plannedEnd && role != ComparisonRoles.Secondary ? SnapshotComparisonRow.Final
            : Inference.Fixed;
        return new(caseType, c.Metric, c.Baseline, c.Treatment, c.Difference, c.CiLow, c.CiHigh, c.Verdict, role, inference);
    }
}
