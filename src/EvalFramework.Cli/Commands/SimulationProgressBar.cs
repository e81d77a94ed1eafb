using System.Globalization;
using EvalFramework.Playback;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// Progress of <c>evalctl simulate</c> on standard error, shown only once the run has taken longer than a delay: on a
/// terminal a bar redrawn in place (at most ten times a second), elsewhere a plain line per tenth of the period.
/// The counts shown are <paramref name="total"/>'s (all the run's players), read when a report comes.
/// </summary>
internal sealed class SimulationProgressBar(TextWriter err, bool terminal, DateTimeOffset start, DateTimeOffset end, TimeSpan showAfter,
    Func<PlaybackStatus> total) : IProgress<PlaybackStatus>
{
    private const int Width = 30;
    private int _lastTenth;
    private TimeSpan? _lastDrawn;
    private bool _drawn;

    public void Report(PlaybackStatus value)
    {
        if (value.Elapsed < showAfter)
        {
            return;
        }

        var counts = total();

        var fraction = Math.Clamp((value.SimulatedTime - start) / (end - start), 0, 1);
        if (terminal)
        {
            if (_lastDrawn is { } last && value.Elapsed - last < TimeSpan.FromMilliseconds(100))
            {
                return;
            }

            _lastDrawn = value.Elapsed;
            var filled = (int)(fraction * Width);
            err.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,3:F0}%  {value.SimulatedTime:yyyy-MM-dd}  {counts.Cases} cases, {counts.Sent} events sent "));
            _drawn = true;
            return;
        }

        var tenth = (int)(fraction * 10);
        if (tenth > _lastTenth)
        {
            _lastTenth = tenth;
            err.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"evalctl simulate: {tenth * 10}% (up to {value.SimulatedTime:yyyy-MM-dd}): {counts.Cases} cases, {counts.Sent} events sent"));
        }
    }

    /// <summary>Ends the bar's line.</summary>
    public void Finish()
    {
        if (_drawn)
        {
            err.WriteLine();
        }
    }
}
