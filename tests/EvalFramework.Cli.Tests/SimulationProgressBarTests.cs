using EvalFramework.Cli.Commands;
using EvalFramework.Playback;

namespace EvalFramework.Cli.Tests;

public sealed class SimulationProgressBarTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static PlaybackStatus At(double days, double seconds, long sent) =>
        new(Start.AddDays(days), Cases: sent / 5, Events: sent, Sent: sent, Rejected: 0, Dropped: 0, Retries: 0, TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Report_Terminal_RedrawsOneBarInPlaceAtMostTenTimesASecond()
    {
        using var err = new StringWriter();
        var bar = new SimulationProgressBar(err, terminal: true, Start, Start.AddDays(10), TimeSpan.FromSeconds(1), () => At(0, 0, 1234));

        bar.Report(At(1, 0.5, 0));   // before the first second: nothing
        bar.Report(At(5, 1.2, 0));
        bar.Report(At(6, 1.25, 0));  // 50 ms after the last drawing: skipped
        bar.Report(At(9, 1.4, 0));
        bar.Finish();

        var text = err.ToString();
        Assert.Equal(2, text.Count(c => c == '\r'));
        Assert.Contains("\r[###############...............]  50%  2025-03-06  246 cases, 1234 events sent", text, StringComparison.Ordinal);
        Assert.Contains("\r[###########################...]  90%  2025-03-10", text, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_NotATerminal_OneLinePerTenth()
    {
        using var err = new StringWriter();
        var bar = new SimulationProgressBar(err, terminal: false, Start, Start.AddDays(10), TimeSpan.Zero, () => At(0, 0, 500));

        foreach (var day in new[] { 0.5, 1.2, 1.9, 2.1, 4.5, 9.99 })
        {
            bar.Report(At(day, 1, 0));
        }

        bar.Finish();

        var lines = err.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["evalctl simulate: 10% (up to 2025-03-02): 100 cases, 500 events sent", "evalctl simulate: 20% (up to 2025-03-03): 100 cases, 500 events sent",
            "evalctl simulate: 40% (up to 2025-03-05): 100 cases, 500 events sent", "evalctl simulate: 90% (up to 2025-03-10): 100 cases, 500 events sent"], lines);
    }
}
