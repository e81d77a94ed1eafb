using System.Threading.Channels;
using EvalFramework.Contract;
using EvalFramework.Sending;
using EvalFramework.Telemetry;
using EvalFramework.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace EvalFramework.Tests;

/// <summary>
/// An event whose check or serialization throws is refused alone: the rest of its batch is sent, and the sender's loop
/// (the spilling one too) goes on with the events after it.
/// </summary>
public sealed class SenderFaultTests : IDisposable
{
    private const string Poison = "poison";
    private readonly string _spillDirectory = Path.Combine(Path.GetTempPath(), "evalfw-fault-tests", Guid.NewGuid().ToString("N"));
    private readonly Channel<WireEvent> _queue = Channel.CreateBounded<WireEvent>(1000);
    private readonly TrackerStatistics _statistics = new();
    private readonly TestMeterFactory _meterFactory = new();

    public void Dispose()
    {
        _meterFactory.Dispose();
        try
        {
            Directory.Delete(_spillDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private EventSender Start(RecordingHandler handler, bool spill, Func<WireEvent, DateTimeOffset, List<string>?> validate)
    {
        var settings = new SenderSettings(
            new Uri("http://collector.test:5080/api/v1/events"),
            TestTrackers.ApiKey,
            QueueCapacity: 1000,
            MaxBatchSize: 10,
            FlushInterval: TimeSpan.FromMinutes(10),
            RequestTimeout: TimeSpan.FromSeconds(10),
            MaxRetryDelay: TimeSpan.FromMilliseconds(50),
            SpillDirectory: spill ? _spillDirectory : null,
            MaxSpillBytes: 1024 * 1024);
        var client = new HttpClient(handler, disposeHandler: false);
        var metrics = new EvalFrameworkSdkMetrics(_meterFactory, () => _queue.Reader.Count, () => 0);
        var sender = new EventSender(_queue.Reader, () => client, settings, TimeProvider.System, _statistics, metrics, NullLogger.Instance, validate);
        sender.Start();
        return sender;
    }

    private void Record(EventSender sender, double seconds, string role = "handler")
    {
        var e = new WireEvent
        {
            Type = EventTypes.HumanEffort, Time = DateTimeOffset.UtcNow, Pilot = TestTrackers.Pilot, CaseId = "case-1", Role = role, Seconds = seconds,
        };
        Assert.True(_queue.Writer.TryWrite(e));
        sender.OnQueued(_statistics.AddQueued());
    }

    /// <summary>Records 1–30 with a poison event after every tenth, flushing after each ten, then stops.</summary>
    private async Task RecordWithPoison(EventSender sender, Action<EventSender> poison)
    {
        for (var i = 1; i <= 30; i++)
        {
            Record(sender, i);
            if (i % 10 == 5)
            {
                poison(sender);
            }

            if (i % 10 == 0)
            {
                await sender.FlushAsync(_statistics.Queued, CancellationToken.None).WaitAsync(TestTrackers.Patience);
            }
        }

        _queue.Writer.Complete();
        await sender.StopAsync(TestTrackers.Patience);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_CheckThrowsForAnEvent_OnlyThatEventRefusedAndEverythingElseSent(bool spill)
    {
        var handler = new RecordingHandler();
        var sender = Start(handler, spill, (e, now) => e.Role == Poison ? throw new FormatException("boom") : EventValidator.Validate(e, now));

        await RecordWithPoison(sender, s => Record(s, 99, Poison));

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (double)i), handler.Stored.Select(e => e.Seconds!.Value));
        Assert.Equal(3, _statistics.Rejected);
        Assert.Equal(30, _statistics.Sent);
        Assert.Equal(0, _statistics.Dropped);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_SerializationThrowsForAnEvent_OnlyThatEventRefusedAndEverythingElseSent(bool spill)
    {
        // With the check out of the way, a NaN makes System.Text.Json throw while writing the batch.
        var handler = new RecordingHandler();
        var sender = Start(handler, spill, (_, _) => null);

        await RecordWithPoison(sender, s => Record(s, double.NaN));

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (double)i), handler.Stored.Select(e => e.Seconds!.Value));
        Assert.Equal(3, _statistics.Rejected);
        Assert.Equal(30, _statistics.Sent);
        Assert.Equal(0, _statistics.Dropped);
    }
}
