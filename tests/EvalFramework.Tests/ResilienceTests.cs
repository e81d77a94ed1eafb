using System.Net;
using EvalFramework.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace EvalFramework.Tests;

/// <summary>
/// A service that adds the standard resilience handler to every HttpClient (as the Aspire service defaults do) puts
/// Polly between the tracker and the collector: a hung collector surfaces as <c>TimeoutRejectedException</c>, an
/// open circuit as <c>BrokenCircuitException</c>. Both are transient: the batch is retried (or spilled), never dropped.
/// </summary>
public sealed class ResilienceTests : IDisposable
{
    private readonly string _spillDirectory = Path.Combine(Path.GetTempPath(), "evalfw-resilience-tests", Guid.NewGuid().ToString("N"));
    private readonly CapturingLoggerProvider _logs = new();

    /// <summary>The host's <see cref="TimeProvider"/>: Polly's timeouts and circuit breaks and the tracker's retries run on it.</summary>
    private readonly TestClock _clock = new();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_spillDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>
    /// Timeouts of a second on the host's fake clock, so a hang costs a second of it and no real time; one retry inside
    /// the pipeline. A second is 50 of the clock's steps: an answered request is not cut off by its attempt timeout
    /// unless the machine leaves it waiting through all of them.
    /// </summary>
    private static void Short(HttpStandardResilienceOptions o)
    {
        o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(1);
        o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(5);
        o.Retry.MaxRetryAttempts = 1;
        o.Retry.Delay = TimeSpan.FromMilliseconds(10);
        o.Retry.BackoffType = DelayBackoffType.Constant;
        o.Retry.UseJitter = false;
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(2);
    }

    private IHost Start(RecordingHandler handler, Action<HttpStandardResilienceOptions> resilience, bool spill = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(_logs);
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.ConfigurePrimaryHttpMessageHandler(() => handler);
            http.AddStandardResilienceHandler(resilience);
        });
        builder.Services.AddEvalFramework(o =>
        {
            TestTrackers.Options().CopyTo(o);
            o.FlushInterval = TimeSpan.FromMinutes(10); // a batch is cut only on flush: the five events travel together
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
            o.SpillDirectory = spill ? _spillDirectory : null;
        });
        var host = builder.Build();
        host.Start();
        return host;
    }

    private static void RecordFive(CaseTracker tracker)
    {
        using var tracked = tracker.Case("ref-1");
        for (var i = 1; i <= 5; i++)
        {
            tracked.RecordEffort("handler", TimeSpan.FromSeconds(i));
        }
    }

    private static void AssertEachStoredOnce(RecordingHandler handler, CaseTracker tracker)
    {
        var stored = handler.Stored;
        Assert.Equal([1d, 2, 3, 4, 5], stored.Select(e => e.Seconds!.Value));
        Assert.Equal(5, stored.Select(e => e.Id).Distinct().Count());
        Assert.Equal(5, tracker.Statistics.Sent); // a batch counted twice would show here (accepted + duplicates)
        Assert.Equal(0, tracker.Statistics.Rejected);
        Assert.Equal(0, tracker.Statistics.Dropped);
    }

    /// <summary>Flushes, moving the clock until the flush is done: the pipeline's timeouts and breaks pass without real time passing.</summary>
    private async Task FlushMovingTheClock(CaseTracker tracker)
    {
        var flush = tracker.FlushAsync();
        await _clock.AdvanceUntilAsync(() => flush.IsCompleted, TimeSpan.FromMilliseconds(20));
        await flush;
    }

    private bool Logged(string text) => _logs.Messages.Any(m => m.Message.Contains(text, StringComparison.Ordinal));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Send_CollectorHangsThenRecovers_TimeoutRejectedIsRetriedAndEachEventStoredOnce(bool spill)
    {
        // Requests 0–3 hang until the pipeline's attempt timeout cancels them: two sends end in TimeoutRejectedException.
        var handler = new RecordingHandler { Clock = _clock, BeforeAnswer = (n, ct) => n < 4 ? Task.Delay(Timeout.Infinite, ct) : Task.CompletedTask };
        using var host = Start(handler, Short, spill);
        var tracker = host.Services.GetRequiredService<CaseTracker>();

        RecordFive(tracker);
        await FlushMovingTheClock(tracker);

        AssertEachStoredOnce(handler, tracker);
        Assert.Equal(5, handler.Requests.Count);
        // Each hung attempt was cut by the pipeline's 1 s attempt timeout on the host's clock, not sooner.
        Assert.Contains(TimeSpan.FromSeconds(1), _clock.Waits);
        var requests = handler.Requests;
        Assert.All(Enumerable.Range(0, 4), n =>
            Assert.True(_clock.GetElapsedTime(requests[n].Timestamp, requests[n + 1].Timestamp) >= TimeSpan.FromSeconds(1), $"request {n + 1} came too soon"));
        Assert.True(tracker.Statistics.Retries >= 2, $"retries: {tracker.Statistics.Retries}");
        Assert.True(Logged("(TimeoutRejectedException)"), string.Join("\n", _logs.Messages));
        if (spill)
        {
            Assert.Equal(5, tracker.Statistics.Spilled);
        }

        await host.StopAsync();
    }

    [Fact]
    public async Task Send_CircuitOpensWhileCollectorFails_BrokenCircuitIsRetriedAndEachEventStoredOnce()
    {
        // The first four requests get 500: the pipeline retries once, then the circuit opens (two failures in a row
        // are enough here) and rejects further sends at once until its break is over.
        var handler = new RecordingHandler
        {
            Clock = _clock,
            Stores = n => n >= 4,
            Override = n => n < 4 ? new HttpResponseMessage(HttpStatusCode.InternalServerError) : null,
        };
        using var host = Start(handler, o =>
        {
            Short(o);
            o.CircuitBreaker.MinimumThroughput = 2;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.BreakDuration = TimeSpan.FromMilliseconds(500);
        });
        var tracker = host.Services.GetRequiredService<CaseTracker>();

        RecordFive(tracker);
        await FlushMovingTheClock(tracker);

        AssertEachStoredOnce(handler, tracker);
        Assert.True(Logged("(BrokenCircuitException)"), string.Join("\n", _logs.Messages));
        // The open circuit let no request through for its 500 ms break on the host's clock.
        var requests = handler.Requests;
        Assert.True(_clock.GetElapsedTime(requests[3].Timestamp, requests[4].Timestamp) >= TimeSpan.FromMilliseconds(500), "the circuit let a request through during its break");
        await host.StopAsync();
    }
}
