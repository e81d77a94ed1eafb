using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using EvalFramework.Contract;
using EvalFramework.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;
using Microsoft.Data.Sqlite;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>Acknowledged means on disk: SIGKILL the collector mid-stream, restart it, and every acknowledged event is there once.</summary>
public sealed class CrashDurabilityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Collector_KilledMidStream_EveryAcknowledgedEventStoredExactlyOnce()
    {
        await using var collector = new CollectorProcess();
        var acknowledged = new ConcurrentBag<string>();
        var sent = 0;
        const int Cycles = 20;

        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            await collector.StartAsync();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                using var client = collector.CreateClient();
                while (!stop.IsCancellationRequested)
                {
                    var batch = NewBatch(50, ref sent);
                    try
                    {
                        var response = await client.PostAsJsonAsync("api/v1/events", batch, ContractJsonContext.Default.EventBatch);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            var answer = await response.Content.ReadFromJsonAsync(ContractJsonContext.Default.IngestResponse);
                            Assert.Equal(batch.Events!.Count, answer!.Accepted + answer.Duplicates);
                            foreach (var e in batch.Events)
                            {
                                acknowledged.Add(e.Id!);
                            }
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or SocketException)
                    {
                        // The collector died under this request (the socket can fail before HttpClient wraps the
                        // error): not acknowledged, so no promise was made.
                    }
                }
            })).ToArray();

            await Task.Delay(TimeSpan.FromMilliseconds(600 + (cycle * 37 % 500)));
            collector.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await collector.StartAsync();
        var stored = StoredIds(collector.DatabasePath);

        output.WriteLine($"{Cycles} kills; {sent} events sent, {acknowledged.Count} acknowledged, {stored.Count} stored");
        Assert.True(acknowledged.Count > 1000, $"the stream was too thin to mean anything: {acknowledged.Count} acknowledged");
        var missing = acknowledged.Where(id => !stored.ContainsKey(id)).ToList();
        Assert.Empty(missing);
        Assert.All(stored, pair => Assert.Equal(1, pair.Value));
    }

    private static EventBatch NewBatch(int size, ref int counter)
    {
        var events = new List<WireEvent>(size);
        for (var i = 0; i < size; i++)
        {
            var n = Interlocked.Increment(ref counter);
            events.Add(new WireEvent
            {
                Id = "crash-" + n.ToString(CultureInfo.InvariantCulture),
                Type = EventTypes.HumanEffort,
                Time = DateTimeOffset.UtcNow.AddSeconds(-1),
                Pilot = "e2e",
                CaseId = "case-" + (n / 10).ToString(CultureInfo.InvariantCulture),
                Role = "handler",
                Seconds = 30,
            });
        }

        return new EventBatch { Events = events };
    }

    private static Dictionary<string, int> StoredIds(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id, COUNT(*) FROM events GROUP BY event_id";
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids[reader.GetString(0)] = reader.GetInt32(1);
        }

        return ids;
    }
}
