using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>Snapshots from the store: one suite, run on SQLite and on PostgreSQL (<see cref="StorageSuites"/>).</summary>
// The variants declare the two class fixtures (C# cannot say both here, for type parameters).
public abstract class SnapshotsApiTests<TCollector, TConfigured>(TCollector collector, TConfigured configured)
    where TCollector : CollectorFactory
    where TConfigured : SnapshotCollectorFactory
{
    private const string CaseType = "building-permit-question";
    private readonly TCollector _collector = collector;
    private readonly TConfigured _configured = configured;

    private static JsonObject Review(string caseId, bool correct, string pilot = CollectorFactory.PilotA)
    {
        var e = Base("quality.review", caseId, pilot);
        e["correct"] = correct;
        e["consistent"] = correct;
        return e;
    }

    private static JsonObject WithPilot(JsonObject e, string pilot)
    {
        e["pilot"] = pilot;
        return e;
    }

    /// <summary>A case id of the shape the SDK sends: 64 lower-case hex digits (here the SHA-256 of a name).</summary>
    private static string Pseudonym(string name) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private static StringContent Body(string pilot, string from, string to) =>
        new(new JsonObject { ["pilot"] = pilot, ["from"] = from, ["to"] = to }.ToJsonString(), Encoding.UTF8, "application/json");

    private static JsonObject Metric(JsonNode snapshot, string arm, string metric) =>
        snapshot["caseTypes"]!.AsArray().Single(c => (string)c!["caseType"]! == CaseType)!["arms"]!.AsArray()
            .Single(a => (string)a!["arm"]! == arm)!["metrics"]![metric]!.AsObject();

    [StorageFact]
    public async Task CreateSnapshot_TwoArms_ValuesByHandInJsonAndCsvAndBytesNeverChange()
    {
        // Arrange: a week in January 2025; manual lead times 600..2400 s, effort 100..400 s; AI 300..900 s, effort 50 s.
        using var client = _collector.ClientWith(_collector.WriterKey);
        var from = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
        var events = new List<JsonNode>();
        for (var i = 0; i < 4; i++)
        {
            var caseId = $"snap-m{i}";
            events.Add(Started(caseId, CaseType, "manual", from.AddHours(i)));
            events.Add(Effort(caseId, 100 * (i + 1)));
            events.Add(Completed(caseId, at: from.AddHours(i).AddSeconds(600 * (i + 1))));
            events.Add(Review(caseId, correct: true));
        }

        for (var i = 0; i < 3; i++)
        {
            var caseId = $"snap-a{i}";
            events.Add(Started(caseId, CaseType, "ai_assisted", from.AddHours(i)));
            events.Add(Effort(caseId, 50));
            events.Add(Completed(caseId, at: from.AddHours(i).AddSeconds(300 * (i + 1))));
        }

        events.Add(Review("snap-a0", correct: false));
        events.Add(Started("snap-outside", CaseType, "manual", from.AddDays(8)));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync([.. events])).StatusCode);

        // Act
        var created = await client.PostAsync("/api/v1/snapshots", Body("pilot-a", "2025-01-06", "2025-01-13T00:00:00Z"));
        var createdBytes = await created.Content.ReadAsByteArrayAsync();
        var snapshot = JsonNode.Parse(createdBytes)!;
        var id = (string)snapshot["id"]!;

        // Assert: the numbers, by hand
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/snapshots/" + id, created.Headers.Location!.OriginalString);
        Assert.Equal(4, (double)Metric(snapshot, "manual", "cases_completed")["value"]!);
        Assert.Equal(4, (double)Metric(snapshot, "manual", "throughput_per_week")["value"]!);
        Assert.Equal(1500, (double)Metric(snapshot, "manual", "lead_time_seconds_median")["value"]!);
        Assert.Equal(1500, (double)Metric(snapshot, "manual", "lead_time_seconds_mean")["value"]!);
        Assert.Equal(250, (double)Metric(snapshot, "manual", "effort_seconds_mean")["value"]!);
        Assert.Equal(0, (double)Metric(snapshot, "manual", "error_rate")["value"]!);
        Assert.Equal(1, (double)Metric(snapshot, "ai_assisted", "error_rate")["value"]!);
        Assert.Equal(600, (double)Metric(snapshot, "ai_assisted", "lead_time_seconds_median")["value"]!);
        // The test config prices handler time at 600 SEK/h and has no fixed costs: 250 s of effort cost 41.67 SEK.
        Assert.Equal(250.0 * 600 / 3600, (double)Metric(snapshot, "manual", "cost_per_case_sek")["value"]!, 9);
        var effort = snapshot["caseTypes"]![0]!["comparisons"]!.AsArray().Single(c => (string)c!["metric"]! == "effort_seconds_mean")!;
        Assert.Equal(-200, (double)effort["difference"]!, 9);
        Assert.Equal("insufficient_data", (string)effort["verdict"]!);
        Assert.DoesNotContain(snapshot["dataQuality"]!["warnings"]!.AsArray(), w => ((string)w!).Contains("no evaluation config", StringComparison.Ordinal));
        Assert.Matches("^[0-9a-f]{64}$", (string)snapshot["methodology"]!["configSha256"]!);
        Assert.Matches("^[0-9a-f]{64}$", (string)snapshot["dataSha256"]!);

        using var reader = _collector.ClientWith(_collector.ReaderKey);
        var csv = await reader.GetStringAsync($"/api/v1/snapshots/{id}?format=csv");
        Assert.StartsWith("case_type,arm,metric,value,ci_low,ci_high,n\n", csv, StringComparison.Ordinal);
        Assert.Contains("\nbuilding-permit-question,manual,cases_completed,4,,,4\n", csv, StringComparison.Ordinal);
        Assert.Contains("\nbuilding-permit-question,ai_assisted vs manual,effort_seconds_mean.verdict,insufficient_data,,,3\n", csv, StringComparison.Ordinal);
        Assert.Contains("\n_pilot,_all,maintenance_hours,0,,,0\n", csv, StringComparison.Ordinal);

        var list = await (await reader.GetAsync("/api/v1/snapshots?pilot=pilot-a")).ReadObjectAsync();
        Assert.Contains(list["snapshots"]!.AsArray(), s => (string)s!["id"]! == id);

        // Recomputed from the same data and config: the same hash and the same numbers (only id and createdAt differ).
        var same = JsonNode.Parse(await (await client.PostAsync("/api/v1/snapshots", Body("pilot-a", "2025-01-06", "2025-01-13"))).Content.ReadAsByteArrayAsync())!;
        Assert.NotEqual(id, (string)same["id"]!);
        Assert.Equal((string)snapshot["dataSha256"]!, (string)same["dataSha256"]!);
        Assert.Equal(snapshot["caseTypes"]!.ToJsonString(), same["caseTypes"]!.ToJsonString());
        Assert.Equal(snapshot["dataQuality"]!.ToJsonString(), same["dataQuality"]!.ToJsonString());

        // More data arrives for a case of the period and a new case starts in it: the stored snapshot is unchanged.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Effort("snap-m0", 999), Started("snap-late", CaseType, "ai_assisted", from.AddDays(1)))).StatusCode);
        var again = await reader.GetByteArrayAsync($"/api/v1/snapshots/{id}");
        Assert.Equal(createdBytes, again);
        var recomputed = JsonNode.Parse(await (await client.PostAsync("/api/v1/snapshots", Body("pilot-a", "2025-01-06", "2025-01-13"))).Content.ReadAsByteArrayAsync())!;
        Assert.NotEqual((string)snapshot["dataSha256"]!, (string)recomputed["dataSha256"]!);
    }

    [StorageFact]
    public async Task CreateSnapshot_AssignedCasesOneNonCompliant_ByAssignedArmWithComplianceAndAsTreated()
    {
        // A week in March 2023; effort seconds (assigned → used): manual → manual 100, 200; manual → ai_assisted 40;
        // ai_assisted → ai_assisted 50, 70. By assigned arm: manual mean 340/3, ai_assisted 60, difference −160/3;
        // as treated: manual 150, ai_assisted 160/3, difference −290/3.
        using var client = _collector.ClientWith(_collector.WriterKey);
        var from = new DateTimeOffset(2023, 3, 6, 0, 0, 0, TimeSpan.Zero);
        var events = new List<JsonNode>();
        foreach (var (i, assigned, arm, seconds) in new[] { (0, "manual", "manual", 100), (1, "manual", "manual", 200),
                     (2, "manual", "ai_assisted", 40), (3, "ai_assisted", "ai_assisted", 50), (4, "ai_assisted", "ai_assisted", 70) })
        {
            var caseId = $"asg-snap-{i}";
            var started = Started(caseId, CaseType, arm, from.AddHours(i));
            started["assignment"] = new JsonObject { ["unit"] = "team", ["unitId"] = assigned == "manual" ? "permits" : "social", ["assignedArm"] = assigned };
            events.Add(started);
            events.Add(Effort(caseId, seconds));
            events.Add(Completed(caseId, at: from.AddHours(i).AddMinutes(30)));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync([.. events])).StatusCode);

        var created = await client.PostAsync("/api/v1/snapshots", Body("pilot-a", "2023-03-06", "2023-03-13"));
        var snapshot = JsonNode.Parse(await created.Content.ReadAsByteArrayAsync())!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var compliance = snapshot["compliance"]!;
        Assert.Equal("team", (string)compliance["unit"]!);
        Assert.Equal("""{"ai_assisted":2,"manual":3}""", compliance["assignedCases"]!.ToJsonString());
        Assert.Equal("""{"ai_assisted":0,"manual":1}""", compliance["nonCompliant"]!.ToJsonString());
        Assert.Equal(0, (long)compliance["withoutAssignment"]!);
        Assert.Equal(340.0 / 3, (double)Metric(snapshot, "manual", "effort_seconds_mean")["value"]!, 9);
        var effort = snapshot["caseTypes"]![0]!["comparisons"]!.AsArray().Single(c => (string)c!["metric"]! == "effort_seconds_mean")!;
        Assert.Equal((3, 2), ((int)effort["baselineN"]!, (int)effort["treatmentN"]!));
        Assert.Equal(-160.0 / 3, (double)effort["difference"]!, 9);
        Assert.Equal(-290.0 / 3, (double)effort["asTreated"]!["difference"]!, 9);
        Assert.Contains(snapshot["dataQuality"]!["warnings"]!.AsArray(),
            w => ((string)w!).StartsWith("1 of 5 assigned case(s) (20.0 %) were handled in another arm than assigned", StringComparison.Ordinal));
    }

    [StorageFact]
    public async Task CreateSnapshot_MaintenanceHoursWholeThenFractional_Summed()
    {
        // JSON 2 is stored as an integer and 1.5 as a real: the read must not take its column type from the first row.
        using var client = _collector.ClientWith(_collector.WriterKey);
        var at = new DateTimeOffset(2024, 3, 4, 10, 0, 0, TimeSpan.Zero);
        JsonObject Maintenance(double hours, int minute)
        {
            var e = Base("pilot.maintenance", caseId: null, at: at.AddMinutes(minute));
            e["hours"] = hours;
            e["kind"] = "prompt-update";
            return e;
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Maintenance(2, 0), Maintenance(1.5, 1), Started("maint-case", CaseType, "manual", at))).StatusCode);
        var created = await client.PostAsync("/api/v1/snapshots", Body("pilot-a", "2024-03-04", "2024-03-11"));
        var snapshot = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var hours = snapshot["pilotMetrics"]!.AsArray().First(m => (string)m!["metric"]! == "maintenance_hours")!;
        Assert.Equal(3.5, (double)hours["value"]!);
    }

    [StorageFact]
    public async Task CreateSnapshot_OneOffTrainingBeforeThePeriod_AmortisedIntoItsOverhead()
    {
        // The test config has maintenance 750 SEK/h, training a one-off kind amortised over 12 months, and no fixed costs.
        using var client = _collector.ClientWith(_collector.WriterKey);
        JsonObject Maintenance(double hours, string kind, DateTimeOffset at)
        {
            var e = Base("pilot.maintenance", caseId: null, at: at);
            e["hours"] = hours;
            e["kind"] = kind;
            e["arm"] = "ai_assisted";
            return e;
        }

        var at = new DateTimeOffset(2024, 3, 4, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(
            Maintenance(12, "training", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)),
            Maintenance(5, "prompt-update", new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero)),
            Started("oneoff-case", CaseType, "ai_assisted", at),
            Completed("oneoff-case", at: at.AddMinutes(30)))).StatusCode);

        var created = await client.PostAsync("/api/v1/snapshots", Body("pilot-a", "2024-03-04", "2024-03-11"));
        var snapshot = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;

        // The training (12 h × 750 = 9 000 SEK) is spread over 2024-01-01 → 2025-01-01, 366 days; 7 of them are in the
        // period: 9 000 × 7/366 = 172.131147540984 SEK (python3), all on the arm's one closed case. The earlier prompt
        // update is not one-off: it belongs to February, not to this period, and neither event is in its hours.
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(172.13114754098362, (double)Metric(snapshot, "ai_assisted", "overhead_per_case_sek")["value"]!, 9);
        var hours = snapshot["pilotMetrics"]!.AsArray().First(m => (string)m!["metric"]! == "maintenance_hours")!;
        Assert.Equal(0, (double)hours["value"]!);
    }

    [StorageTheory]
    [InlineData("Pilot-A", "2025-01-01", "2025-02-01", "pilot")]
    [InlineData("pilot-a", "yesterday", "2025-02-01", "from")]
    [InlineData("pilot-a", "12/03/2026", "2026-12-31", "from")]
    [InlineData("pilot-a", "2025-02-01", "2025-01-01", "to")]
    [InlineData("pilot-a", "2025-02-01", "2025-02-01", "to")]
    [InlineData("pilot-a", "0001-01-01", "2025-02-01", "from")] // before Unix time zero (it gave a 500)
    [InlineData("pilot-a", "1969-12-31", "2025-02-01", "from")]
    [InlineData("pilot-a", "2025-01-01", "9999-12-31", "to")] // in the future (the largest date gave a 500)
    [InlineData("pilot-a", "2025-01-01", "2100-01-01", "to")] // in the future: overhead over days that have not happened
    public async Task CreateSnapshot_BadInput_400NamingTheField(string pilot, string from, string to, string field)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);

        var response = await client.PostAsync("/api/v1/snapshots", Body(pilot, from, to));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]![field]);
    }

    [StorageTheory]
    [InlineData("{\"pilot\": 5, \"from\": \"2025-01-01\", \"to\": \"2025-02-01\"}", "pilot")]
    [InlineData("{\"pilot\": \"pilot-a\", \"from\": 20250101, \"to\": \"2025-02-01\"}", "from")]
    [InlineData("{\"pilot\": \"pilot-a\", \"from\": \"2025-01-01\", \"to\": \"2025-02-01\", \"followUpDays\": 0}", "body")]
    [InlineData("{\"pilot\": \"pilot-a\", \"from\": \"2025-01-01\", \"anna.svensson@example.se\": 1}", "body")]
    public async Task CreateSnapshot_WrongTypeOrUnknownKey_400NamingTheFieldNeverTheKeySent(string json, string field)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);

        var response = await client.PostAsync("/api/v1/snapshots", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(System.Text.Json.Nodes.JsonNode.Parse(text)!["errors"]![field]);
        Assert.DoesNotContain("anna", text, StringComparison.Ordinal);
        Assert.DoesNotContain("followUpDays", text, StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task CreateSnapshot_ReadOnlyKey_403()
    {
        using var reader = _collector.ClientWith(_collector.ReaderKey);

        var response = await reader.PostAsync("/api/v1/snapshots", Body("pilot-a", "2025-01-01", "2025-02-01"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [StorageFact]
    public async Task CreateSnapshot_Made_ExportedAsGaugesOnMetrics()
    {
        const string GaugeCaseType = "direct-procurement-advice";
        using var client = _collector.ClientWith(_collector.WriterKey);
        var from = new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
        var events = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            events.Add(Started($"gauge-m{i}", GaugeCaseType, "manual", from.AddHours(i)));
            events.Add(Effort($"gauge-m{i}", 200));
            events.Add(Completed($"gauge-m{i}", at: from.AddHours(i).AddMinutes(20)));
            events.Add(Started($"gauge-a{i}", GaugeCaseType, "ai_assisted", from.AddHours(i)));
            events.Add(Effort($"gauge-a{i}", 100));
            events.Add(Completed($"gauge-a{i}", at: from.AddHours(i).AddMinutes(10)));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync([.. events])).StatusCode);

        var created = await client.PostAsync("/api/v1/snapshots", Body("pilot-a", "2025-03-03", "2025-03-04"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var scrape = await client.GetStringAsync("/metrics");

        // Mean effort of the AI arm: three cases of 100 s each.
        Assert.Contains(scrape.Split('\n'), line => line.StartsWith("evalfw_snapshot_value{", StringComparison.Ordinal)
            && line.Contains($"case_type=\"{GaugeCaseType}\"", StringComparison.Ordinal) && line.Contains("arm=\"ai_assisted\"", StringComparison.Ordinal)
            && line.Contains("metric=\"effort_seconds_mean\"", StringComparison.Ordinal) && line.EndsWith(" 100", StringComparison.Ordinal));
        Assert.Contains(scrape.Split('\n'), line => line.StartsWith("evalfw_snapshot_comparison_verdict{", StringComparison.Ordinal)
            && line.Contains($"case_type=\"{GaugeCaseType}\"", StringComparison.Ordinal));
    }

    [StorageFact]
    public async Task GetSnapshot_UnknownId_404Problem()
    {
        using var reader = _collector.ClientWith(_collector.ReaderKey);

        var response = await reader.GetAsync("/api/v1/snapshots/snap-does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [StorageFact]
    public async Task StoredSnapshot_UpdatedInTheDatabase_RefusedAndTheSameBytesServed()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var created = await client.PostAsync("/api/v1/snapshots", Body(CollectorFactory.PilotA, "2024-06-01", "2024-06-08"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bytes = await created.Content.ReadAsByteArrayAsync();
        var id = (string)System.Text.Json.Nodes.JsonNode.Parse(bytes)!["id"]!;

        using (var connection = _collector.OpenStore())
        using (var update = connection.Command("UPDATE snapshots SET body = @body WHERE id = @id", ("@body", new byte[] { 0x7b, 0x7d }), ("@id", id)))
        {
            var refused = Assert.ThrowsAny<System.Data.Common.DbException>(() => update.ExecuteNonQuery());
            Assert.Contains("snapshots are immutable", refused.Message, StringComparison.Ordinal);
        }

        Assert.Equal(bytes, await client.GetByteArrayAsync("/api/v1/snapshots/" + id));
    }

    [StorageFact]
    public async Task CreateSnapshot_WithEvaluationConfig_CostsAndEnergyByHand()
    {
        // One manual case with one hour of handlaggare effort (650 SEK/h) in a 7-day period of February 2025 (28 days):
        // the manual arm's only closed case, so it bears the period's 7/28 of the manual knowledge-base licence
        // (4000 SEK/month), 1000 SEK. Energy 150 W × 1 h.
        using var client = _configured.ClientWith(_configured.AdminKey);
        const string Demo = SnapshotCollectorFactory.Pilot;
        var start = new DateTimeOffset(2025, 2, 3, 9, 0, 0, TimeSpan.Zero);
        var (manual, ai) = (Pseudonym("cost-m"), Pseudonym("cost-a")); // the demo pilot takes pseudonymous case ids only
        var manualEffort = WithPilot(Effort(manual, 3600, "handlaggare"), Demo);
        var aiEffort = WithPilot(Effort(ai, 1800, "handlaggare"), Demo);
        var usage = WithPilot(AiUsage(ai, "mistral-small-3.1", input: 1_000_000, output: 1_000_000), Demo);
        var response = await client.PostAsync(
            Started(manual, CaseType, "manual", start, Demo), manualEffort, WithPilot(Completed(manual, at: start.AddHours(2)), Demo),
            Started(ai, CaseType, "ai_assisted", start, Demo), aiEffort, usage, WithPilot(Completed(ai, at: start.AddHours(1)), Demo));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var created = await client.PostAsync("/api/v1/snapshots", Body(Demo, "2025-02-03", "2025-02-10"));
        var snapshot = JsonNode.Parse(await created.Content.ReadAsByteArrayAsync())!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(650 + (4000 * 7 / 28.0), (double)Metric(snapshot, "manual", "cost_per_case_sek")["value"]!, 6);
        Assert.Equal(4000 * 7 / 28.0, (double)Metric(snapshot, "manual", "overhead_per_case_sek")["value"]!, 6);
        Assert.Equal(150, (double)Metric(snapshot, "manual", "energy_wh_per_case")["value"]!, 6);
        Assert.Equal(6, (double)Metric(snapshot, "manual", "co2e_g_per_case")["value"]!, 6);
        // AI arm: 0.5 h × 650 + 1.05 + 3.15 SEK of tokens + 7/28 of 35 000 SEK of AI-arm fixed costs for its one case.
        Assert.Equal(325 + 1.05 + 3.15 + (35_000 * 7 / 28.0), (double)Metric(snapshot, "ai_assisted", "cost_per_case_sek")["value"]!, 6);
        Assert.Matches("^[0-9a-f]{64}$", (string)snapshot["methodology"]!["configSha256"]!);
        Assert.Equal(0.5, (double)snapshot["dataQuality"]!["sampleRatio"]!["expectedShares"]!["manual"]!);
    }

    [StorageTheory]
    [InlineData("a", "b", -1)]
    [InlineData("ab", "a", 1)]
    [InlineData("\uFFFF", "\U0001F600", -1)]
    public void Utf8Order_AsSqliteBinaryCollation_OrdersByCodePoint(string a, string b, int sign)
    {
        Assert.Equal(sign, Math.Sign(EvalFramework.Collector.Storage.CaseRecordMerge.Utf8Order(a, b)));
        Assert.Equal(sign, Math.Sign(Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b))));
    }
}
