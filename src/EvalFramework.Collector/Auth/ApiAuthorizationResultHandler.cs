using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace EvalFramework.Collector.Auth;

/// <summary>
/// Writes the 403 of a policy that a key does not meet as <c>application/problem+json</c> naming the right it lacks;
/// everything else (401 challenges, success) as the default handler does.
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<RightRequirement>().FirstOrDefault() is { } missing)
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: $"The API key '{context.User.Identity?.Name}' has no {ApiKeyClaims.NameOf(missing.Right)} right.")
                .ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
