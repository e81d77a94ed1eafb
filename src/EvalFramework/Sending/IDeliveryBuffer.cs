namespace EvalFramework.Sending;

/// <summary>
/// The last stage of the sender: where the batcher's bodies (<see cref="EventBatcher.Pending"/>) wait until the
/// collector has them. In memory (<see cref="MemoryDelivery"/>) or on disk (<see cref="SpillDelivery"/>).
/// </summary>
internal interface IDeliveryBuffer
{
    /// <summary>Whether the buffer takes a fresh batch from the queue next; false while it works off a backlog of its own.</summary>
    bool WantsBatch { get; }

    /// <summary>
    /// One step: delivers the batch just filled (cutting it into bodies first), or works on the backlog (one attempt
    /// when it is due, else a wait for work).
    /// </summary>
    /// <param name="token">Cancelled when shutdown runs out of time.</param>
    /// <returns>False when the sender should stop now and leave the rest to the buffer.</returns>
    Task<bool> DeliverAsync(CancellationToken token);
}
