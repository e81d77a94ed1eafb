using System.Diagnostics.Metrics;
using EvalFramework;
using EvalFramework.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the EvalFramework SDK with dependency injection.</summary>
public static class EvalFrameworkServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="IHttpClientFactory"/> client the tracker sends with.</summary>
    internal const string HttpClientName = "EvalFramework";

    /// <summary>
    /// Adds a singleton <see cref="CaseTracker"/>, its options (validated when the host starts; every error names its
    /// option) and a hosted service that flushes queued events when the host stops. Requests go through the
    /// <see cref="IHttpClientFactory"/> client named <c>EvalFramework</c>; <see cref="ILoggerFactory"/>,
    /// <see cref="IMeterFactory"/> and <see cref="TimeProvider"/> are taken from the container when registered.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddEvalFramework(this IServiceCollection services, Action<EvalFrameworkOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<EvalFrameworkOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EvalFrameworkOptions>, EvalFrameworkOptionsValidator>());
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(CreateTracker);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EvalFrameworkHostedService>());
        return services;
    }

    private static CaseTracker CreateTracker(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EvalFrameworkOptions>>().Value;
        var clients = services.GetRequiredService<IHttpClientFactory>();
        return CaseTracker.Create(
            options,
            () => clients.CreateClient(HttpClientName),
            services.GetService<ILoggerFactory>(),
            services.GetService<IMeterFactory>(),
            services.GetService<TimeProvider>());
    }
}
