namespace EvalFramework.Playback;

/// <summary>Where a playback is: how far simulated time has come and what happened to the events so far.</summary>
/// <param name="SimulatedTime">The time of the last event recorded.</param>
/// <param name="Cases">Cases opened.</param>
/// <param name="Events">Events recorded on the tracker.</param>
/// <param name="Sent">Events the collector stored (accepted or already held).</param>
/// <param name="Rejected">Events refused as invalid, by the SDK's check or the collector.</param>
/// <param name="Dropped">Events lost unjudged (a full queue, or shutdown ran out of time).</param>
/// <param name="Retries">Times a batch was sent again after a transient failure.</param>
/// <param name="Elapsed">Real time since playback started.</param>
public sealed record PlaybackStatus(
    DateTimeOffset SimulatedTime, long Cases, long Events, long Sent, long Rejected, long Dropped, long Retries, TimeSpan Elapsed)
{
    /// <summary>Events stored per real second.</summary>
    public double SentPerSecond => Elapsed > TimeSpan.Zero ? Sent / Elapsed.TotalSeconds : 0;
}
