using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Storage.Postgres;
using EvalFramework.Collector.Storage.Sqlite;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Evaluation.Snapshots;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// The assignment on <c>case.started</c> in the case row (assigned_arm, assignment_unit, assignment_unit_id) and the
/// case record: the winning start's assignment whatever the arrival order and batching, and a database written before
/// the columns existed (SQLite schema 5, PostgreSQL schema 3: no columns, records without the assignment) migrated to
/// exactly what the writer now stores. One suite, run on SQLite and on PostgreSQL (<see cref="StorageSuites"/>).
/// </summary>
public abstract class AssignmentMigrationTests<TCollector>(TCollector collector) : IClassFixture<TCollector>
    where TCollector : CollectorFactory
{
    private const string Pseudonym = "3d108acf4c07c29121d7438f0cc95cd0a3830300d73ea0184187004ffbdd6fd3";

    private readonly TCollector _collector = collector;

    /// <summary>The schema version before the assignment columns.</summary>
    private int OldVersion => _collector.Provider == "postgres" ? 3 : 5;

    private static JsonObject Assigned(JsonObject started, string unit, string unitId, string assignedArm)
    {
        started["assignment"] = new JsonObject { ["unit"] = unit, ["unitId"] = unitId, ["assignedArm"] = assignedArm };
        return started;
    }

    [StorageFact]
    public async Task Ingest_AndMigrateOldDatabase_RowsAndRecordsCarryTheWinningStartsAssignment()
    {
        var prefix = "asg-" + Token(6) + "-";
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        var first = new List<JsonNode>
        {
            Assigned(Started(prefix + "0", arm: "manual", at: at), "team", "permits", "manual"),
            Assigned(Started(prefix + "1", arm: "ai_assisted", at: at), "team", "social", "manual"),
            Started(prefix + "2", arm: "manual", at: at),
            Started(prefix + "3", arm: "manual", at: at), // the same start with an assignment arrives in the next batch
            Started(prefix + "4", arm: "manual", at: at), // earlier than its assigned start: it wins, without assignment
            Assigned(Started(prefix + "4", arm: "manual", at: at.AddMinutes(1)), "handler", Pseudonym, "ai_assisted"),
            Assigned(Started(prefix + "5", arm: "manual", at: at), "period", "2026-W49", "ai_assisted"),
            Started(prefix + "5", arm: "manual", at: at), // a tie in one batch: the start with the assignment wins
            Completed(prefix + "0", "resolved", at.AddHours(1)),
            Effort(prefix + "1", 90.5, "handler"),
        };
        var second = new List<JsonNode> { Assigned(Started(prefix + "3", arm: "manual", at: at), "case", Pseudonym, "manual") };
        using (var client = _collector.ClientWith(_collector.WriterKey))
        {
            foreach (var batch in new[] { first, second })
            {
                var response = await client.PostAsync([.. batch]);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, body);
                Assert.Equal(batch.Count, (await response.ReadObjectAsync())["accepted"]!.GetValue<int>());
            }
        }

        var expected = new (string?, string?, string?)[]
        {
            ("manual", "team", "permits"), ("manual", "team", "social"), (null, null, null), ("manual", "case", Pseudonym),
            (null, null, null), ("ai_assisted", "period", "2026-W49"),
        };
        Assert.Equal(expected, Columns(prefix));
        var written = _collector.CaseRecords(prefix);
        Assert.Equal(expected, written.Select(r => StoredCaseRecords.Decode(r.Record)).Select(r => (r.AssignedArm, r.AssignmentUnit, r.AssignmentUnitId)));
        Assert.Equal("ai_assisted", StoredCaseRecords.Decode(written[1].Record).Arm);

        TakeBackToOldSchema();
        Assert.All(_collector.CaseRecords(prefix), r => Assert.Null(StoredCaseRecords.Decode(r.Record).AssignedArm));
        _collector.MigrateStore();

        var latest = _collector.Provider == "postgres" ? PostgresMigrations.All[^1].Version : SqliteMigrations.All[^1].Version;
        Assert.Equal(latest, Convert.ToInt32(_collector.Scalar("SELECT MAX(version) FROM schema_version"), CultureInfo.InvariantCulture));
        Assert.Equal(expected, Columns(prefix));
        Assert.Equal(written.Select(r => Convert.ToHexString(r.Record)), _collector.CaseRecords(prefix).Select(r => Convert.ToHexString(r.Record)));
    }

    [StorageFact]
    public async Task Ingest_TiedStartsInAnyOrderAndBatching_TheLargestAssignmentWins()
    {
        // Each case: four starts at the same time with the same type and arm, one without an assignment and three with;
        // the winner is the largest assigned arm|unit|unit id (ordinal), the same whatever the order and batching.
        var assignments = new[] { ("manual", "team", "permits"), ("ai_assisted", "team", "social"), ("manual", "team", "social"),
            ("ai_assisted", "period", "2026-W49"), ("manual", "period", "2026-W50") };
        var random = new Random(20261203);
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        var expected = new List<(string?, string?, string?)>();
        var runs = new[] { "asg-tie-" + Token(6) + "-", "asg-tie-" + Token(6) + "-" };
        var events = runs.ToDictionary(r => r, _ => new List<JsonNode>());
        for (var i = 0; i < 12; i++)
        {
            var chosen = assignments.OrderBy(_ => random.Next()).Take(3).ToList();
            var winner = chosen.Select(a => a.Item1 + "|" + a.Item2 + "|" + a.Item3).Max(StringComparer.Ordinal)!.Split('|');
            expected.Add((winner[0], winner[1], winner[2]));
            foreach (var run in runs)
            {
                var id = run + i.ToString("D2", CultureInfo.InvariantCulture);
                events[run].Add(Started(id, arm: "manual", at: at));
                events[run].AddRange(chosen.Select(a => Assigned(Started(id, arm: "manual", at: at), a.Item2, a.Item3, a.Item1)));
            }
        }

        using var client = _collector.ClientWith(_collector.WriterKey);
        foreach (var run in runs)
        {
            var shuffled = events[run].OrderBy(_ => random.Next()).ToList();
            for (var from = 0; from < shuffled.Count;)
            {
                var size = Math.Min(random.Next(1, 6), shuffled.Count - from);
                var response = await client.PostAsync([.. shuffled.Skip(from).Take(size)]);
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                from += size;
            }
        }

        Assert.Equal(expected, Columns(runs[0]));
        Assert.Equal(expected, Columns(runs[1]));
        Assert.Equal(expected, _collector.CaseRecords(runs[0]).Select(r => StoredCaseRecords.Decode(r.Record)).Select(r => (r.AssignedArm, r.AssignmentUnit, r.AssignmentUnitId)));
    }

    /// <summary>
    /// Makes the store what an older collector left: no assignment columns, every record without its assignment, and
    /// the schema versions since then not applied.
    /// </summary>
    private void TakeBackToOldSchema()
    {
        _collector.RewriteRecords(record =>
        {
            var row = StoredCaseRecords.Decode(record);
            row.AssignedArm = row.AssignmentUnit = row.AssignmentUnitId = null;
            return CaseRecordCodec.Encode(row);
        });

        using var connection = _collector.OpenStore();
        foreach (var column in new[] { "assigned_arm", "assignment_unit", "assignment_unit_id" })
        {
            using var drop = connection.Command("ALTER TABLE cases DROP COLUMN " + column);
            drop.ExecuteNonQuery();
        }

        using var versions = connection.Command("DELETE FROM schema_version WHERE version > @v", ("@v", OldVersion));
        Assert.Equal(1, versions.ExecuteNonQuery());
    }

    /// <summary>The assignment columns of the cases whose id starts with <paramref name="prefix"/>, by case id.</summary>
    private List<(string?, string?, string?)> Columns(string prefix)
    {
        using DbConnection connection = _collector.OpenStore();
        using var select = connection.Command(
            "SELECT assigned_arm, assignment_unit, assignment_unit_id FROM cases WHERE case_id LIKE @p ORDER BY case_id", ("@p", prefix + "%"));
        using var reader = select.ExecuteReader();
        var rows = new List<(string?, string?, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }
}
