using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

// The suite's variants (SQLite, PostgreSQL) are declared here, beside it.
public sealed class StaffSnapshotDifferencingTestsOnSqlite(SnapshotCollectorFactory collector)
    : StaffSnapshotDifferencingTests<SnapshotCollectorFactory>(collector), IClassFixture<SnapshotCollectorFactory>;

public sealed class StaffSnapshotDifferencingTestsOnPostgres(PostgresSnapshotCollectorFactory collector)
    : StaffSnapshotDifferencingTests<PostgresSnapshotCollectorFactory>(collector), IClassFixture<PostgresSnapshotCollectorFactory>, IRunsOnPostgres;

/// <summary>
/// The differencing attacks on staff well-being through the collector: two snapshots ending one second apart around
/// one person's answer, or made before and after one answer arrives, must publish the same staff figures, in the JSON,
/// the CSV and the report page's staff section.
/// </summary>
public abstract partial class StaffSnapshotDifferencingTests<TCollector>(TCollector collector)
    where TCollector : SnapshotCollectorFactory
{
    private const string Pilot = SnapshotCollectorFactory.Pilot;

    /// <summary>The Monday (00:00 UTC) that starts the ISO week <paramref name="weeksAgo"/> weeks before this one.</summary>
    private static DateTimeOffset Monday(int weeksAgo)
    {
        var today = DateTimeOffset.UtcNow.UtcDateTime.Date;
        return new DateTimeOffset(today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - (7 * weeksAgo)), TimeSpan.Zero);
    }

    /// <summary>An answer of person <paramref name="person"/> of the team and arm (the same person every week).</summary>
    private static JsonObject Answer(DateTimeOffset at, string team, string arm, int person, int score) =>
        Event("survey.staff", null, at, new()
        {
            ["team"] = team, ["arm"] = arm, ["respondent"] = Pseudonym($"{team}/{arm}/{person}"), ["wellbeing"] = score, ["workload"] = score,
            ["stress"] = score,
        });

    /// <summary>
    /// Cases in both arms of the first week, and per week on Friday: kontaktcenter's 6 persons per arm answer, and
    /// upphandling's 2 persons in the AI arm (under k = 5).
    /// </summary>
    private static List<JsonNode> Weeks(DateTimeOffset monday, int weeks, string cases)
    {
        var events = new List<JsonNode>();
        foreach (var arm in new[] { "manual", "ai_assisted" })
        {
            for (var i = 0; i < 8; i++)
            {
                var caseId = Pseudonym($"{cases}-{arm}-{i}");
                var started = monday.AddHours(9 + i);
                events.Add(Event("case.started", caseId, started, new() { ["caseType"] = "building-permit-question", ["arm"] = arm }));
                events.Add(Event("case.completed", caseId, started.AddMinutes(40), new() { ["outcome"] = "resolved" }));
            }
        }

        for (var week = 0; week < weeks; week++)
        {
            var friday = monday.AddDays((7 * week) + 4).AddHours(13);
            for (var i = 0; i < 6; i++)
            {
                events.Add(Answer(friday.AddMinutes(i), "kontaktcenter", "manual", i, 3 + (i % 3)));
                events.Add(Answer(friday.AddMinutes(i), "kontaktcenter", "ai_assisted", i, 2 + (i % 4)));
            }

            events.Add(Answer(friday, "upphandling", "ai_assisted", 0, 4));
            events.Add(Answer(friday.AddMinutes(1), "upphandling", "ai_assisted", 1, 5));
        }

        return events;
    }

    private static async Task PostAsync(HttpClient client, List<JsonNode> events)
    {
        var posted = await client.PostAsync([.. events]);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Empty((await posted.ReadObjectAsync())["rejected"]!.AsArray());
    }

    private static string StaffRows(string csv) =>
        string.Join('\n', csv.Split('\n').Where(l => l.Contains(",staff_wellbeing_mean,", StringComparison.Ordinal)));

    private static JsonNode AiWellbeing(byte[] json) =>
        JsonNode.Parse(json)!["caseTypes"]![0]!["arms"]!.AsArray().Single(a => (string)a!["arm"]! == "ai_assisted")!["metrics"]!["staff_wellbeing_mean"]!;

    private static JsonObject Event(string type, string? caseId, DateTimeOffset at, JsonObject fields)
    {
        var e = Base(type, caseId, Pilot, at);
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            e[name] = value;
        }

        return e;
    }

    private static string Pseudonym(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private async Task<(string Id, byte[] Json)> SnapshotAsync(HttpClient client, DateTimeOffset from, DateTimeOffset to)
    {
        var body = new JsonObject { ["pilot"] = Pilot, ["from"] = Time(from), ["to"] = Time(to) };
        var response = await client.PostAsync("/api/v1/snapshots", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return ((string)JsonNode.Parse(bytes)!["id"]!, bytes);
    }

    /// <summary>Every well-being figure and the data quality section (where suppressed groups are counted).</summary>
    private static string StaffJson(byte[] json)
    {
        var root = JsonNode.Parse(json)!;
        var figures = new JsonObject { ["dataQuality"] = root["dataQuality"]!.DeepClone() };
        foreach (var caseType in root["caseTypes"]!.AsArray())
        {
            foreach (var arm in caseType!["arms"]!.AsArray())
            {
                figures[(string)caseType["caseType"]! + "/" + (string)arm!["arm"]!] = arm["metrics"]!["staff_wellbeing_mean"]!.DeepClone();
            }
        }

        return figures.ToJsonString();
    }

    private static string StaffSection(string html)
    {
        var match = WellbeingSection().Match(html);
        Assert.True(match.Success, "no staff well-being section");
        return match.Value;
    }

    [StorageFact]
    public async Task Snapshots_EndingOneSecondApartAroundOneStaffAnswer_SameStaffFiguresInJsonCsvAndReport()
    {
        // Arrange: four weeks that ended a while ago, and the one answer the attacker wants, on Wednesday of the third.
        var monday = Monday(weeksAgo: 5);
        var events = Weeks(monday, 4, "period-end");
        var at = monday.AddDays(16).AddHours(13).AddMinutes(37);
        events.Add(Answer(at, "kontaktcenter", "ai_assisted", 0, 1));
        using var admin = collector.ClientWith(collector.AdminKey);
        await PostAsync(admin, events);

        // Act
        var (beforeId, before) = await SnapshotAsync(admin, monday, at);
        var (afterId, after) = await SnapshotAsync(admin, monday, at.AddSeconds(1));

        // Assert: there is a staff figure, and it is the same in both snapshots, in every form they are published in.
        Assert.Equal(StaffJson(before), StaffJson(after));
        Assert.Equal(6, (long)AiWellbeing(after)["n"]!); // kontaktcenter's 6 persons in the two whole weeks; upphandling's 2 are suppressed

        using var reader = collector.ClientWith(collector.DemoReaderKey);
        var beforeCsv = await reader.GetStringAsync($"/api/v1/snapshots/{beforeId}?format=csv");
        var afterCsv = await reader.GetStringAsync($"/api/v1/snapshots/{afterId}?format=csv");
        Assert.Contains(",ai_assisted,staff_wellbeing_mean,", StaffRows(afterCsv), StringComparison.Ordinal);
        Assert.Equal(StaffRows(beforeCsv), StaffRows(afterCsv));

        foreach (var language in new[] { "en", "sv" })
        {
            var beforePage = StaffSection(await reader.GetStringAsync($"/reports/{beforeId}?lang={language}"));
            var afterPage = StaffSection(await reader.GetStringAsync($"/reports/{afterId}?lang={language}"));
            Assert.Contains(">6<", afterPage, StringComparison.Ordinal);
            Assert.Equal(beforePage, afterPage);
        }
    }

    [StorageFact]
    public async Task Snapshots_MadeBeforeAndAfterOneLateStaffAnswerArrives_SameStaffFiguresInJsonAndCsv()
    {
        // Arrange: two weeks that ended long ago, published by a first snapshot; then one answer for the second week
        // arrives (a client replaying an old answer, or a person answering late).
        var monday = Monday(weeksAgo: 12);
        using var admin = collector.ClientWith(collector.AdminKey);
        await PostAsync(admin, Weeks(monday, 2, "late-arrival"));
        var (firstId, first) = await SnapshotAsync(admin, monday, monday.AddDays(14));
        await PostAsync(admin, [Answer(monday.AddDays(9).AddHours(10), "kontaktcenter", "ai_assisted", 0, 1)]);

        // Act
        var (secondId, second) = await SnapshotAsync(admin, monday, monday.AddDays(14));

        // Assert
        Assert.Equal(StaffJson(first), StaffJson(second));
        Assert.Equal(6, (long)AiWellbeing(second)["n"]!);
        using var reader = collector.ClientWith(collector.DemoReaderKey);
        Assert.Equal(StaffRows(await reader.GetStringAsync($"/api/v1/snapshots/{firstId}?format=csv")),
            StaffRows(await reader.GetStringAsync($"/api/v1/snapshots/{secondId}?format=csv")));
    }

    [StorageFact]
    public async Task Snapshots_MadeBeforeAndAfterAPurgeCuttingAWeek_TheWeekGoesWhole()
    {
        // Arrange: a week whose staff answers come on Friday from 13:00, and cases started on its Saturday; a snapshot
        // of it. Then a purge whose cut-off (Friday 13:00:30) falls among the answers: cutting the week there would take
        // one answer of each kontaktcenter group (6 → 5, still k), and the two snapshots would differ by exactly those.
        var monday = Monday(weeksAgo: 20);
        using var admin = collector.ClientWith(collector.AdminKey);
        var events = Weeks(monday, 1, "purge").Where(e => (string)e["type"]! == "survey.staff").ToList();
        foreach (var arm in new[] { "manual", "ai_assisted" })
        {
            var caseId = Pseudonym("purge-saturday-" + arm);
            events.Add(Event("case.started", caseId, monday.AddDays(5).AddHours(9), new() { ["caseType"] = "building-permit-question", ["arm"] = arm }));
            events.Add(Event("case.completed", caseId, monday.AddDays(5).AddHours(10), new() { ["outcome"] = "resolved" }));
        }

        await PostAsync(admin, events);
        var (_, before) = await SnapshotAsync(admin, monday, monday.AddDays(7));
        Assert.Equal(6, (long)AiWellbeing(before)["n"]!);

        // Act
        var purged = await admin.PostAsync("/api/v1/purge", new StringContent(
            new JsonObject { ["pilot"] = Pilot, ["before"] = Time(monday.AddDays(4).AddHours(13).AddSeconds(30)) }.ToJsonString(),
            Encoding.UTF8, "application/json"));
        var (_, after) = await SnapshotAsync(admin, monday, monday.AddDays(7));

        // Assert: the week's answers went together, so the later snapshot has none of them, not five of six.
        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        Assert.Equal(0, (long)AiWellbeing(after)["n"]!);
        Assert.Equal(2, (long)JsonNode.Parse(after)!["dataQuality"]!["casesInPeriod"]!);
    }

    [GeneratedRegex("<section id=\"q3-wellbeing\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex WellbeingSection();
}
