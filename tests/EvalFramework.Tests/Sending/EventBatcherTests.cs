using System.Text.Json;
using System.Threading.Channels;
using EvalFramework.Contract;
using EvalFramework.Sending;
using EvalFramework.Telemetry;
using EvalFramework.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace EvalFramework.Tests.Sending;

/// <summary>The batcher alone: what it makes of a batch taken from the queue, with no transport or buffer behind it.</summary>
public sealed class EventBatcherTests : IDisposable
{
    private readonly Channel<WireEvent> _queue = Channel.CreateBounded<WireEvent>(1000);
    private readonly TrackerStatistics _statistics = new();
    private readonly TestMeterFactory _meterFactory = new();

    public void Dispose() => _meterFactory.Dispose();

    private EventBatcher Create(int maxBatchSize, Func<WireEvent, DateTimeOffset, List<string>?> validate)
    {
        var settings = new SenderSettings(
            new Uri("http://collector.test:5080/api/v1/events"),
            TestTrackers.ApiKey,
            QueueCapacity: 1000,
            MaxBatchSize: maxBatchSize,
            FlushInterval: TimeSpan.Zero,
            RequestTimeout: TimeSpan.FromSeconds(10),
            MaxRetryDelay: TimeSpan.FromMilliseconds(50),
            SpillDirectory: null,
            MaxSpillBytes: 1024 * 1024);
        var metrics = new EvalFrameworkSdkMetrics(_meterFactory, () => _queue.Reader.Count, () => 0);
        return new EventBatcher(_queue.Reader, settings, TimeProvider.System, new DeliveryLedger(_statistics, metrics), NullLogger.Instance, validate);
    }

    private void Queue(int seconds, string model)
    {
        var e = new WireEvent
        {
            Type = EventTypes.AiUsage, Time = DateTimeOffset.UtcNow, Pilot = TestTrackers.Pilot, CaseId = "case-1", Model = model, Seconds = seconds,
        };
        Assert.True(_queue.Writer.TryWrite(e));
        _statistics.AddQueued();
    }

    private static List<double> Seconds(PendingBody body)
    {
        var batch = JsonSerializer.Deserialize(body.Body, ContractJsonContext.Default.EventBatch)!;
        Assert.Equal(body.Count, batch.Events!.Count);
        return [.. batch.Events!.Select(e => e.Seconds!.Value)];
    }

    [Fact]
    public async Task Cut_BatchOverOneMiB_SplitIntoBodiesUnderTheLimitInOrderAndAnOversizedEventRefusedAlone()
    {
        // Twenty events of 120 kB each (2.4 MB) cannot travel in one body; event 7 alone is over 1 MiB.
        var batcher = Create(maxBatchSize: 20, (_, _) => null);
        for (var i = 1; i <= 20; i++)
        {
            Queue(i, new string('m', i == 7 ? EventBatch.MaxBytes + 1 : 120_000));
        }

        await batcher.FillAsync(CancellationToken.None);
        var refused = batcher.Cut();

        Assert.Equal(1, refused);
        Assert.Equal(1, _statistics.Rejected);
        Assert.Equal(0, batcher.Filling);
        Assert.True(batcher.Pending.Count >= 3, $"{batcher.Pending.Count} bodies");
        Assert.All(batcher.Pending, p => Assert.InRange(p.Body.Length, 1, EventBatch.MaxBytes));
        Assert.Equal(Enumerable.Range(1, 20).Where(i => i != 7).Select(i => (double)i), batcher.Pending.SelectMany(Seconds));
        Assert.Equal(19, batcher.PendingEvents);
    }

    [Fact]
    public async Task Cut_InvalidEventsAmongValid_RefusedAloneTheRestInOneBodyWithIds()
    {
        var batcher = Create(maxBatchSize: 10, (e, _) => e.Seconds is 3 or 8 ? ["seconds: refused for the test"] : null);
        for (var i = 1; i <= 10; i++)
        {
            Queue(i, "gpt-4o-mini");
        }

        await batcher.FillAsync(CancellationToken.None);
        var refused = batcher.Cut();

        Assert.Equal(2, refused);
        Assert.Equal(2, _statistics.Rejected);
        var body = Assert.Single(batcher.Pending);
        Assert.Equal(new double[] { 1, 2, 4, 5, 6, 7, 9, 10 }, Seconds(body));
        var ids = JsonSerializer.Deserialize(body.Body, ContractJsonContext.Default.EventBatch)!.Events!.Select(e => e.Id).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void TryCutQueued_MoreThanABatchQueued_CutsABatchAtATimeThenFalse()
    {
        var batcher = Create(maxBatchSize: 10, (_, _) => null);
        for (var i = 1; i <= 25; i++)
        {
            Queue(i, "gpt-4o-mini");
        }

        var cuts = new List<int>();
        while (batcher.TryCutQueued(out var refused))
        {
            Assert.Equal(0, refused);
            cuts.Add(batcher.Pending[^1].Count);
        }

        Assert.Equal([10, 10, 5], cuts);
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (double)i), batcher.Pending.SelectMany(Seconds));
        Assert.Equal(0, batcher.Discard());
    }
}
