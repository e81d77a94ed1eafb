using EvalFramework.Collector.Cases;
using EvalFramework.Collector.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the collector's store.</summary>
internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddCollectorStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Validate(o => o.Provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase),
                "Storage:Provider: only 'sqlite' is available in this build")
            .Validate(o => !string.IsNullOrWhiteSpace(o.SqlitePath), "Storage:SqlitePath: required")
            .Validate(o => o.MaxEventsPerTransaction is >= 1 and <= 100_000, "Storage:MaxEventsPerTransaction: must be from 1 to 100000")
            .ValidateOnStart();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IngestWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestWriter>());
        services.AddSingleton<CaseStore>();
        return services;
    }

    /// <summary>Applies pending schema migrations; runs before the app starts taking requests.</summary>
    public static WebApplication MigrateDatabase(this WebApplication app)
    {
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        var database = app.Services.GetRequiredService<SqliteDatabase>();
        using var connection = database.Open();
        Migrations.Apply(connection);
        return app;
    }
}
