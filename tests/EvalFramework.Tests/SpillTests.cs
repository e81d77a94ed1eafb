using System.Diagnostics.Metrics;
using EvalFramework.Sending;
using EvalFramework.Telemetry;
using EvalFramework.Tests.Support;
using Microsoft.Extensions.Logging;

namespace EvalFramework.Tests;

public sealed class SpillTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "evalfw-spill-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    [Fact]
    public async Task Spill_CollectorDownThenUp_SendsEverythingOnceInOrderWithSameIds()
    {
        var collector = new SwitchableCollector();
        await using var tracker = Create(collector.Handler);

        Record(tracker, 1, 500);
        await WaitUntil(() => tracker.Statistics.Spilled == 500);

        Assert.Empty(collector.Handler.Stored);
        Assert.NotEmpty(SegmentFiles());
        Assert.Equal(0, tracker.Statistics.Dropped);
        collector.Up = true;
        await tracker.FlushWithin();

        var stored = collector.Handler.Stored;
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (double)i), stored.Select(e => e.Seconds!.Value));
        var attemptedIds = collector.Handler.Requests.SelectMany(r => r.Events).Select(e => e.Id).ToHashSet();
        Assert.Equal(stored.Select(e => e.Id).ToHashSet(), attemptedIds);
        Assert.Equal(500, tracker.Statistics.Sent);
        Assert.Equal(0, tracker.Statistics.Dropped);
        Assert.True(tracker.Statistics.Retries > 0);
        Assert.Empty(SegmentFiles());
    }

    [Fact]
    public async Task Spill_CollectorUp_SendsWithoutTouchingTheDisk()
    {
        var collector = new SwitchableCollector { Up = true };
        await using var tracker = Create(collector.Handler);

        Record(tracker, 1, 50);
        await tracker.FlushWithin();

        Assert.Equal(50, collector.Handler.Stored.Count);
        Assert.Equal(0, tracker.Statistics.Spilled);
        Assert.Empty(SegmentFiles());
    }

    [Fact]
    public async Task Spill_RequestHangsWhileQueueFills_SpillsInsteadOfDroppingAndSendsEachOnce()
    {
        // Request 0 hangs while 1,000 events arrive at a queue of 100: once it is half full they go to disk, behind
        // request 0's batch.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new RecordingHandler { BeforeAnswer = (n, ct) => n == 0 ? release.Task.WaitAsync(ct) : Task.CompletedTask };
        await using var tracker = Create(handler, o => o.QueueCapacity = 100);
        Record(tracker, 1, 10);
        await WaitUntil(() => handler.Requests.Count == 1);

        for (var first = 11; first <= 1000; first += 10)
        {
            // At most 80 waiting in memory before the next 10 (the queue holds 100): the test paces itself by the
            // spill, so a spill thread the machine leaves waiting for a while is not mistaken for a drop.
            await WaitUntil(() => tracker.Statistics.Spilled >= first - 1 - 10 - 80);
            Record(tracker, first, 10);
        }

        await WaitUntil(() => tracker.Statistics.Spilled >= 900); // below half the queue, events wait in memory
        Assert.Equal(0, tracker.Statistics.Dropped);
        release.SetResult();
        await tracker.FlushWithin();

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (double)i), handler.Stored.Select(e => e.Seconds!.Value));
        Assert.Equal(1000, tracker.Statistics.Sent);
        Assert.Equal(1000, handler.Requests.Sum(r => r.Events.Count)); // request 0's batch, spilled ahead, was not sent twice
        Assert.Empty(SegmentFiles());
    }

    [Fact]
    public async Task Spill_CapReached_DropsOldestAndCounts()
    {
        // 8,000 events are about 2 MiB of JSON; the cap is 1 MiB (64 KiB segments), so the oldest go.
        using var meterFactory = new TestMeterFactory();
        long droppedSpillFull = 0;
        long droppedOther = 0;
        long spillBytes = -1;
        long spilled = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "evalfw.sdk.events.dropped")
            {
                var reason = tags.ToArray().Single(t => t.Key == "reason").Value as string;
                Interlocked.Add(ref reason == DropReasons.SpillFull ? ref droppedSpillFull : ref droppedOther, value);
            }
            else if (instrument.Name == "evalfw.sdk.events.spilled")
            {
                Interlocked.Add(ref spilled, value);
            }
            else if (instrument.Name == "evalfw.sdk.spill.size")
            {
                Interlocked.Exchange(ref spillBytes, value);
            }
        });
        listener.Start();
        var collector = new SwitchableCollector();
        await using var tracker = Create(collector.Handler, o => o.MaxSpillBytes = 1024 * 1024, meterFactory);

        Record(tracker, 1, 8000);
        await WaitUntil(() => tracker.Statistics.Spilled == 8000);
        listener.RecordObservableInstruments();

        var dropped = tracker.Statistics.Dropped;
        Assert.InRange(dropped, 1000, 7000);
        Assert.Equal(dropped, Interlocked.Read(ref droppedSpillFull));
        Assert.Equal(0, Interlocked.Read(ref droppedOther));
        var onDisk = SegmentFiles().Sum(f => new FileInfo(f).Length);
        Assert.InRange(onDisk, 1, 1024 * 1024);
        Assert.Equal(onDisk, Interlocked.Read(ref spillBytes));
        Assert.Equal(8000, Interlocked.Read(ref spilled));

        collector.Up = true;
        await tracker.FlushWithin();

        // What survives is the newest events, in order, with nothing missing in between.
        var kept = collector.Handler.Stored.Select(e => e.Seconds!.Value).ToList();
        Assert.Equal(Enumerable.Range((int)dropped + 1, 8000 - (int)dropped).Select(i => (double)i), kept);
    }

    [Fact]
    public async Task Spill_LeftoversOfEarlierProcess_SentFirstAtStart()
    {
        var down = new SwitchableCollector();
        await using (var first = Create(down.Handler))
        {
            Record(first, 1, 300);
            await WaitUntil(() => first.Statistics.Spilled == 300);
        }

        Assert.NotEmpty(SegmentFiles());
        var up = new SwitchableCollector { Up = true };
        await using var second = Create(up.Handler);
        Record(second, 301, 10);

        await WaitUntil(() => up.Handler.Stored.Count == 310);
        Assert.Equal(Enumerable.Range(1, 310).Select(i => (double)i), up.Handler.Stored.Select(e => e.Seconds!.Value));
        var attempted = down.Handler.Requests.SelectMany(r => r.Events).Select(e => e.Id).Distinct().ToList();
        Assert.NotEmpty(attempted);
        Assert.Equal(attempted, up.Handler.Stored.Take(attempted.Count).Select(e => e.Id));
        await second.FlushWithin();
        Assert.Empty(SegmentFiles());
    }

    [Fact]
    public async Task Spill_ProcessDiesWithSegmentOpen_NextProcessSendsEverythingSpilled()
    {
        // A crash is simulated by copying the folder while the first tracker still runs (its segment open, never
        // fsynced or closed): records are handed to the OS as written, so the copy holds every spilled event.
        var down = new SwitchableCollector();
        await using var first = Create(down.Handler);
        Record(first, 1, 300);
        await WaitUntil(() => first.Statistics.Spilled == 300);
        var crashed = Path.Combine(_directory, "crashed");
        Directory.CreateDirectory(crashed);
        foreach (var file in SegmentFiles())
        {
            File.Copy(file, Path.Combine(crashed, Path.GetFileName(file)));
        }

        var up = new SwitchableCollector { Up = true };
        await using var second = TestTrackers.Create(up.Handler, o =>
        {
            Spilling(o);
            o.SpillDirectory = crashed;
        });

        await WaitUntil(() => up.Handler.Stored.Count == 300);
        Assert.Equal(Enumerable.Range(1, 300).Select(i => (double)i), up.Handler.Stored.Select(e => e.Seconds!.Value));
    }

    [Fact]
    public async Task Spill_EventWithNonAsciiDigitsAmongOthers_LoopGoesOnAndSendsTheRest()
    {
        // The guard once threw FormatException on Arabic-Indic digits: the spilling loop died and nothing after the
        // event was sent again. Now the event is refused and every other one, before and after it, arrives.
        var collector = new SwitchableCollector { Up = true };
        await using var tracker = Create(collector.Handler);

        Record(tracker, 1, 25);
        using (var tracked = tracker.Case("ref-spill"))
        {
            tracked.RecordAiUsage("model \u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666", 10, 5);
        }

        Record(tracker, 26, 25);
        await tracker.FlushWithin();
        collector.Up = false;
        Record(tracker, 51, 25);
        await WaitUntil(() => tracker.Statistics.Spilled > 0);
        collector.Up = true;
        Record(tracker, 76, 25);
        await tracker.FlushWithin();

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (double)i), collector.Handler.Stored.Select(e => e.Seconds!.Value));
        Assert.Equal(1, tracker.Statistics.Rejected);
        Assert.Equal(100, tracker.Statistics.Sent);
    }

    [Fact]
    public async Task Spill_DisposedWhileCollectorDown_KeepsQueuedEventsOnDiskInsteadOfDropping()
    {
        var collector = new SwitchableCollector();
        var first = Create(collector.Handler, o => o.FlushInterval = TimeSpan.FromSeconds(30));
        Record(first, 1, 250);
        await first.DisposeAsync();

        Assert.Equal(0, first.Statistics.Dropped);
        Assert.Equal(250, first.Statistics.Spilled);
        collector.Up = true;
        await using var second = Create(collector.Handler);
        await WaitUntil(() => collector.Handler.Stored.Count == 250);
    }

    [Fact]
    public async Task Spill_TruncatedTailAndDamagedRecord_SkippedWithLogAndTheRestSent()
    {
        var down = new SwitchableCollector();
        await using (var first = Create(down.Handler))
        {
            Record(first, 1, 300);
            await WaitUntil(() => first.Statistics.Spilled == 300);
        }

        // Flip a byte in the first record's payload (its checksum fails) and cut the last record short (a torn write).
        var segment = Assert.Single(SegmentFiles());
        var bytes = await File.ReadAllBytesAsync(segment);
        bytes[SpillStore.HeaderBytes + 20] ^= 0x5A;
        await File.WriteAllBytesAsync(segment, bytes[..^40]);
        var firstRecordEvents = BitConverter.ToInt32(bytes, 8);
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var up = new SwitchableCollector { Up = true };
        await using var second = CaseTracker.Create(TestTrackers.Options(o => Spilling(o)), loggerFactory, handler: up.Handler);

        await WaitUntil(() => SegmentFiles().Length == 0);

        var seconds = up.Handler.Stored.Select(e => e.Seconds!.Value).ToList();
        Assert.Equal(seconds.Order(), seconds);
        Assert.Equal(firstRecordEvents + 1.0, seconds[0]);
        Assert.True(seconds[^1] < 300, "the torn last record was sent");
        Assert.Equal(firstRecordEvents, second.Statistics.Dropped);
        Assert.Equal(2, logs.Messages.Count(m => m.Level == LogLevel.Warning && m.Message.Contains("unreadable part of spill segment", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Spill_FolderHeldByAnotherTracker_RunsInMemoryAndLogs()
    {
        var collector = new SwitchableCollector { Up = true };
        await using var holder = Create(collector.Handler);
        await WaitUntil(() => File.Exists(Path.Combine(_directory, SpillStore.LockFileName)));
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var second = CaseTracker.Create(TestTrackers.Options(o => Spilling(o)), loggerFactory, handler: collector.Handler);

        Record(second, 1, 20);
        await second.FlushWithin();

        Assert.Equal(20, second.Statistics.Sent);
        Assert.Contains(logs.Messages, m => m.Level == LogLevel.Error && m.Message.Contains("Spilling to", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("  ", EvalFrameworkOptions.DefaultMaxSpillBytes, "EvalFrameworkOptions:SpillDirectory")]
    [InlineData("spill", 1024 * 1024 - 1, "EvalFrameworkOptions:MaxSpillBytes")]
    [InlineData(null, 0, "EvalFrameworkOptions:MaxSpillBytes")]
    public void Create_InvalidSpillOptions_ThrowsNamingTheKey(string? directory, long maxBytes, string key)
    {
        var options = TestTrackers.Options(o =>
        {
            o.SpillDirectory = directory;
            o.MaxSpillBytes = maxBytes;
        });

        var exception = Assert.Throws<ArgumentException>(() => CaseTracker.Create(options, handler: new RecordingHandler()));

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_SpillingOffWith256MiBCap()
    {
        var options = new EvalFrameworkOptions();

        Assert.Null(options.SpillDirectory);
        Assert.Equal(256L * 1024 * 1024, options.MaxSpillBytes);
    }

    private static void Record(CaseTracker tracker, int first, int count)
    {
        using var tracked = tracker.Case("ref-spill");
        for (var i = first; i < first + count; i++)
        {
            tracked.RecordEffort("case-handler", TimeSpan.FromSeconds(i));
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(TestTrackers.Patience);
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }

    private void Spilling(EvalFrameworkOptions options)
    {
        options.SpillDirectory = _directory;
        options.MaxBatchSize = 10;
        options.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
    }

    private CaseTracker Create(RecordingHandler handler, Action<EvalFrameworkOptions>? configure = null, IMeterFactory? meterFactory = null) =>
        TestTrackers.Create(
            handler,
            o =>
            {
                Spilling(o);
                configure?.Invoke(o);
            },
            meterFactory);

    private string[] SegmentFiles() =>
        Directory.Exists(_directory) ? Directory.GetFiles(_directory, "*" + SpillStore.Extension) : [];

    /// <summary>A <see cref="RecordingHandler"/> that fails like an unreachable collector until <see cref="Up"/> is set.</summary>
    private sealed class SwitchableCollector
    {
        private volatile bool _up;

        public SwitchableCollector()
        {
            Handler = new RecordingHandler
            {
                BeforeAnswer = (_, _) => _up ? Task.CompletedTask : throw new HttpRequestException("connection refused"),
            };
        }

        public RecordingHandler Handler { get; }

        public bool Up
        {
            get => _up;
            set => _up = value;
        }
    }
}
