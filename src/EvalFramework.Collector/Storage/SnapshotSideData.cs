using System.Data.Common;
using Dapper;
using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Collector.Storage;

/// <summary>
/// The part of a snapshot's read that is not case records: the period's staff surveys and maintenance events (from
/// the stored JSON, with each provider's JSON functions), the pilot's earlier snapshots (which fix the staff answers
/// of the weeks they published) and the pilot's cases that have no start yet.
/// </summary>
internal static class SnapshotSideData
{
    private const string SelectEarlierSnapshots = "SELECT from_ms, to_ms, created_ms FROM snapshots WHERE pilot = @Pilot";

    private const string SelectUnmatched = """
        SELECT COUNT(*), COALESCE(SUM(CASE WHEN csat_count > 0 OR nps_count > 0 THEN 1 ELSE 0 END), 0)
        FROM cases
        WHERE pilot = @Pilot AND started_ms IS NULL
        """;

    /// <summary>
    /// Reads the side data into <paramref name="sink"/> inside the caller's read <paramref name="transaction"/>:
    /// <paramref name="staffSurveys"/> is the provider's SQL giving time_ms, received_ms, team, arm, respondent (null when
    /// absent) and wellbeing of the pilot's <c>survey.staff</c> events in [@From, @To); <paramref name="maintenance"/> gives
    /// time_ms, hours (a real), arm
    /// and kind of its <c>pilot.maintenance</c> events in [@MaintenanceFrom, @To): from the longest amortisation
    /// (<see cref="MaintenanceConfig.MaxAmortisationMonths"/> months) before the period, for one-off work amortised into it.
    /// </summary>
    public static void Read(DbConnection connection, DbTransaction transaction, ISnapshotDataSink sink, string pilot, long fromMs,
        long toMs, string staffSurveys, string maintenance, CancellationToken cancellationToken)
    {
        var maintenanceFrom = DateTimeOffset.FromUnixTimeMilliseconds(fromMs).AddMonths(-MaintenanceConfig.MaxAmortisationMonths);
        var args = new { Pilot = pilot, From = fromMs, To = toMs, MaintenanceFrom = maintenanceFrom.ToUnixTimeMilliseconds() };
        foreach (var (timeMs, receivedMs, team, arm, respondent, wellbeing) in connection.Query<(long, long, string, string, string?, long)>(
                     new CommandDefinition(staffSurveys, args, transaction, cancellationToken: cancellationToken)))
        {
            sink.AddStaffSurvey(DateTimeOffset.FromUnixTimeMilliseconds(timeMs), DateTimeOffset.FromUnixTimeMilliseconds(receivedMs), team,
                arm, respondent, (int)wellbeing);
        }

        foreach (var (earlierFrom, earlierTo, createdMs) in connection.Query<(long, long, long)>(
                     new CommandDefinition(SelectEarlierSnapshots, args, transaction, cancellationToken: cancellationToken)))
        {
            sink.AddEarlierSnapshot(DateTimeOffset.FromUnixTimeMilliseconds(earlierFrom), DateTimeOffset.FromUnixTimeMilliseconds(earlierTo),
                DateTimeOffset.FromUnixTimeMilliseconds(createdMs));
        }

        foreach (var (timeMs, hours, arm, kind) in connection.Query<(long, double, string?, string?)>(
                     new CommandDefinition(maintenance, args, transaction, cancellationToken: cancellationToken)))
        {
            sink.AddMaintenance(DateTimeOffset.FromUnixTimeMilliseconds(timeMs), hours, arm, kind);
        }

        var (withoutStart, surveysWithoutCase) = connection.QuerySingle<(long, long)>(
            new CommandDefinition(SelectUnmatched, args, transaction, cancellationToken: cancellationToken));
        sink.SetUnmatched(withoutStart, surveysWithoutCase);
    }
}
