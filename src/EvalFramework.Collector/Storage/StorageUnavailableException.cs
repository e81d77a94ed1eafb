namespace EvalFramework.Collector.Storage;

/// <summary>The store could not take the write now; the client should retry (503).</summary>
internal sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
