using Dapper;
using EvalFramework.Collector.Storage;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// Fills the case-start cache at start from the most recently updated case rows, so events of cases started
/// before a restart still get their case type, arm and lead time. One read of the cases table, once.
/// </summary>
internal static class CaseStartWarmUp
{
    private const string SelectRecentStarts = """
        SELECT pilot, case_id, case_type, arm, started_ms
        FROM cases
        WHERE started_ms IS NOT NULL
        ORDER BY updated_ms DESC
        LIMIT @Limit
        """;

    /// <summary>Remembers up to the cache's capacity of recent starts; returns how many.</summary>
    public static int Load(ICollectorDatabase database, StoredEventMetrics metrics, int capacity)
    {
        if (capacity <= 0)
        {
            return 0;
        }

        using var connection = database.Open();
        var rows = connection.Query<(string Pilot, string CaseId, string? CaseType, string? Arm, long StartedMs)>(
            new CommandDefinition(SelectRecentStarts, new { Limit = capacity })).ToList();

        // Oldest first, so the cache forgets the least recent first.
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            metrics.Remember(rows[i].Pilot, rows[i].CaseId, rows[i].CaseType, rows[i].Arm, rows[i].StartedMs);
        }

        return rows.Count;
    }
}
