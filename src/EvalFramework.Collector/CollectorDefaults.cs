namespace Microsoft.Extensions.Configuration;

/// <summary>The collector's default settings, beneath every other configuration source so any of them can override.</summary>
internal static class CollectorDefaults
{
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    public static IConfigurationBuilder AddCollectorDefaults(this IConfigurationBuilder configuration)
    {
        configuration.Sources.Insert(0, new Memory.MemoryConfigurationSource { InitialData = Defaults });
        return configuration;
    }
}
