using Microsoft.AspNetCore.Hosting;

namespace EvalFramework.Cli.Tests;

/// <summary>A <see cref="KestrelCollector"/> in demo mode: two weeks of the simulated demo pilot sent at start, then a snapshot of them.</summary>
public sealed class DemoKestrelCollector : KestrelCollector
{
    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("evalctl-demo-key-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:BackfillDays", "14");
        builder.UseSetting("Demo:KeyFile", Path.Combine(_keyDirectory, "demo-api-key"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the OS later.
        }
    }
}
