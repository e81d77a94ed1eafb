using EvalFramework.Collector.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace EvalFramework.Collector.OpenApi;

/// <summary>
/// The API keys in the document, read from what the endpoints really declare: the two ways a key is sent
/// (<see cref="ApiKeyAuthenticationHandler"/>: <c>Bearer</c>, or the password of HTTP Basic) as security schemes;
/// on each endpoint with a policy, the schemes it accepts (and "no key" too when the policy in force lets anyone in,
/// as public reports do), the right it needs, and the 401 and 403 it answers; on each rate-limited one, the 429.
/// </summary>
internal sealed class ApiKeySecurityTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    /// <summary>The security scheme of <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public const string Bearer = "bearer";

    /// <summary>The security scheme of the key as the password of HTTP Basic authentication.</summary>
    public const string Basic = "basic";

    /// <summary>The component schema of every error answer (<c>application/problem+json</c>).</summary>
    public const string ProblemSchema = "ProblemDetails";

    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        var policyNames = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (metadata.OfType<IAllowAnonymous>().Any() || policyNames.Count == 0)
        {
            return;
        }

        var anyone = true;
        foreach (var name in policyNames)
        {
            var policy = await policies.GetPolicyAsync(name);
            anyone &= policy is not null && !policy.Requirements.OfType<DenyAnonymousAuthorizationRequirement>().Any();
        }

        operation.Security ??= [];
        if (anyone)
        {
            operation.Security.Add(new OpenApiSecurityRequirement()); // {}: no key is accepted as well
        }

        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Basic, document)] = [] });

        var rights = string.Join(" and ", policyNames.Select(RightOf));
        operation.Description = (operation.Description is { Length: > 0 } text ? text + "\n\n" : "") + $"**Authorization:** {rights}.";
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", Problem(document, "No API key, or one that is not configured (`WWW-Authenticate: Bearer`; pages also offer Basic)."));
        operation.Responses.TryAdd("403", Problem(document, "The key lacks the right, or has it for other pilots only."));
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            var tooMany = Problem(document, "Over the key's rate limit (`RateLimit:RequestsPerSecond`, `RateLimit:Burst`); retry after the seconds in `Retry-After`.");
            tooMany.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
            operation.Responses.TryAdd("429", tooMany);
        }
    }

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key from `Auth:Keys` as `Authorization: Bearer <key>`. Its rights (ingest, read, admin) hold for its pilots. Never in the query string.",
        };
        document.Components.SecuritySchemes[Basic] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "The same API key as the password of HTTP Basic authentication (any user name), so a person can open a report page in a browser.",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ProblemSchema))
        {
            document.Components.Schemas[ProblemSchema] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        }
    }

    /// <summary>An error answer of <c>application/problem+json</c> with the <see cref="ProblemSchema"/> schema.</summary>
    public static OpenApiResponse Problem(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
        },
    };

    private static string RightOf(string policy) => policy switch
    {
        ApiPolicies.Ingest => "an API key with the `ingest` right for every pilot the batch names",
        ApiPolicies.Read => "an API key with the `read` right for the pilot",
        ApiPolicies.Admin => "an API key with the `admin` right for the pilot",
        ApiPolicies.Reports => "an API key with the `read` right for the pilot, or none for a pilot in `Reports:PublicPilots`",
        ApiPolicies.Metrics => "an API key with the `read` right (its pilots' series), or none when `Metrics:RequireKey` is false",
        _ => $"the `{policy}` policy",
    };
}
