namespace EvalFramework.Collector.Storage;

/// <summary>
/// Told of every group commit of the ingest writer, once it is durable and before its requests are answered (so an
/// answer is never ahead of what observers saw). Runs on the writer thread: keep it short. The writer logs and swallows
/// what an observer throws; the events are stored whatever it does.
/// </summary>
internal interface ICommitObserver
{
    /// <summary>A group commit has been made durable.</summary>
    void Committed(in StorageCommit commit);
}
