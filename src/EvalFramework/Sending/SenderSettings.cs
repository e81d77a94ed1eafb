namespace EvalFramework.Sending;

/// <summary>What the sender needs from the options, read once.</summary>
internal sealed record SenderSettings(
    Uri Endpoint,
    string ApiKey,
    int QueueCapacity,
    int MaxBatchSize,
    TimeSpan FlushInterval,
    TimeSpan RequestTimeout,
    TimeSpan MaxRetryDelay,
    string? SpillDirectory,
    long MaxSpillBytes);
