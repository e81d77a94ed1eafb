using EvalFramework.Collector.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers API key authentication (<see cref="ApiKeyAuthenticationHandler"/>) and the rights as authorization policies.</summary>
internal static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiKeyOptions>().Bind(configuration.GetSection(ApiKeyOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>>(new ApiKeyOptionsValidator(configuration));
        services.AddSingleton<ApiKeyStore>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, RightAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Ingest, RequireRight(ApiRights.Ingest))
            .AddPolicy(ApiPolicies.Read, RequireRight(ApiRights.Read))
            .AddPolicy(ApiPolicies.Admin, RequireRight(ApiRights.Admin))
            // An endpoint that declares nothing still needs a key (and fails AuthorizationMatrixTests).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        return services;
    }

    /// <summary>
    /// Declares <paramref name="policy"/> as one a setting can open: anyone meets it when <paramref name="open"/> says so of
    /// the <typeparamref name="TOptions"/> in force, else only a key with <paramref name="right"/> for some pilot.
    /// </summary>
    public static IServiceCollection AddSettingPolicy<TOptions>(this IServiceCollection services, string policy, ApiRights right,
        Func<TOptions, bool> open)
        where TOptions : class
    {
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<TOptions>>((authorization, options) =>
            authorization.AddPolicy(policy, open(options.Value) ? Open() : RequireRight(right)));
        return services;
    }

    /// <summary>A policy met by a key with the right for some pilot.</summary>
    public static AuthorizationPolicy RequireRight(ApiRights right) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new RightRequirement(right)).Build();

    /// <summary>A policy anyone meets, for endpoints a setting opens (<c>Metrics:RequireKey=false</c>, public reports).</summary>
    public static AuthorizationPolicy Open() => new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();

    private sealed class ApiKeyOptionsValidator(IConfiguration configuration) : IValidateOptions<ApiKeyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
        {
            var paths = configuration.GetSection(ApiKeyOptions.SectionName + ":Keys").GetChildren().Select(c => c.Path).ToList();
            return ApiKeyStore.Validate(options, paths) is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
        }
    }
}
