using EvalFramework.Sending;
using EvalFramework.Telemetry;
using EvalFramework.Tests.Support;

namespace EvalFramework.Tests.Sending;

public sealed class DeliveryLedgerTests : IDisposable
{
    private readonly TestMeterFactory _meterFactory = new();
    private readonly TrackerStatistics _statistics = new();

    public void Dispose() => _meterFactory.Dispose();

    private DeliveryLedger Create() => new(_statistics, new EvalFrameworkSdkMetrics(_meterFactory, () => 0, () => 0));

    [Fact]
    public void FlushAsync_CompletesOnlyOnceTheTargetIsProcessed()
    {
        var ledger = Create();
        var flush = ledger.FlushAsync(10, CancellationToken.None);
        Assert.True(ledger.FlushRequested.IsCompleted, "a waiting flush cuts the batch");

        ledger.Processed(9);
        Assert.False(flush.IsCompleted);
        ledger.Processed(1);

        Assert.True(flush.IsCompletedSuccessfully);
        Assert.False(ledger.FlushRequested.IsCompleted, "no flush waits any more: the signal is re-armed");
        Assert.True(ledger.FlushAsync(10, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public void Finish_ReleasesWaitingAndLaterFlushes()
    {
        var ledger = Create();
        var flush = ledger.FlushAsync(5, CancellationToken.None);

        ledger.Finish();

        Assert.True(flush.IsCompletedSuccessfully);
        Assert.True(ledger.FlushAsync(1000, CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public void Stop_KeepsTheFlushSignalSetAndSignalsStop()
    {
        var ledger = Create();

        ledger.Stop();
        ledger.Processed(3);

        Assert.True(ledger.Stopping);
        Assert.True(ledger.StopRequested.IsCompleted);
        Assert.True(ledger.FlushRequested.IsCompleted, "while stopping every batch is cut at once");
    }

    [Fact]
    public void Outcomes_CountedInTheTrackerStatistics()
    {
        var ledger = Create();

        ledger.Sent(4);
        ledger.Rejected(2);
        ledger.Dropped(3, DropReasons.Shutdown);
        ledger.Spilled(5);
        ledger.Retried();
        ledger.Sent(0);

        Assert.Equal((4, 2, 3, 5, 1), (_statistics.Sent, _statistics.Rejected, _statistics.Dropped, _statistics.Spilled, _statistics.Retries));
    }
}
