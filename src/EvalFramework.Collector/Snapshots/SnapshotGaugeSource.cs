using System.Text.Json;
using Dapper;
using EvalFramework.Collector.Metrics;
using EvalFramework.Collector.Storage;

namespace EvalFramework.Collector.Snapshots;

/// <summary>
/// Turns stored snapshots into the gauge rows <c>/metrics</c> exports (value, interval and n per case type, arm and
/// metric; each comparison's difference, interval and verdict). Loads the newest snapshot of every pilot at start
/// and on the refresh schedule, and publishes each new snapshot as it is made.
/// </summary>
internal sealed class SnapshotGaugeSource(ICollectorDatabase database) : ISnapshotGaugeLoader
{
    private const string NewestPerPilot = """
        SELECT body FROM snapshots s
        WHERE seq = (SELECT MAX(seq) FROM snapshots WHERE pilot = s.pilot)
        """;

    public async Task<IReadOnlyList<SnapshotGauges>> LoadNewestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var bodies = await connection.QueryAsync<byte[]>(new CommandDefinition(NewestPerPilot, cancellationToken: cancellationToken));
        return [.. bodies.Select(FromJson)];
    }

    /// <summary>The gauge rows of one snapshot's JSON.</summary>
    public static SnapshotGauges FromJson(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var metrics = new List<SnapshotMetricRow>();
        var comparisons = new List<SnapshotComparisonRow>();
        foreach (var caseType in root.GetProperty("caseTypes").EnumerateArray())
        {
            var name = caseType.GetProperty("caseType").GetString()!;
            foreach (var arm in caseType.GetProperty("arms").EnumerateArray())
            {
                var armName = arm.GetProperty("arm").GetString()!;
                foreach (var metric in arm.GetProperty("metrics").EnumerateObject())
                {
                    metrics.Add(new SnapshotMetricRow(name, armName, metric.Name, Number(metric.Value, "value"),
                        Number(metric.Value, "ciLow"), Number(metric.Value, "ciHigh"), (long)(Number(metric.Value, "n") ?? 0)));
                }
            }

            foreach (var c in caseType.GetProperty("comparisons").EnumerateArray())
            {
                comparisons.Add(new SnapshotComparisonRow(name, c.GetProperty("metric").GetString()!,
                    c.GetProperty("baseline").GetString()!, c.GetProperty("treatment").GetString()!,
                    Number(c, "difference"), Number(c, "ciLow"), Number(c, "ciHigh"), c.GetProperty("verdict").GetString()!));
            }
        }

        if (root.TryGetProperty("pilotMetrics", out var pilotMetrics))
        {
            foreach (var m in pilotMetrics.EnumerateArray())
            {
                var arm = m.TryGetProperty("arm", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : LatestSnapshotGauges.AllArms;
                metrics.Add(new SnapshotMetricRow(LatestSnapshotGauges.AllCaseTypes, arm, m.GetProperty("metric").GetString()!,
                    Number(m, "value"), Number(m, "ciLow"), Number(m, "ciHigh"), (long)(Number(m, "n") ?? 0)));
            }
        }

        return new SnapshotGauges(root.GetProperty("pilot").GetString()!, root.GetProperty("id").GetString()!,
            root.GetProperty("createdAt").GetDateTimeOffset(), metrics, comparisons);
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
