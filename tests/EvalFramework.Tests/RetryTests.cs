using System.Net;
using EvalFramework.Tests.Support;

namespace EvalFramework.Tests;

public sealed class RetryTests
{
    /// <summary>
    /// The step the fake clock is moved by while a test waits for the tracker: finer than the waits the tests check,
    /// and far below the request timeout, so an answered request never times out while the machine is busy.
    /// </summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    /// <summary>The tracker's clock and the handler's: back-off, <c>Retry-After</c> and request timeouts are waited on it.</summary>
    private readonly TestClock _clock = new();

    /// <summary>
    /// A tracker on the test's fake clock that cuts a batch only when it is flushed: the five events recorded before
    /// the flush always travel together, however slowly the machine records them. Its requests time out after 10
    /// minutes unless a test says otherwise.
    /// </summary>
    private CaseTracker Create(RecordingHandler handler, Action<EvalFrameworkOptions>? configure = null) =>
        TestTrackers.Create(
            handler,
            o =>
            {
                o.FlushInterval = TimeSpan.FromMinutes(10);
                o.RequestTimeout = TimeSpan.FromMinutes(10);
                configure?.Invoke(o);
            },
            clock: _clock);

    /// <summary>Flushes, moving the fake clock until the flush is done: the retries' waits pass without real time passing.</summary>
    private async Task FlushMovingTheClock(CaseTracker tracker)
    {
        var flush = tracker.FlushAsync();
        await _clock.AdvanceUntilAsync(() => flush.IsCompleted, Step);
        await flush;
    }

    private static void RecordFive(CaseTracker tracker)
    {
        using var tracked = tracker.Case("ref-1");
        for (var i = 1; i <= 5; i++)
        {
            tracked.RecordEffort("case-handler", TimeSpan.FromSeconds(i));
        }
    }

