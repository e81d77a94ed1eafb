using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvalFramework.Collector.Auth;

/// <summary>The per-pilot check of a handler, through <see cref="IAuthorizationService"/> with the pilot as the resource.</summary>
internal static class PilotAuthorization
{
    private static readonly RightRequirement Ingest = new(ApiRights.Ingest);
    private static readonly RightRequirement Read = new(ApiRights.Read);
    private static readonly RightRequirement Admin = new(ApiRights.Admin);

    /// <summary>
    /// Null when the request's key has the right for the pilot; otherwise the 403 naming the key and the right, never the
    /// pilot sent (a refused value is not echoed, whatever it holds); <paramref name="field"/> says where it was sent.
    /// </summary>
    public static async Task<ProblemHttpResult?> RefusePilotAsync(this HttpContext http, ApiRights right, string pilot, string field = "pilot")
    {
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var requirement = right switch
        {
            ApiRights.Ingest => Ingest,
            ApiRights.Read => Read,
            ApiRights.Admin => Admin,
            _ => throw new ArgumentOutOfRangeException(nameof(right)),
        };
        var result = await authorization.AuthorizeAsync(http.User, pilot, [requirement]);
        return result.Succeeded ? null : TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: $"{field}: the API key '{http.User.Identity?.Name}' may not {ApiKeyClaims.NameOf(right)} this pilot.");
    }
}
