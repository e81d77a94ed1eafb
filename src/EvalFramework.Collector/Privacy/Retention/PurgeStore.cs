using System.Data;
using System.Data.Common;
using Dapper;
using EvalFramework.Collector.Storage;

namespace EvalFramework.Collector.Privacy.Retention;

/// <summary>
/// Deletes raw events and case rows older than a cut-off: a case goes (with all its events) when it started before
/// the cut-off (a case with no start yet: when it was last updated before it); other events go by their own time, but
/// staff-survey answers by whole ISO weeks (UTC): the week holding the cut-off goes with them. Snapshots count staff
/// answers by whole weeks that never change once published; a week cut by a purge would change by a few answers, and a
/// snapshot before and one after would show what they said. Snapshots are untouched: they hold aggregates only.
/// </summary>
internal sealed class PurgeStore(ICollectorDatabase database)
{
    private const string OldCases = "SELECT case_id FROM cases WHERE pilot = @Pilot AND coalesce(started_ms, updated_ms) < @BeforeMs";

    private const string DeleteAiUsage = $"DELETE FROM case_ai_usage WHERE pilot = @Pilot AND case_id IN ({OldCases})";

    private const string DeleteRecords = $"DELETE FROM case_records WHERE pilot = @Pilot AND case_id IN ({OldCases})";

    private const string DeleteEvents = $"""
        DELETE FROM events
        WHERE pilot = @Pilot AND (time_ms < @BeforeMs
            OR (type = 'survey.staff' AND case_id IS NULL AND time_ms < @StaffBeforeMs)
            OR (case_id IS NOT NULL AND case_id IN ({OldCases})))
        """;

    private const string DeleteCases = "DELETE FROM cases WHERE pilot = @Pilot AND coalesce(started_ms, updated_ms) < @BeforeMs";

    private const string Pilots = "SELECT DISTINCT pilot FROM cases UNION SELECT DISTINCT pilot FROM events WHERE case_id IS NULL";

    private const int MaxAttempts = 5;

    /// <summary>
    /// Purges one pilot in one transaction; returns what was deleted. Every statement sees the same data (repeatable
    /// read: on PostgreSQL a writer of another replica may commit meanwhile). The tables go in the writers' order as far
    /// as the old cases allow: events, AI usage, records, and the case rows last, since they say which cases are old.
    /// A deadlock or serialization failure against a writer is taken again.
    /// </summary>
    public PurgeResult Purge(string pilot, DateTimeOffset before, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return PurgeOnce(pilot, before, cancellationToken);
            }
            catch (DbException e) when (e.IsTransient && attempt < MaxAttempts)
            {
                // Nothing was deleted: the transaction rolled back.
            }
        }
    }

    private PurgeResult PurgeOnce(string pilot, DateTimeOffset before, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var args = new { Pilot = pilot, BeforeMs = before.ToUnixTimeMilliseconds(), StaffBeforeMs = EndOfWeek(before).ToUnixTimeMilliseconds() };
        var events = connection.Execute(new CommandDefinition(DeleteEvents, args, transaction, cancellationToken: cancellationToken));
        connection.Execute(new CommandDefinition(DeleteAiUsage, args, transaction, cancellationToken: cancellationToken));
        connection.Execute(new CommandDefinition(DeleteRecords, args, transaction, cancellationToken: cancellationToken));
        var cases = connection.Execute(new CommandDefinition(DeleteCases, args, transaction, cancellationToken: cancellationToken));
        transaction.Commit();
        return new PurgeResult(pilot, before, events, cases);
    }

    /// <summary>The end (next Monday 00:00 UTC) of the ISO week holding <paramref name="time"/>; the time itself when it starts a week.</summary>
    private static DateTimeOffset EndOfWeek(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        var monday = new DateTimeOffset(utc.UtcDateTime.Date.AddDays(-(((int)utc.DayOfWeek + 6) % 7)), TimeSpan.Zero);
        return monday == utc ? utc : monday.AddDays(7);
    }

    /// <summary>Every pilot with data.</summary>
    public IReadOnlyList<string> AllPilots()
    {
        using var connection = database.Open();
        return connection.Query<string>(Pilots).AsList();
    }
}
