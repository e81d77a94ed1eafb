using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;

namespace EvalFramework.Collector.Tests.Reports;

/// <summary>A collector with the shipped config holding six weeks of a simulated two-arm pilot, and one snapshot of it.</summary>
public sealed class SimulatedReportFixture : IAsyncLifetime
{
    public SnapshotCollectorFactory Collector { get; } = new();

    public SimulatedPilot Pilot { get; } = new(seed: 8, from: new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-80), TimeSpan.Zero), weeks: 6, casesPerWeek: 20);

    public string SnapshotId { get; private set; } = "";

    public byte[] SnapshotBytes { get; private set; } = [];

    public JsonNode Snapshot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var client = Collector.ClientWith(Collector.AdminKey);
        await PostAsync(client, Pilot);
        (SnapshotId, SnapshotBytes) = await CreateSnapshotAsync(client, Pilot.From, Pilot.To);
        Snapshot = JsonNode.Parse(SnapshotBytes)!;
    }

    public Task DisposeAsync()
    {
        Collector.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Posts every event of the pilot; each batch must be accepted whole.</summary>
    public static async Task PostAsync(HttpClient client, SimulatedPilot pilot)
    {
        foreach (var batch in pilot.Batches())
        {
            var response = await client.PostAsync("/api/v1/events", Events.Json(batch));
            var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.True(response.StatusCode == HttpStatusCode.OK && answer!["rejected"]!.AsArray().Count == 0, answer?.ToJsonString());
        }
    }

    /// <summary>Makes a snapshot of pilot demo; returns its id and bytes.</summary>
    public static async Task<(string Id, byte[] Bytes)> CreateSnapshotAsync(HttpClient client, DateTimeOffset from, DateTimeOffset to)
    {
        var body = new JsonObject { ["pilot"] = SnapshotCollectorFactory.Pilot, ["from"] = Events.Time(from), ["to"] = Events.Time(to) };
        var response = await client.PostAsync("/api/v1/snapshots", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return ((string)JsonNode.Parse(bytes)!["id"]!, bytes);
    }
}
