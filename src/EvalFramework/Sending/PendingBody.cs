namespace EvalFramework.Sending;

/// <summary>A serialized <see cref="Contract.EventBatch"/>, exactly as it will be posted or spilled.</summary>
/// <param name="Body">The JSON body, at most <see cref="Contract.EventBatch.MaxBytes"/>.</param>
/// <param name="Count">How many events it holds.</param>
internal readonly record struct PendingBody(byte[] Body, int Count);
