using Microsoft.Extensions.Logging;

namespace EvalFramework.Sending;

/// <summary>
/// The delivery buffer without a spill folder (or after the folder failed): the batch in hand waits in memory while
/// its bodies are sent, each retried with backoff until the collector takes or refuses it. Meanwhile the queue fills,
/// and what does not fit is dropped and counted where events are recorded.
/// </summary>
internal sealed class MemoryDelivery(EventBatcher batcher, BatchTransport transport, DeliveryLedger ledger, ILogger logger)
{
    /// <summary>Delivers batch after batch until the queue is completed and empty.</summary>
    /// <param name="token">Cancelled when shutdown runs out of time; what is left is counted by the caller.</param>
    public async Task RunAsync(CancellationToken token)
    {
        // Bodies a failed spill left in memory come first, each counted as done on its own.
        while (batcher.Pending.Count > 0)
        {
            var body = batcher.Pending[0];
            await transport.SendWithRetryAsync(body, token).ConfigureAwait(false);
            batcher.Pending.RemoveAt(0);
            ledger.Processed(body.Count);
        }

        while (await batcher.WaitToReadAsync(token).ConfigureAwait(false))
        {
            await batcher.FillAsync(token).ConfigureAwait(false);
            long taken = batcher.Filling;
            long done = 0;
            try
            {
                var refused = batcher.Cut();
                while (batcher.Pending.Count > 0)
                {
                    var body = batcher.Pending[0];
                    await transport.SendWithRetryAsync(body, token).ConfigureAwait(false);
                    batcher.Pending.RemoveAt(0);
                    ledger.Processed(body.Count);
                    done += body.Count;
                }

                ledger.Processed(refused);
                done += refused;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
            {
                var left = batcher.Abandon();
                Log.SenderFailed(logger, (int)left, exception);
                ledger.Rejected(left);
                ledger.Processed(taken - done);
            }
        }
    }
}
