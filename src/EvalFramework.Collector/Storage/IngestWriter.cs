using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Storage;

/// <summary>
/// The single writer. Requests queue their validated events; the writer drains whatever is waiting into one
/// transaction (group commit) and answers every request only after that transaction is durably committed.
/// </summary>
internal sealed partial class IngestWriter : BackgroundService
{
    private readonly Channel<WriteRequest> _requests = Channel.CreateBounded<WriteRequest>(
        new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly ICollectorDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger<IngestWriter> _logger;
    private readonly int _maxEventsPerTransaction;
    private readonly ICommitObserver[] _observers;

    public IngestWriter(ICollectorDatabase database, TimeProvider time, IOptions<StorageOptions> options, ILogger<IngestWriter> logger,
        IEnumerable<ICommitObserver>? observers = null)
    {
        _observers = [.. observers ?? []];
        _database = database;
        _time = time;
        _logger = logger;
        _maxEventsPerTransaction = Math.Max(1, options.Value.MaxEventsPerTransaction);
    }

    /// <summary>Requests waiting for the writer.</summary>
    public int QueueDepth => _requests.Reader.Count;

    /// <summary>Whether the writer loop is running.</summary>
    public bool IsRunning => ExecuteTask is { IsCompleted: false };

    /// <summary>Stores the events; for each, whether it was new (false: its id was already stored).</summary>
    /// <exception cref="StorageUnavailableException">The writer is stopping or the database failed.</exception>
    public async Task<bool[]> WriteAsync(IReadOnlyList<PendingEvent> events, string keyName, CancellationToken cancellationToken)
    {
        var request = new WriteRequest(events, keyName);
        try
        {
            await _requests.Writer.WriteAsync(request, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new StorageUnavailableException("the collector is shutting down");
        }

        // Once queued, the request is written even if the client goes away: never abandon a commit half-way.
        return await request.Completion.Task;
    }

    // Microsoft.Data.Sqlite runs synchronously, and so does the writer on PostgreSQL: the loop holds one pool thread.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(Run, CancellationToken.None);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _requests.Writer.TryComplete();
        if (ExecuteTask is { } running)
        {
            await running.WaitAsync(cancellationToken);
        }
    }

    private async Task Run()
    {
        using var writer = _database.OpenWriter();
        var group = new List<WriteRequest>();
        while (await _requests.Reader.WaitToReadAsync(CancellationToken.None))
        {
            group.Clear();
            var events = 0;
            while (events < _maxEventsPerTransaction && _requests.Reader.TryRead(out var request))
            {
                group.Add(request);
                events += request.Events.Count;
            }

            if (!TryCommit(writer, group))
            {
                // The database refused the group: isolate the request it refused, the others still deserve their answer.
                foreach (var request in group)
                {
                    TryCommit(writer, [request]);
                }
            }
        }
    }

    /// <summary>Commits the group and answers its requests; false when the database refused the group and it should be split.</summary>
    private bool TryCommit(IEventBatchWriter writer, List<WriteRequest> group)
    {
        try
        {
            var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var startTimestamp = Stopwatch.GetTimestamp();
            var results = writer.Commit(group, nowMs);
            Notify(new StorageCommit(startTimestamp, group, results, writer.Started)); // once, when stored; never throws
            for (var r = 0; r < group.Count; r++)
            {
                group[r].Completion.TrySetResult(results[r]);
            }

            return true;
        }
        catch (Exception ex)
        {
            LogCommitFailed(ex, group.Count);

            // A database that is down answers every request alike: one at a time would only wait for it once more each.
            var unavailable = ex is DbException db && _database.IsUnavailable(db);
            if (group.Count > 1 && !unavailable)
            {
                return false;
            }

            foreach (var request in group)
            {
                request.Completion.TrySetException(new StorageUnavailableException(
                    unavailable ? "the database is unavailable" : "the database refused the write", ex));
            }

            return true;
        }
    }

    /// <summary>Tells every observer of the commit; what one throws costs its own work, never the writer or an answer.</summary>
    private void Notify(in StorageCommit commit)
    {
        foreach (var observer in _observers)
        {
            try
            {
                observer.Committed(commit);
            }
            catch (Exception ex)
            {
                LogObserverFailed(ex, observer.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Observer} failed on a commit; the events are stored")]
    private partial void LogObserverFailed(Exception exception, string observer);

    [LoggerMessage(Level = LogLevel.Error, Message = "Commit of {Requests} ingest request(s) failed; the transaction was rolled back")]
    private partial void LogCommitFailed(Exception exception, int requests);
}
