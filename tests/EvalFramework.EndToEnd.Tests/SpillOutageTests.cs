using System.Diagnostics;
using System.Globalization;
using EvalFramework.EndToEnd.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>
/// The SDK against a real collector that is down for the first 40 % of the run and killed once more while the SDK
/// catches up: events spill to disk, go out in order once it is up, each is stored exactly once, and the SDK's memory
/// stays bounded meanwhile.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class SpillOutageTests(ITestOutputHelper output)
{
    private const int Cases = 1000;
    private const int EventsPerCase = 100;
    private const int Total = Cases * EventsPerCase;
    private const int RecordedWhileDown = 40_000;
    private const int KilledAfterSent = 30_000;
    private const long MemoryBound = 64L * 1024 * 1024; // live managed growth and GC heap peak, whole test process

    [Fact]
    public async Task Tracker_CollectorDownForFirst40000Of100000EventsThenKilledMidRecovery_StoresAllExactlyOnceInOrderWithBoundedMemory()
    {
        await using var collector = new CollectorProcess();
        var spillDirectory = Path.Combine(collector.DataDirectory, "spill");
        var options = new EvalFrameworkOptions
        {
            CollectorUri = collector.BaseAddress,
            ApiKey = collector.Key,
            Pilot = "e2e",
            PseudonymKey = "outage-test-pseudonym-key",
            SpillDirectory = spillDirectory,
            MaxBatchSize = 500,
            FlushInterval = TimeSpan.FromMilliseconds(200),
            MaxRetryDelay = TimeSpan.FromMilliseconds(500),
        };
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampling = new CancellationTokenSource();
        var peakHeap = 0L;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
                await Task.Delay(20, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        await using var tracker = CaseTracker.Create(options);
        Task? starting = null;
        long liveWhileDown = 0;
        TimeSpan spilledAt = default;

        for (var c = 0; c < Cases; c++)
        {
            using (var tracked = tracker.Case("outage-" + c.ToString(CultureInfo.InvariantCulture)))
            {
                for (var k = 0; k < EventsPerCase; k++)
                {
                    var i = (c * EventsPerCase) + k;
                    tracked.RecordEffort("handlaggare", TimeSpan.FromSeconds((i + 1) / 2.0)); // the index, recoverable from the row
                }
            }

            if ((c + 1) * EventsPerCase == RecordedWhileDown)
            {
                await WaitUntil(() => tracker.Statistics.Spilled == RecordedWhileDown, TimeSpan.FromSeconds(20), () => Describe(tracker.Statistics));
                spilledAt = clock.Elapsed;
                liveWhileDown = GC.GetTotalMemory(forceFullCollection: true) - baseline;
                starting = collector.StartAsync();
            }
            else
            {
                await Task.Delay(1); // a busy service, not a tight loop: at most 100 events a millisecond
            }
        }

        var recordedAt = clock.Elapsed;
        await starting!;
        var upAt = clock.Elapsed;

        // A second outage in the middle of the recovery: SIGKILL, so a request may die after its commit and before its
        // answer; the SDK resends it with the same ids and the collector's deduplication keeps one row per event.
        await WaitUntil(() => tracker.Statistics.Sent >= KilledAfterSent, TimeSpan.FromSeconds(30), () => Describe(tracker.Statistics));
        collector.Kill();
        var killedAt = clock.Elapsed;
        var sentAtKill = tracker.Statistics.Sent;
        await collector.StartAsync();
        var restartedAt = clock.Elapsed;
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await tracker.FlushAsync(deadline.Token);
        }

        var flushedAt = clock.Elapsed;
        var liveAtEnd = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        await sampling.CancelAsync();
        await sampler;
        var rows = StoredIndexes(collector.DatabasePath);
        var statistics = tracker.Statistics;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Total:N0} events; {statistics.Spilled:N0} spilled, {statistics.Sent:N0} sent, {statistics.Dropped} dropped, {statistics.Retries} retries; {rows.Count:N0} rows"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"40,000 spilled at {spilledAt.TotalSeconds:F1} s, all recorded at {recordedAt.TotalSeconds:F1} s, collector up at {upAt.TotalSeconds:F1} s, killed at {killedAt.TotalSeconds:F1} s ({sentAtKill:N0} sent), up again at {restartedAt.TotalSeconds:F1} s, all stored at {flushedAt.TotalSeconds:F1} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"live managed growth: {liveWhileDown / 1048576.0:F1} MiB while down, {liveAtEnd / 1048576.0:F1} MiB at the end; peak GC heap {peakHeap / 1048576.0:F1} MiB (baseline {baseline / 1048576.0:F1} MiB)"));

        Assert.Equal(0, statistics.Dropped);
        Assert.Equal(0, statistics.Rejected);
        Assert.Equal(Total, statistics.Queued);
        Assert.Equal(Total, statistics.Sent);
        Assert.InRange(statistics.Spilled, RecordedWhileDown, Total);
        Assert.Equal(Total, rows.Count);
        Assert.Equal(Enumerable.Range(0, Total), rows); // every event once, in the order recorded
        Assert.Empty(Directory.GetFiles(spillDirectory, "*.spill"));
        Assert.True(liveWhileDown < MemoryBound, $"live managed memory grew {liveWhileDown:N0} bytes while the collector was down");
        Assert.True(liveAtEnd < MemoryBound, $"live managed memory grew {liveAtEnd:N0} bytes by the end");
        Assert.True(peakHeap - baseline < MemoryBound, $"the GC heap peaked {peakHeap - baseline:N0} bytes above the baseline");
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan patience, Func<string> state)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < patience, "gave up waiting: " + state());
            await Task.Delay(10);
        }
    }

    private static string Describe(TrackerStatistics s) =>
        string.Create(CultureInfo.InvariantCulture, $"queued {s.Queued}, spilled {s.Spilled}, sent {s.Sent}, dropped {s.Dropped}, rejected {s.Rejected}, retries {s.Retries}");

    /// <summary>The recorded index of every stored human.effort event of the pilot, in storage (insertion) order.</summary>
    private static List<int> StoredIndexes(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_extract(body, '$.seconds') FROM events WHERE pilot = 'e2e' AND type = 'human.effort' ORDER BY seq";
        var indexes = new List<int>(Total);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            indexes.Add((int)Math.Round(reader.GetDouble(0) * 2) - 1);
        }

        return indexes;
    }
}
