using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Evaluation.Configuration;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// Registering a pilot's analysis plan, snapshots stating the registration, and the default period end: one suite,
/// run on SQLite and on PostgreSQL (<see cref="StorageSuites"/>). Each test has a collector (and database) of its own,
/// since a registration is forever; the collector runs the shipped config (pilot <c>demo</c>, with an analysisPlan).
/// </summary>
public abstract class PlanRegistrationTests<TConfigured>
    where TConfigured : SnapshotCollectorFactory, new()
{
    private const string Pilot = SnapshotCollectorFactory.Pilot;

    private static readonly DateTimeOffset Registered = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The shipped config's plan for pilot demo, as the config loader makes it (the hash is the config's business, not this suite's).</summary>
    private static AnalysisPlan ShippedPlan()
    {
        var loaded = EvaluationConfigLoader.Parse(File.ReadAllText(RepoRoot.ShippedConfig), "evaluation.yaml");
        return loaded.Config!.FindPilot(Pilot)!.AnalysisPlan;
    }

    /// <summary>The collector on <paramref name="collector"/>'s database, with <paramref name="clock"/> and, if given, another config.</summary>
    private static WebApplicationFactory<Program> Running(TConfigured collector, SettableClock clock, string? configPath = null) =>
        collector.WithWebHostBuilder(b =>
        {
            if (configPath is not null)
            {
                b.UseSetting("Evaluation:ConfigPath", configPath);
            }

            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        });

    private static HttpClient Admin(WebApplicationFactory<Program> app, TConfigured collector)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", collector.AdminKey);
        return client;
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string? planSha256 = null)
    {
        var body = new JsonObject { ["pilot"] = Pilot };
        if (planSha256 is not null)
        {
            body["planSha256"] = planSha256;
        }

        return client.PostAsync("/api/v1/plans", Events.Json(body));
    }

    private static async Task<JsonNode> SnapshotAsync(HttpClient client, string from = "2026-01-05", string? to = "2026-01-12")
    {
        var body = new JsonObject { ["pilot"] = Pilot, ["from"] = from };
        if (to is not null)
        {
            body["to"] = to;
        }

        var response = await client.PostAsync("/api/v1/snapshots", Events.Json(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsByteArrayAsync())!;
    }

    private static List<string> Warnings(JsonNode snapshot) => [.. snapshot["dataQuality"]!["warnings"]!.AsArray().Select(w => (string)w!)];

    /// <summary>The shipped config with the demo plan's alpha 0.05 made 0.01, written to a temp file.</summary>
    private static string ChangedConfig()
    {
        var yaml = File.ReadAllText(RepoRoot.ShippedConfig);
        const string Alpha = "    analysisPlan:\n      alpha: 0.05\n";
        Assert.Contains(Alpha, yaml, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), "evalfw-tests", "changed-plan-" + Guid.NewGuid().ToString("N") + ".yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml.Replace(Alpha, "    analysisPlan:\n      alpha: 0.01\n", StringComparison.Ordinal));
        return path;
    }

    [StorageFact]
    public async Task RegisterPlan_TwiceTheSamePlan_201ThenThe200OfTheFirstRegistration()
    {
        using var collector = new TConfigured();
        var clock = new SettableClock(Registered);
        using var app = Running(collector, clock);
        using var admin = Admin(app, collector);
        var expected = ShippedPlan();

        var first = await RegisterAsync(admin);
        clock.Now = Registered.AddDays(3);
        var second = await RegisterAsync(admin, planSha256: expected.Sha256);
        using var reader = app.CreateClient();
        reader.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", collector.DemoReaderKey);
        var read = await reader.GetAsync("/api/v1/plans/" + Pilot);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("/api/v1/plans/" + Pilot, first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        foreach (var answer in new[] { await first.ReadObjectAsync(), await second.ReadObjectAsync(), await read.ReadObjectAsync() })
        {
            Assert.Equal(Pilot, (string)answer["pilot"]!);
            Assert.Equal(expected.Sha256, (string)answer["sha256"]!);
            Assert.Equal(Registered, DateTimeOffset.Parse((string)answer["registeredAt"]!, System.Globalization.CultureInfo.InvariantCulture));
            // The stored plan is what the hash is of: its bytes hash to the registered sha256.
            var plan = answer["plan"]!.ToJsonString();
            Assert.Equal(expected.Sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plan))));
            Assert.Equal(0.05, (double)answer["plan"]!["alpha"]!);
        }
    }

    [StorageFact]
    public async Task RegisterPlan_PlanShaOfAnotherConfig_409NamingBothHashesAndNothingRegistered()
    {
        using var collector = new TConfigured();
        using var app = Running(collector, new SettableClock(Registered));
        using var admin = Admin(app, collector);
        var other = new string('a', 64);

        var refused = await RegisterAsync(admin, planSha256: other);
        var read = await admin.GetAsync("/api/v1/plans/" + Pilot); // the admin key of this fixture may read too

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (string)(await refused.ReadObjectAsync())["detail"]!;
        Assert.Contains(ShippedPlan().Sha256, detail, StringComparison.Ordinal);
        Assert.Contains(other, detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(0L, Convert.ToInt64(collector.Scalar("SELECT COUNT(*) FROM plan_registrations"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [StorageTheory]
    [InlineData("""{"pilot": "Demo"}""", "pilot")]
    [InlineData("""{"pilot": "demo", "planSha256": "ABC"}""", "planSha256")]
    [InlineData("""[1]""", "body")]
    public async Task RegisterPlan_BadInput_400NamingTheField(string body, string field)
    {
        using var collector = new TConfigured();
        using var admin = collector.ClientWith(collector.AdminKey);

        var response = await admin.PostAsync("/api/v1/plans", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]![field]);
    }

    [StorageFact]
    public async Task Snapshots_BeforeAndAfterRegistration_ThenAChangedPlan_StateTheRegistrationAndWarn()
    {
        using var collector = new TConfigured();
        var clock = new SettableClock(Registered.AddDays(-1));
        var changedConfig = ChangedConfig();
        try
        {
            using var app = Running(collector, clock);
            using var admin = Admin(app, collector);
            var plan = ShippedPlan();

            // Before registration: no registration, and a warning that says so.
            var unregistered = await SnapshotAsync(admin);
            clock.Now = Registered;
            Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(admin)).StatusCode);
            clock.Now = Registered.AddHours(1);
            var registered = await SnapshotAsync(admin);
            clock.Now = Registered.AddSeconds(-1); // a snapshot made (by its clock) before the registration does not claim it
            var madeBefore = await SnapshotAsync(admin);

            // Another collector on the same database, whose config's plan has another alpha.
            clock.Now = Registered.AddDays(1);
            using var changedApp = Running(collector, clock, changedConfig);
            using var changedAdmin = Admin(changedApp, collector);
            var changed = await SnapshotAsync(changedAdmin);
            var refused = await RegisterAsync(changedAdmin);

            Assert.True(unregistered["analysisPlan"]!["registered"] is null);
            Assert.True(unregistered["analysisPlan"]!["changedAfterRegistration"] is null);
            Assert.Contains(Warnings(unregistered), w => w.StartsWith("the analysis plan is not registered", StringComparison.Ordinal));

            Assert.Equal(plan.Sha256, (string)registered["analysisPlan"]!["sha256"]!);
            Assert.Equal(plan.Sha256, (string)registered["analysisPlan"]!["registered"]!["sha256"]!);
            Assert.Equal("2026-03-02T09:30:00.000Z", (string)registered["analysisPlan"]!["registered"]!["at"]!);
            Assert.False((bool)registered["analysisPlan"]!["changedAfterRegistration"]!);
            Assert.DoesNotContain(Warnings(registered), w => w.Contains("analysis plan", StringComparison.Ordinal) && w.Contains("regist", StringComparison.Ordinal));

            Assert.True(madeBefore["analysisPlan"]!["registered"] is null);

            var changedSha = (string)changed["analysisPlan"]!["sha256"]!;
            Assert.NotEqual(plan.Sha256, changedSha);
            Assert.Equal(0.01, (double)changed["analysisPlan"]!["alpha"]!);
            Assert.Equal(plan.Sha256, (string)changed["analysisPlan"]!["registered"]!["sha256"]!);
            Assert.True((bool)changed["analysisPlan"]!["changedAfterRegistration"]!);
            Assert.Contains(Warnings(changed), w => w.StartsWith("analysis plan changed after data arrived", StringComparison.Ordinal));

            // The changed plan cannot be registered over the first: 409 naming the registered hash and time.
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var detail = (string)(await refused.ReadObjectAsync())["detail"]!;
            Assert.Contains("sha256 " + plan.Sha256 + ", registered 2026-03-02T09:30:00Z", detail, StringComparison.Ordinal);
            Assert.Contains(changedSha, detail, StringComparison.Ordinal);
            Assert.Contains("never replaced", detail, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(changedConfig);
        }
    }

    [StorageFact]
    public async Task StoredRegistration_UpdatedOrDeletedInTheDatabase_Refused()
    {
        using var collector = new TConfigured();
        using var admin = collector.ClientWith(collector.AdminKey);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(admin)).StatusCode);

        using var connection = collector.OpenStore();
        using var update = connection.Command("UPDATE plan_registrations SET plan_sha256 = @sha", ("@sha", new string('0', 64)));
        using var delete = connection.Command("DELETE FROM plan_registrations");

        Assert.Contains("never replaced", Assert.ThrowsAny<System.Data.Common.DbException>(() => update.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        Assert.Contains("never replaced", Assert.ThrowsAny<System.Data.Common.DbException>(() => delete.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        Assert.Equal(ShippedPlan().Sha256, (string)collector.Scalar("SELECT plan_sha256 FROM plan_registrations WHERE pilot = @pilot", ("@pilot", Pilot))!);
    }

    [StorageFact]
    public async Task CreateSnapshot_WithoutTo_EndsAtTheStartOfTodayMinusFollowUpDays()
    {
        // The shipped config keeps 14 follow-up days: made on 2026-03-20 at 15:00 UTC, the period ends at
        // 2026-03-20T00:00Z − 14 days = 2026-03-06T00:00Z (counted on a calendar, not by the code under test).
        using var collector = new TConfigured();
        using var app = Running(collector, new SettableClock(new DateTimeOffset(2026, 3, 20, 15, 0, 0, TimeSpan.Zero)));
        using var admin = Admin(app, collector);

        var snapshot = await SnapshotAsync(admin, from: "2026-02-01", to: null);
        var given = await SnapshotAsync(admin, from: "2026-02-01", to: "2026-03-10");
        var empty = await admin.PostAsync("/api/v1/snapshots", Events.Json(new JsonObject { ["pilot"] = Pilot, ["from"] = "2026-03-06" }));

        Assert.Equal("2026-02-01T00:00:00.000Z", (string)snapshot["period"]!["from"]!);
        Assert.Equal("2026-03-06T00:00:00.000Z", (string)snapshot["period"]!["to"]!);
        Assert.True((bool)snapshot["period"]!["defaultEnd"]!);
        Assert.Equal(14, (int)snapshot["settings"]!["followUpDays"]!);
        Assert.DoesNotContain(Warnings(snapshot), w => w.Contains("follow-up day", StringComparison.Ordinal));
        Assert.False((bool)given["period"]!["defaultEnd"]!);
        Assert.Contains(Warnings(given), w => w.Contains("follow-up day", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var error = (string)(await empty.ReadObjectAsync())["errors"]!["to"]![0]!;
        Assert.Contains("default end 2026-03-06", error, StringComparison.Ordinal);
        Assert.Contains("followUpDays = 14", error, StringComparison.Ordinal);
    }
}
