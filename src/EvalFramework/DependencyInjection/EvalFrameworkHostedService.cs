using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EvalFramework.DependencyInjection;

/// <summary>Starts the tracker's sender with the host and flushes queued events when the host stops.</summary>
internal sealed class EvalFrameworkHostedService(CaseTracker tracker, IOptions<EvalFrameworkOptions> options) : IHostedService
{
    /// <summary>Nothing more to do: resolving the tracker started its sender.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sends what is queued, for at most the shutdown timeout or until the host gives up.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.ShutdownTimeout);
        try
        {
            await tracker.FlushAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // Out of time: disposing the tracker counts what is left as dropped.
        }
    }
}
