using System.Data.Common;
using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Postgres;
using EvalFramework.Collector.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the collector's store: SQLite or PostgreSQL, as <c>Storage:Provider</c> says.</summary>
internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddCollectorStorage(this IServiceCollection services, IConfiguration configuration)
    {
        // Validated once, before the host is built: CheckStorageSettings.
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton<ICollectorDatabase>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>();
            return options.Value.IsPostgres ? new PostgresDatabase(options) : new SqliteDatabase(options);
        });
        services.AddExceptionHandler<StorageExceptionHandler>();
        services.AddSingleton<IngestWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestWriter>());
        return services;
    }

    /// <summary>
    /// Checks the <c>Storage</c> settings before anything starts: false, with every problem written to
    /// <paramref name="errors"/> (each naming its key), when the collector cannot run on them.
    /// </summary>
    public static bool CheckStorageSettings(this IConfiguration configuration, TextWriter errors)
    {
        IReadOnlyList<string> problems;
        try
        {
            problems = (configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions()).Errors();
        }
        catch (InvalidOperationException e)
        {
            problems = [e.Message]; // a value of the wrong type; the binder's message names the key
        }

        if (problems.Count == 0)
        {
            return true;
        }

        errors.WriteLine($"The storage settings are not valid ({problems.Count} problem(s)); the collector does not start:");
        foreach (var problem in problems)
        {
            errors.WriteLine("  " + problem);
        }

        return false;
    }

    /// <summary>
    /// Applies pending schema migrations before the app takes requests. False, with the database's own error written
    /// to <paramref name="errors"/>, when the database cannot be opened or migrated.
    /// </summary>
    public static bool MigrateDatabase(this WebApplication app, TextWriter errors)
    {
        var database = app.Services.GetRequiredService<ICollectorDatabase>();
        try
        {
            database.Migrate();
            return true;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"The {database.Provider} database cannot be opened or migrated; the collector does not start: {e.Message}");
            return false;
        }
    }
}
