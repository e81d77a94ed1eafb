using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Cli.Commands;

namespace EvalFramework.Cli.Tests;

// One collection with PurgeCommandTests: a test here changes CollectorRequests.ProgressAfter, a static they share.
[Collection(CollectorCommandsCollection.Name)]
public sealed class SnapshotCommandTests : IClassFixture<KestrelCollector>, IDisposable
{
    private readonly KestrelCollector _collector;
    private readonly string _dir = Directory.CreateTempSubdirectory("evalctl-snapshot-").FullName;

    public SnapshotCommandTests(KestrelCollector collector) => _collector = collector;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();
        var code = EvalCtl.Run(["snapshot", .. args, "--collector", _collector.Address.ToString()], @out, err,
            new Dictionary<string, string> { [CollectorRequests.KeyVariable] = _collector.Key });
        return (code, @out.ToString(), err.ToString());
    }

    private async Task PostCasesAsync(DateTimeOffset start)
    {
        static JsonObject Event(string type, string caseId, DateTimeOffset at) => new()
        {
            ["id"] = "cli-" + Guid.NewGuid().ToString("N"),
            ["type"] = type,
            ["time"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["pilot"] = KestrelCollector.Pilot,
            ["caseId"] = caseId,
        };

        var events = new JsonArray();
        for (var i = 0; i < 6; i++)
        {
            // Pilot demo takes only pseudonymous case ids: 64 lower-case hex digits, as the SDK makes them.
            var caseId = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("cli-case-" + i.ToString(CultureInfo.InvariantCulture))));
            var started = Event("case.started", caseId, start.AddHours(i));
            started["caseType"] = "building-permit-question";
            started["arm"] = i % 2 == 0 ? "manual" : "ai_assisted";
            var completed = Event("case.completed", caseId, start.AddHours(i).AddMinutes(30));
            completed["outcome"] = "resolved";
            events.Add(started);
            events.Add(completed);
        }

        using var http = new HttpClient { BaseAddress = _collector.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _collector.Key);
        var response = await http.PostAsync("/api/v1/events",
            new StringContent(new JsonObject { ["events"] = events }.ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Snapshot_CreateListExport_ThroughARealCollector()
    {
        await PostCasesAsync(new DateTimeOffset(2025, 4, 7, 8, 0, 0, TimeSpan.Zero));
        var created = Path.Combine(_dir, "created.json");

        var (createCode, _, createErr) = Run("create", "--pilot", "demo", "--from", "2025-04-07", "--to", "2025-04-14", "--out", created);
        Assert.Equal(0, createCode);
        var id = JsonNode.Parse(File.ReadAllBytes(created))!["id"]!.GetValue<string>();
        Assert.Contains("snapshot " + id + " created", createErr, StringComparison.Ordinal);

        var (listCode, listOut, _) = Run("list", "--pilot", "demo");
        Assert.Equal(0, listCode);
        Assert.Contains(id + "\t2025-04-07T00:00:00", listOut, StringComparison.Ordinal);

        var exported = Path.Combine(_dir, "exported.json");
        var (exportCode, _, _) = Run("export", "--id", id, "--out", exported);
        Assert.Equal(0, exportCode);
        Assert.Equal(File.ReadAllBytes(created), File.ReadAllBytes(exported));

        var (csvCode, csv, _) = Run("export", "--id", id, "--format", "csv");
        Assert.Equal(0, csvCode);
        Assert.StartsWith("case_type,arm,metric,value,ci_low,ci_high,n\n", csv, StringComparison.Ordinal);
        Assert.Contains("\nbuilding-permit-question,manual,cases_completed,3,,,3\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotCreate_SlowCollector_ShowsProgress()
    {
        var previous = CollectorRequests.ProgressAfter;
        CollectorRequests.ProgressAfter = TimeSpan.Zero;
        try
        {
            var (code, _, err) = Run("list", "--pilot", "demo");

            Assert.Equal(0, code);
            Assert.Contains("working", err, StringComparison.Ordinal);
        }
        finally
        {
            CollectorRequests.ProgressAfter = previous;
        }
    }

    [Fact]
    public void SnapshotExport_UnknownId_ExitsOneWithTheProblem()
    {
        var (code, output, err) = Run("export", "--id", "snap-nope");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("404", err, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotCreate_FromAfterTo_ExitsOneNamingTheField()
    {
        var (code, _, err) = Run("create", "--pilot", "demo", "--from", "2025-05-01", "--to", "2025-04-01");

        Assert.Equal(1, code);
        Assert.Contains("\"to\"", err, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotCreate_WithoutTo_EndsAtTheStartOfTodayMinusFollowUpDays()
    {
        // The shipped config keeps 14 follow-up days. (A run across midnight UTC would see two different days.)
        var expected = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-14);
        var created = Path.Combine(_dir, "default-end.json");

        var (code, _, err) = Run("create", "--pilot", "demo", "--from", "2025-04-07", "--out", created);

        Assert.True(code == 0, err);
        var period = JsonNode.Parse(File.ReadAllBytes(created))!["period"]!;
        Assert.Equal(expected, DateTimeOffset.Parse((string)period["to"]!, CultureInfo.InvariantCulture));
        Assert.True((bool)period["defaultEnd"]!);
        Assert.Contains("the end is the default (the start of today, UTC, minus followUpDays = 14)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotCreate_WithoutToFromToday_ExitsOneSayingTheDefaultEndIsNotAfterFrom()
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (code, _, err) = Run("create", "--pilot", "demo", "--from", today);

        Assert.Equal(1, code);
        Assert.Contains("400", err, StringComparison.Ordinal);
        Assert.Contains("not given, so the period ends at the default end", err, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotCreate_MissingPilot_ExitsTwoWithUsage()
    {
        var (code, _, err) = Run("create", "--from", "2025-04-01", "--to", "2025-05-01");

        Assert.Equal(2, code);
        Assert.Contains("missing --pilot", err, StringComparison.Ordinal);
    }
}
