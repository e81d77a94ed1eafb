namespace EvalFramework.Tests.Support;

internal static class OptionsExtensions
{
    public static void CopyTo(this EvalFrameworkOptions source, EvalFrameworkOptions target)
    {
        target.CollectorUri = source.CollectorUri;
        target.ApiKey = source.ApiKey;
        target.Pilot = source.Pilot;
        target.PseudonymKey = source.PseudonymKey;
        target.QueueCapacity = source.QueueCapacity;
        target.MaxBatchSize = source.MaxBatchSize;
        target.FlushInterval = source.FlushInterval;
        target.RequestTimeout = source.RequestTimeout;
        target.MaxRetryDelay = source.MaxRetryDelay;
        target.ShutdownTimeout = source.ShutdownTimeout;
        target.SpillDirectory = source.SpillDirectory;
        target.MaxSpillBytes = source.MaxSpillBytes;
    }
}
