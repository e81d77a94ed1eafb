using System.Net;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// A request the database refuses cannot take the requests committed beside it down, nor stall the writer: one suite,
/// run on SQLite and on PostgreSQL (<see cref="StorageSuites"/>).
/// </summary>
public abstract class PoisonBatchTests<TCollector>(TCollector collector) : IClassFixture<TCollector>
    where TCollector : CollectorFactory
{
    private readonly TCollector _collector = collector;

    // A stand-in for a storage fault that hits one request only: a trigger refusing one case's events.
    private string PoisonTrigger => _collector.Provider == "postgres"
        ? """
          CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'poisoned'; END; $$;
          CREATE TRIGGER poison BEFORE INSERT ON events FOR EACH ROW WHEN (NEW.case_id = 'poison') EXECUTE FUNCTION poison();
          """
        : "CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.case_id = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;";

    [StorageFact]
    public async Task PostEvents_OneRequestTheDatabaseRefuses_OthersStoredItGets503AndTheWriterGoesOn()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Started("warm-up"))).StatusCode);
        using (var connection = _collector.OpenStore())
        using (var command = connection.Command(PoisonTrigger))
        {
            command.ExecuteNonQuery();
        }

        // Sent together so that the writer is likely to group the poisoned request with good ones.
        var good = Enumerable.Range(0, 12).Select(i => client.PostAsync(Started($"good-{i}"), Effort($"good-{i}"))).ToList();
        var poisoned = client.PostAsync(Started("poison"));
        var answers = await Task.WhenAll(good);
        var refused = await poisoned;

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(12L, _collector.Scalar("SELECT COUNT(*) FROM cases WHERE case_id LIKE 'good-%' AND effort_seconds = 300"));
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM cases WHERE case_id = 'poison'"));

        // The writer is still running.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Started("after"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }
}