    [Fact]
    public async Task Send_503ThenAnswerlessThen429WithRetryAfterThen200_DeliversEachEventOnceWithSameIds()
    {
        // Request 0 is stored but its answer is lost (503), request 1 is refused with 429 + Retry-After: 1,
        // request 2 succeeds and finds every event already stored: the collector's dedup does the rest.
        var handler = new RecordingHandler
        {
            Clock = _clock,
            Stores = n => n != 1,
            Override = n => n switch
            {
                0 => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
                1 => TooManyRequests(),
                _ => null,
            },
        };
        await using var tracker = Create(handler);

        RecordFive(tracker);
        await FlushMovingTheClock(tracker);

        var requests = handler.Requests;
        Assert.Equal(3, requests.Count);
        var ids = requests[0].Events.Select(e => e.Id).ToList();
        Assert.Equal(5, ids.Count);
        Assert.All(requests, r => Assert.Equal(ids, r.Events.Select(e => e.Id)));
        Assert.Equal(ids, handler.Stored.Select(e => e.Id));
        Assert.Equal(5, tracker.Statistics.Sent);
        Assert.Equal(2, tracker.Statistics.Retries);
        Assert.Equal(0, tracker.Statistics.Rejected);
        // The 503 is waited out by back-off (100–200 ms for a first retry), the 429 by its Retry-After: 1 s of the
        // tracker's clock passed before request 2, and the tracker asked the clock for exactly that wait.
        var backedOff = _clock.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp);
        Assert.True(backedOff >= TimeSpan.FromMilliseconds(100), $"no back-off after the 503 ({backedOff})");
        var waited = _clock.GetElapsedTime(requests[1].Timestamp, requests[2].Timestamp);
        Assert.True(waited >= TimeSpan.FromSeconds(1), $"Retry-After: 1 was not honoured ({waited})");
        Assert.Contains(TimeSpan.FromSeconds(1), _clock.Waits);
    }

    [Fact]
    public async Task Send_NetworkErrorThen502_RetriesUntilDelivered()
    {
        var handler = new RecordingHandler
        {
            Clock = _clock,
            Stores = n => n >= 2,
            BeforeAnswer = (n, _) => n == 0 ? throw new HttpRequestException("connection refused") : Task.CompletedTask,
            Override = n => n == 1 ? new HttpResponseMessage(HttpStatusCode.BadGateway) : null,
        };
        await using var tracker = Create(handler);

        RecordFive(tracker);
        await FlushMovingTheClock(tracker);

        Assert.Equal(5, handler.Stored.Count);
        Assert.Equal(5, tracker.Statistics.Sent);
        Assert.Equal(2, tracker.Statistics.Retries);
        // Exponential back-off on the tracker's clock: at least half of 200 ms, then at least half of 400 ms.
        var requests = handler.Requests;
        Assert.True(_clock.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp) >= TimeSpan.FromMilliseconds(100));
        Assert.True(_clock.GetElapsedTime(requests[1].Timestamp, requests[2].Timestamp) >= TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Send_RequestTimesOut_RetriesWithSameIds()
    {
        var handler = new RecordingHandler
        {
            Clock = _clock,
            Stores = n => n >= 1,
            BeforeAnswer = (n, ct) => n == 0 ? Task.Delay(Timeout.Infinite, ct) : Task.CompletedTask,
        };
        await using var tracker = Create(handler, o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));

        RecordFive(tracker);
        await FlushMovingTheClock(tracker);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].Events.Select(e => e.Id), handler.Stored.Select(e => e.Id));
        Assert.Equal(1, tracker.Statistics.Retries);
        // The hung request was given up only when its 500 ms had passed on the tracker's clock.
        Assert.True(_clock.GetElapsedTime(handler.Requests[0].Timestamp, handler.Requests[1].Timestamp) >= TimeSpan.FromMilliseconds(500));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task Send_ClientError_CountsBatchRejectedWithoutRetryAndGoesOn(HttpStatusCode status)
    {
        var handler = new RecordingHandler
        {
            Stores = n => n != 0,
            Override = n => n == 0
                ? RecordingHandler.Json(status, """{"title":"refused","detail":"events[0].seconds: must be greater than 0"}""", "application/problem+json")
                : null,
        };
        await using var tracker = Create(handler);

        RecordFive(tracker);
        await tracker.FlushWithin();
        using (var tracked = tracker.Case("ref-2"))
        {
            tracked.RecordEscalation();
        }

        await tracker.FlushWithin();

        Assert.Equal(5, tracker.Statistics.Rejected);
        Assert.Equal(0, tracker.Statistics.Retries);
        Assert.Equal(1, tracker.Statistics.Sent);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.NotImplemented)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Send_ServerErrorOrRequestTimeout_RetriedUntilDelivered(HttpStatusCode status)
    {
        var handler = new RecordingHandler
        {
            Clock = _clock,
            Stores = n => n >= 1,
            Override = n => n == 0 ? new HttpResponseMessage(status) : null,
        };
        await using var tracker = Create(handler, o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(200));

        RecordFive(tracker);
        await FlushMovingTheClock(tracker);

        Assert.Equal(5, handler.Stored.Count);
        Assert.Equal(5, tracker.Statistics.Sent);
        Assert.Equal(0, tracker.Statistics.Rejected);
        Assert.Equal(1, tracker.Statistics.Retries);
        Assert.True(_clock.GetElapsedTime(handler.Requests[0].Timestamp, handler.Requests[1].Timestamp) >= TimeSpan.FromMilliseconds(100), "no back-off");
    }

    [Fact]
    public async Task Send_UnexpectedExceptionFromTheHandlerPipeline_RetriedUntilDelivered()
    {
        // What a resilience pipeline throws (TimeoutRejectedException, BrokenCircuitException) is no HttpRequestException.
        var handler = new RecordingHandler
        {
            Clock = _clock,
            Stores = n => n >= 1,
            BeforeAnswer = (n, _) => n == 0 ? throw new InvalidOperationException("circuit open") : Task.CompletedTask,
        };
        await using var tracker = Create(handler, o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(200));

        RecordFive(tracker);
        await FlushMovingTheClock(tracker);

        Assert.Equal(5, handler.Stored.Count);
        Assert.Equal(0, tracker.Statistics.Rejected);
        Assert.Equal(1, tracker.Statistics.Retries);
    }

    [Fact]
    public async Task Send_OneEventWithNonAsciiDigits_OnlyThatEventRejectedTheRestDelivered()
    {
        // The guard once threw FormatException on Arabic-Indic digits, and the whole batch was counted as rejected.
        var handler = new RecordingHandler();
        await using var tracker = Create(handler);

        using (var tracked = tracker.Case("ref-1"))
        {
            tracked.RecordEffort("handler", TimeSpan.FromSeconds(1));
            tracked.RecordAiUsage("model \u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666", 10, 5);
            tracked.RecordAiUsage("model \uFF10\uFF17\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17", 10, 5);
            tracked.RecordAiUsage("gpt-4o-mini", 10, 5);
            tracked.RecordEffort("handler", TimeSpan.FromSeconds(2));
        }

        await tracker.FlushWithin();

        Assert.Equal(3, handler.Stored.Count);
        Assert.Equal(3, tracker.Statistics.Sent);
        Assert.Equal(2, tracker.Statistics.Rejected);
    }

    [Fact]
    public async Task Send_200WithSomeRejected_CountsSentAndRejected()
    {
        var handler = new RecordingHandler
        {
            Override = _ => RecordingHandler.Json(
                HttpStatusCode.OK,
                """{"accepted":3,"duplicates":1,"rejected":[{"index":4,"id":"x","errors":["seconds: must be greater than 0"]}]}"""),
        };
        await using var tracker = Create(handler);

        RecordFive(tracker);
        await tracker.FlushWithin();

        Assert.Equal(4, tracker.Statistics.Sent);
        Assert.Equal(1, tracker.Statistics.Rejected);
    }

    private static HttpResponseMessage TooManyRequests()
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
        return response;
    }
}
