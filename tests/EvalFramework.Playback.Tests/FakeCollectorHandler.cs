using System.Net;
using System.Text;
using System.Text.Json;

namespace EvalFramework.Playback.Tests;

/// <summary>
/// Answers every batch as the collector would when it stores every event, and keeps what it received and when, by
/// <paramref name="clock"/> (the system's by default). <paramref name="delay"/> makes it a slow collector: a real wait
/// before each answer, so the sender's queue fills while the collector takes its time.
/// </summary>
internal sealed class FakeCollectorHandler(TimeSpan? delay = null, TimeProvider? clock = null) : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly List<(string Type, DateTimeOffset Time, DateTimeOffset Received)> _events = [];

    public int Requests { get; private set; }

    public IReadOnlyList<(string Type, DateTimeOffset Time, DateTimeOffset Received)> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var received = (clock ?? TimeProvider.System).GetUtcNow();
        if (delay is { } d)
        {
            await Task.Delay(d, cancellationToken);
        }

        using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
        var events = body.RootElement.GetProperty("events");
        lock (_lock)
        {
            Requests++;
            foreach (var e in events.EnumerateArray())
            {
                _events.Add((e.GetProperty("type").GetString()!, e.GetProperty("time").GetDateTimeOffset(), received));
            }
        }

        var answer = "{\"accepted\":" + events.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"duplicates\":0,\"rejected\":[]}";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
    }
}
