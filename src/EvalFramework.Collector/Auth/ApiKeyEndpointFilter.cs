using Microsoft.AspNetCore.Http.HttpResults;

namespace EvalFramework.Collector.Auth;

/// <summary>Answers 401 to a request without a valid <c>Authorization: Bearer</c> key; otherwise makes the key available to the handler.</summary>
internal sealed class ApiKeyEndpointFilter(ApiKeyStore keys) : IEndpointFilter
{
    private const string ItemKey = "EvalFramework.ApiKey";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = Authenticate(http, keys);
        if (key is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: "Authorization: a valid 'Bearer <api key>' header is required.");
        }

        return await next(context);
    }

    /// <summary>The request's key (looked up once per request and kept in <see cref="HttpContext.Items"/>), or null.</summary>
    public static ApiKey? Authenticate(HttpContext http, ApiKeyStore? keys = null)
    {
        if (http.Items.TryGetValue(ItemKey, out var known))
        {
            return known as ApiKey;
        }

        keys ??= http.RequestServices.GetRequiredService<ApiKeyStore>();
        var key = keys.Find(http.Request.Headers.Authorization.ToString());
        http.Items[ItemKey] = key;
        return key;
    }

    /// <summary>The key the filter accepted for this request.</summary>
    public static ApiKey KeyOf(HttpContext http) =>
        http.Items[ItemKey] as ApiKey ?? throw new InvalidOperationException("the API key filter did not run");

    /// <summary>A 403 naming the pilot and the right the key lacks.</summary>
    public static ProblemHttpResult Forbidden(ApiKey key, ApiRights right, string pilot) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Forbidden",
        detail: $"pilot: the API key '{key.Name}' may not {right.ToString().ToLowerInvariant()} pilot '{pilot}'.");
}
