using EvalFramework.Collector.Cases;
using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Postgres;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the collector's store: SQLite or PostgreSQL, as <c>Storage:Provider</c> says.</summary>
internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddCollectorStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<ICollectorDatabase>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>();
            return options.Value.IsPostgres ? new PostgresDatabase(options) : new SqliteDatabase(options);
        });
        services.AddSingleton<IngestWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestWriter>());
        services.AddSingleton<CaseStore>();
        return services;
    }

    /// <summary>Applies pending schema migrations; runs before the app starts taking requests.</summary>
    public static WebApplication MigrateDatabase(this WebApplication app)
    {
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        app.Services.GetRequiredService<ICollectorDatabase>().Migrate();
        return app;
    }

    /// <summary>Collects every storage error at once, each naming its configuration key.</summary>
    private sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
            options.Errors() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
