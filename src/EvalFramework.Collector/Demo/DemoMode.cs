using EvalFramework.Collector.Auth;

namespace EvalFramework.Collector.Demo;

/// <summary>
/// <c>--demo</c> (or <c>Demo:Enabled=true</c>): a fresh API key for pilot <c>demo</c> with every right, printed once
/// at start and written to <c>Demo:KeyFile</c> (for a local Prometheus), and simulated traffic through the SDK
/// (<see cref="DemoTraffic"/>).
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
        var keyFile = Path.GetFullPath(builder.Configuration[DemoOptions.SectionName + ":" + nameof(DemoOptions.KeyFile)]
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(builder.Configuration["Storage:SqlitePath"] ?? new Storage.StorageOptions().SqlitePath))!,
                "demo-api-key"));
        try
        {
            WriteKeyFile(keyFile, key);
            Console.WriteLine($"Demo API key file: {keyFile}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Demo API key file: not written to {keyFile} ({e.Message})");
        }

        return builder;
    }

    /// <summary>
    /// Replaces the file with the key (no newline) in one step, so a reader never sees half of it. Owner read-write,
    /// group read: a Prometheus in the owner's group (docker-compose.yml) can read it, nobody else.
    /// </summary>
    private static void WriteKeyFile(string path, string key)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        }

        try
        {
            using (var file = new StreamWriter(path: temporary, new System.Text.UTF8Encoding(false), options))
            {
                file.Write(key);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

/// <summary>The demo key, for the demo traffic.</summary>
internal sealed record DemoKey(string Value);
