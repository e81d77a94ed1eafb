using System.Net;
using System.Net.Http.Json;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>One suite, run on SQLite and on PostgreSQL (<see cref="StorageSuites"/>).</summary>
public abstract class PurgeTests<TCollector>(TCollector collector) : IClassFixture<TCollector>
    where TCollector : CollectorFactory
{
    private readonly TCollector _collector = collector;

    [StorageFact]
    public async Task Purge_Before_DeletesOlderCasesWithAllTheirEventsAndKeepsNewer()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var now = DateTimeOffset.UtcNow;
        var old = "purge-old-" + Guid.NewGuid().ToString("N");
        var recent = "purge-new-" + Guid.NewGuid().ToString("N");
        var staffSurvey = OneOfEachType()[9];
        staffSurvey["time"] = Time(now.AddDays(-40));
        await client.PostAsync(Started(old, at: now.AddDays(-40)), Effort(old), Completed(old), Started(recent, at: now.AddDays(-1)), Effort(recent), staffSurvey);

        var response = await client.PostAsJsonAsync("/api/v1/purge", new { pilot = CollectorFactory.PilotA, before = Time(now.AddDays(-30)) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadObjectAsync();
        Assert.True(result["casesDeleted"]!.GetValue<int>() >= 1);
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM cases WHERE case_id = @c", ("@c", old)));
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", old)));
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM case_records WHERE case_id = @c", ("@c", old)));
        Assert.Equal(1L, _collector.Scalar("SELECT COUNT(*) FROM case_records WHERE case_id = @c", ("@c", recent)));
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE event_id = @id", ("@id", staffSurvey["id"]!.GetValue<string>())));
        Assert.Equal(1L, _collector.Scalar("SELECT COUNT(*) FROM cases WHERE case_id = @c", ("@c", recent)));
        Assert.Equal(2L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", recent)));
    }

    [StorageFact]
    public async Task Purge_WithoutAdminRight_403AndNothingDeleted()
    {
        using var reader = _collector.ClientWith(_collector.ReaderKey);
        var before = _collector.Count("events");

        var response = await reader.PostAsJsonAsync("/api/v1/purge", new { pilot = CollectorFactory.PilotA, before = "2100-01-01" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, _collector.Count("events"));
    }

    [StorageTheory]
    [InlineData("{\"before\": \"2025-01-01\"}", "pilot")]
    [InlineData("{\"pilot\": \"pilot-a\", \"before\": \"last tuesday\"}", "before")]
    [InlineData("{\"pilot\": \"pilot-a\", \"before\": \"12/03/2026\"}", "before")]
    public async Task Purge_BadRequest_400NamesField(string body, string field)
    {
        using var client = _collector.ClientWith(_collector.WriterKey);

        var response = await client.PostAsync("/api/v1/purge", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey(field));
    }
}
