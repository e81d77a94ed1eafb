using EvalFramework.Collector.Privacy.Retention;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers purging and the optional automatic retention.</summary>
internal static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(o => o.Days is null or >= 1, "Retention:Days: must be at least 1 (or unset to keep data until purged)")
            .ValidateOnStart();
        services.AddSingleton<PurgeStore>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
