using EvalFramework.Collector.Auth;

namespace EvalFramework.Collector.Demo;

/// <summary>
/// <c>--demo</c> (or <c>Demo:Enabled=true</c>): a fresh API key for pilot <c>demo</c> with every right,
/// printed once at start, and simulated traffic through the SDK (<see cref="DemoTraffic"/>).
/// </summary>
internal static class DemoMode
{
    public const string Pilot = "demo";

    /// <summary>Removes <c>--demo</c> from the arguments; returns whether it was there.</summary>
    public static bool TakeFromArgs(ref string[] args)
    {
        var found = args.Contains("--demo", StringComparer.Ordinal);
        args = [.. args.Where(a => a != "--demo")];
        return found;
    }

    /// <summary>Whether <c>Demo:Enabled</c> is true (e.g. <c>Demo__Enabled=true</c> in docker-compose).</summary>
    public static bool EnabledIn(IConfiguration configuration) => configuration.GetValue<bool>(DemoOptions.SectionName + ":" + nameof(DemoOptions.Enabled));

    public static WebApplicationBuilder AddDemoMode(this WebApplicationBuilder builder)
    {
        var key = ApiKeyStore.NewKey();
        builder.Services.PostConfigure<ApiKeyOptions>(o => o.Keys.Add(new ApiKeyEntry
        {
            Name = "demo",
            Sha256 = ApiKeyStore.HashKey(key),
            Pilots = [Pilot],
            Rights = ["ingest", "read", "admin"],
        }));
        builder.Services.AddSingleton(new DemoKey(key));
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.SectionName))
            .Validate(o => o.BackfillDays is >= 1 and <= 3650, "Demo:BackfillDays: must be between 1 and 3650")
            .ValidateOnStart();
        builder.Services.AddHostedService<DemoTraffic>();

        // The one line a newcomer needs; printed on stdout, not through logging, so it is always seen.
        Console.WriteLine($"Demo API key: {key}");
        return builder;
    }
}

/// <summary>The demo key, for the demo traffic.</summary>
internal sealed record DemoKey(string Value);
