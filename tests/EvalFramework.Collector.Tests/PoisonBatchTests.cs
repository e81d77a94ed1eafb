using System.Net;
using EvalFramework.Collector.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>A request the database refuses cannot take the requests committed beside it down, nor stall the writer.</summary>
public sealed class PoisonBatchTests : IClassFixture<CollectorFactory>
{
    private readonly CollectorFactory _collector;

    public PoisonBatchTests(CollectorFactory collector) => _collector = collector;

    [Fact]
    public async Task PostEvents_OneRequestTheDatabaseRefuses_OthersStoredItGets503AndTheWriterGoesOn()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Started("warm-up"))).StatusCode);
        using (var connection = new SqliteConnection($"Data Source={_collector.DatabasePath};Pooling=False"))
        {
            // A stand-in for a storage fault that hits one request only.
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.case_id = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;";
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
