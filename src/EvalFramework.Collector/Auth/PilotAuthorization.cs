using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvalFramework.Collector.Auth;

/// <summary>The per-pilot check of a handler, through <see cref="IAuthorizationService"/> with the pilot as the resource.</summary>
internal static class PilotAuthorization
{
    private static readonly RightRequirement[] Requirements =
        [new(ApiRights.Ingest), new(ApiRights.Read), new(ApiRights.Admin)];

    /// <summary>Null when the request's key has the right for the pilot; otherwise the 403 naming the pilot and the right.</summary>
    public static async Task<ProblemHttpResult?> RefusePilotAsync(this HttpContext http, ApiRights right, string pilot)
    {
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(http.User, pilot, [Requirements.Single(r => r.Right == right)]);
        return result.Succeeded ? null : TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: $"pilot: the API key '{http.User.Identity?.Name}' may not {ApiKeyClaims.NameOf(right)} pilot '{pilot}'.");
    }
}
