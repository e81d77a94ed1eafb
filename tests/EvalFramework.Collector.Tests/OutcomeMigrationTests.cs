using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Storage.Postgres;
using EvalFramework.Collector.Storage.Sqlite;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Contract;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// A database written before case records carried the outcome (SQLite schema 3, PostgreSQL schema 1: records in the
/// old layout, without the outcome string after the completion time), opened by this collector: the migration rebuilds
/// every record from the case rows, so each carries its case's outcome, byte for byte what the writer now stores.
/// One suite, run on SQLite and on PostgreSQL (<see cref="StorageSuites"/>).
/// </summary>
public abstract class OutcomeMigrationTests<TCollector>(TCollector collector) : IClassFixture<TCollector>
    where TCollector : CollectorFactory
{
    private readonly TCollector _collector = collector;

    /// <summary>The schema version before the outcome entered the records.</summary>
    private int OldVersion => _collector.Provider == "postgres" ? 1 : 3;

    [StorageFact]
    public async Task Migrate_DatabaseWithRecordsWithoutOutcome_EveryRecordRebuiltWithItsOutcome()
    {
        var prefix = "mig-" + Token(6) + "-";
        var outcomes = new[] { CaseOutcomes.Resolved, CaseOutcomes.Escalated, CaseOutcomes.Abandoned, CaseOutcomes.Rejected, null };
        var events = new List<JsonNode>();
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        foreach (var (outcome, i) in outcomes.Select((o, i) => (o, i)))
        {
            var id = prefix + i;
            events.Add(Started(id, arm: i % 2 == 0 ? "manual" : "ai_assisted", at: start.AddMinutes(i)));
            events.Add(Effort(id, 100.25 + i, "handler"));
            events.Add(AiUsage(id, "gpt-4o-mini", 1000 + i, 200, costSek: i == 1 ? 0.5 : null));
            if (outcome is not null)
            {
                events.Add(Completed(id, outcome, start.AddMinutes(i).AddHours(1)));
            }
        }

        using (var client = _collector.ClientWith(_collector.WriterKey))
        {
            var response = await client.PostAsync([.. events]);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var written = _collector.CaseRecords(prefix);
        Assert.Equal(outcomes, written.Select(r => StoredCaseRecords.Decode(r.Record).Outcome));
        TakeBackToOldSchema();
        Assert.All(_collector.CaseRecords(prefix), r => Assert.Throws<FormatException>(() => StoredCaseRecords.Decode(r.Record)));

        _collector.MigrateStore();

        var latest = _collector.Provider == "postgres" ? PostgresMigrations.All[^1].Version : SqliteMigrations.All[^1].Version;
        Assert.Equal(latest, Convert.ToInt32(_collector.Scalar("SELECT MAX(version) FROM schema_version"), CultureInfo.InvariantCulture));
        var migrated = _collector.CaseRecords(prefix);
        Assert.Equal(written.Select(r => Convert.ToHexString(r.Record)), migrated.Select(r => Convert.ToHexString(r.Record)));
        Assert.Equal(outcomes, migrated.Select(r => StoredCaseRecords.Decode(r.Record).Outcome));
    }

    /// <summary>
    /// Makes the store what an older collector left: every record in the old layout (the outcome string cut out) and
    /// the schema versions since then not applied.
    /// </summary>
    private void TakeBackToOldSchema()
    {
        _collector.RewriteRecords(WithoutOutcome);

        using var connection = _collector.OpenStore();
        using var versions = connection.Command("DELETE FROM schema_version WHERE version > @v", ("@v", OldVersion));
        Assert.True(versions.ExecuteNonQuery() >= 1);

        // The objects of the migrations after the outcome one, which run again (the plan registrations, the assignment columns).
        var dropLater = _collector.Provider == "postgres"
            ? "DROP TABLE plan_registrations; DROP FUNCTION plan_registrations_refuse_change()"
            : "DROP TABLE plan_registrations";
        using var drop = connection.Command(dropLater);
        drop.ExecuteNonQuery();
        foreach (var column in new[] { "assigned_arm", "assignment_unit", "assignment_unit_id" })
        {
            using var dropColumn = connection.Command("ALTER TABLE cases DROP COLUMN " + column);
            dropColumn.ExecuteNonQuery();
        }
    }

    /// <summary>A record in the layout before the outcome: the same bytes without the outcome string after the two times.</summary>
    private static byte[] WithoutOutcome(byte[] record)
    {
        var at = 1;
        for (var i = 0; i < 3; i++)
        {
            at += 4 + BinaryPrimitives.ReadInt32LittleEndian(record.AsSpan(at));
        }

        at += 16;
        var outcome = 4 + BinaryPrimitives.ReadInt32LittleEndian(record.AsSpan(at));
        return [.. record.AsSpan(0, at), .. record.AsSpan(at + outcome)];
    }
}
