namespace EvalFramework.Collector.Demo;

/// <summary>Placeholder until the SDK lands.</summary>
internal sealed class DemoTraffic : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
