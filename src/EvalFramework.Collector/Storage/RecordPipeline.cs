using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace EvalFramework.Collector.Storage;

/// <summary>
/// Feeds case records to an <see cref="ISnapshotDataSink"/> in a two-stage pipeline: the reading thread (the store's
/// producer) copies each record into reused chunks with <see cref="Add"/>, a second thread hands them to the sink (which
/// decodes, hashes and adds them), so on two cores reading and computing overlap. A few chunks are in flight at most (bounded memory); an error
/// on either side stops both and is thrown.
/// </summary>
internal sealed class RecordPipeline
{
    private const int ChunksInFlight = 3;

    private readonly BlockingCollection<RecordChunk> _full;
    private readonly BlockingCollection<RecordChunk> _free;
    private readonly CancellationToken _stop;
    private RecordChunk? _chunk;

    private RecordPipeline(BlockingCollection<RecordChunk> full, BlockingCollection<RecordChunk> free, CancellationToken stop)
    {
        (_full, _free, _stop) = (full, free, stop);
    }

    /// <summary>Runs <paramref name="produce"/> on this thread, which calls <see cref="Add"/> for each record in order.</summary>
    public static void Run(ISnapshotDataSink sink, Action<RecordPipeline> produce, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var full = new BlockingCollection<RecordChunk>(ChunksInFlight);
        using var free = new BlockingCollection<RecordChunk>(ChunksInFlight + 1);
        for (var i = 0; i <= ChunksInFlight; i++)
        {
            free.Add(new RecordChunk(), CancellationToken.None);
        }

        var compute = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in full.GetConsumingEnumerable(stop.Token))
                {
                    for (var i = 0; i < chunk.Count; i++)
                    {
                        sink.AddCaseRecord(chunk[i]);
                    }

                    chunk.Clear();
                    free.Add(chunk, stop.Token);
                }
            }
            catch
            {
                stop.Cancel(); // stops the reading side too
                throw;
            }
        }, CancellationToken.None);

        try
        {
            var pipeline = new RecordPipeline(full, free, stop.Token);
            produce(pipeline);
            pipeline.Finish();
        }
        catch
        {
            stop.Cancel();
            ((IAsyncResult)compute).AsyncWaitHandle.WaitOne(); // the sink and the chunks are in use until it ends
            if (compute.Exception?.InnerException is { } cause and not OperationCanceledException)
            {
                ExceptionDispatchInfo.Throw(cause); // the computing side failed first and stopped the read
            }

            throw;
        }

        compute.GetAwaiter().GetResult();
    }

    /// <summary>Copies one record into the current chunk, passing the chunk on when it is full.</summary>
    public void Add(ReadOnlySpan<byte> record)
    {
        _chunk ??= _free.Take(_stop);
        if (!_chunk.TryAdd(record))
        {
            _full.Add(_chunk, _stop);
            _chunk = _free.Take(_stop);
            _chunk.TryAdd(record);
        }
    }

    private void Finish()
    {
        if (_chunk is not null)
        {
            _full.Add(_chunk, _stop);
        }

        _full.CompleteAdding();
    }
}
