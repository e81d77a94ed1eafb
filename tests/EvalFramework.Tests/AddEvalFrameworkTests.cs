using EvalFramework.Contract;
using EvalFramework.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EvalFramework.Tests;

public sealed class AddEvalFrameworkTests
{
    [Fact]
    public async Task StartAsync_MissingRequiredOptions_FailsNamingEveryKey()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddEvalFramework(_ => { });
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(4, exception.Failures.Count());
        foreach (var key in new[] { "CollectorUri", "ApiKey", "Pilot", "PseudonymKey" })
        {
            Assert.Contains(exception.Failures, f => f.Contains("EvalFrameworkOptions:" + key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task StartAsync_InvalidValues_FailsNamingEachKey()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddEvalFramework(o =>
        {
            TestTrackers.Options().CopyTo(o);
            o.Pilot = "Not_A_Slug";
            o.PseudonymKey = "too-short";
            o.MaxBatchSize = 5000;
            o.FlushInterval = TimeSpan.Zero;
        });
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            ["Pilot", "PseudonymKey", "MaxBatchSize", "FlushInterval"],
            exception.Failures.Select(f => f.Split(' ')[0].Split(':')[1]));
    }

    [Fact]
    public async Task StopAsync_EventsRecorded_FlushesThroughNamedHttpClient()
    {
        var handler = new RecordingHandler();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddEvalFramework(o =>
        {
            TestTrackers.Options().CopyTo(o);
            o.FlushInterval = TimeSpan.FromMinutes(5);
        });
        builder.Services.AddHttpClient("EvalFramework").ConfigurePrimaryHttpMessageHandler(() => handler);
        using var host = builder.Build();
        await host.StartAsync();
        var tracker = host.Services.GetRequiredService<CaseTracker>();

        using (var tracked = tracker.StartCase("building-permit-question", "manual", "ref-1"))
        {
            tracked.Complete();
        }

        await host.StopAsync();

        Assert.Same(tracker, host.Services.GetRequiredService<CaseTracker>());
        Assert.Equal([EventTypes.CaseStarted, EventTypes.CaseCompleted], handler.Stored.Select(e => e.Type));
        Assert.Equal("Bearer " + TestTrackers.ApiKey, handler.Requests[0].Authorization);
    }

    [Fact]
    public void Create_InvalidOptions_ThrowsNamingEveryKey()
    {
        var exception = Assert.Throws<ArgumentException>(() => CaseTracker.Create(new EvalFrameworkOptions { QueueCapacity = 0 }));

        foreach (var key in new[] { "CollectorUri", "ApiKey", "Pilot", "PseudonymKey", "QueueCapacity" })
        {
            Assert.Contains("EvalFrameworkOptions:" + key, exception.Message, StringComparison.Ordinal);
        }
    }
}
