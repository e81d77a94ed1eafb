using Microsoft.Extensions.Logging;

namespace EvalFramework.Sending;

/// <summary>
/// The delivery buffer without a spill folder (or after the folder failed): the batch in hand waits in memory while
/// its bodies are sent, each retried with backoff until the collector takes or refuses it. Meanwhile the queue fills,
/// and what does not fit is dropped and counted where events are recorded.
/// </summary>
internal sealed class MemoryDelivery(EventBatcher batcher, BatchTransport transport, DeliveryLedger ledger, ILogger logger) : IDeliveryBuffer
{
    /// <inheritdoc />
    public bool WantsBatch => true;

    /// <summary>
    /// Cuts the batch filled (if any) and sends every pending body (bodies a failed spill left come first). A failure
    /// of the pipeline itself refuses what is left of the batch and never stops the sender.
    /// </summary>
    public async Task<bool> DeliverAsync(CancellationToken token)
    {
        var taken = batcher.Filling + batcher.PendingEvents;
        long done = 0;
        try
        {
            var refused = batcher.Filling > 0 ? batcher.Cut() : 0;
            while (batcher.Pending.Count > 0)
            {
                var body = batcher.Pending[0];
                await transport.SendWithRetryAsync(body, token).ConfigureAwait(false);
                batcher.Pending.RemoveAt(0);
                ledger.Processed(body.Count);
                done += body.Count;
            }

            ledger.Processed(refused);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
        {
            var left = batcher.Abandon();
            Log.SenderFailed(logger, (int)left, exception);
            ledger.Rejected(left);
            ledger.Processed(taken - done);
        }

        return true;
    }
}
