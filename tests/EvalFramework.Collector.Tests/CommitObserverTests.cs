using System.Text.Json;
using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Sqlite;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Contract;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// The ingest writer tells its <see cref="ICommitObserver"/>s of each durable commit: the stored and duplicate events and
/// the started cases, before it answers; an observer that throws costs its own work, never the commit or the answer.
/// </summary>
public sealed class CommitObserverTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "evalfw-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Committed_ObserverThrows_EventsStoredAndOtherObserverTold()
    {
        var options = Options.Create(new StorageOptions { SqlitePath = Path.Combine(_directory, "observer.db") });
        var database = new SqliteDatabase(options);
        database.Migrate();
        var seen = new Recorder();
        var writer = new IngestWriter(database, TimeProvider.System, options, NullLogger<IngestWriter>.Instance, [new Thrower(), seen]);
        await writer.StartAsync(CancellationToken.None);
        try
        {
            var started = Event("e1", EventTypes.CaseStarted, e => (e.CaseType, e.Arm) = ("t", "manual"));
            var first = await writer.WriteAsync([started], "k", CancellationToken.None);
            var again = await writer.WriteAsync([started, Event("e2", EventTypes.CaseEscalated, _ => { })], "k", CancellationToken.None);

            Assert.Equal([true], first);
            Assert.Equal([false, true], again);
            Assert.Equal(2, seen.Commits.Count);
            Assert.Equal([[true]], seen.Commits[0].Stored);
            Assert.Equal([[false, true]], seen.Commits[1].Stored);
            Assert.Equal(new StartedCase(CollectorFactory.PilotA, "case-1", "t", "manual", Time.ToUnixTimeMilliseconds()),
                Assert.Single(seen.Commits[1].Started));
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
        }
    }

    private static readonly DateTimeOffset Time = DateTimeOffset.UnixEpoch.AddDays(20_000);

    private static PendingEvent Event(string id, string type, Action<WireEvent> set)
    {
        var e = new WireEvent { Id = id, Type = type, Time = Time, Pilot = CollectorFactory.PilotA, CaseId = "case-1" };
        set(e);
        return new PendingEvent(e, JsonSerializer.Serialize(e, ContractJsonContext.Default.WireEvent));
    }

    private sealed class Thrower : ICommitObserver
    {
        public void Committed(in StorageCommit commit) => throw new InvalidOperationException("observer bug");
    }

    private sealed class Recorder : ICommitObserver
    {
        public List<(bool[][] Stored, List<StartedCase> Started)> Commits { get; } = [];

        public void Committed(in StorageCommit commit) => Commits.Add((commit.Stored, [.. commit.Started]));
    }
}
