using System.Security.Claims;

namespace EvalFramework.Collector.Auth;

/// <summary>
/// The identity an API key yields, whichever scheme carried it: its name (<see cref="ClaimsIdentity.Name"/>), one
/// <see cref="Pilot"/> claim per pilot it covers (<c>*</c> for all) and one <see cref="Right"/> claim per right.
/// </summary>
internal static class ApiKeyClaims
{
    public const string Pilot = "evalfw:pilot";

    public const string Right = "evalfw:right";

    private static readonly ApiRights[] Rights = [ApiRights.Ingest, ApiRights.Read, ApiRights.Admin];

    /// <summary>The principal of a key (a new one per request: a principal is mutable).</summary>
    public static ClaimsPrincipal PrincipalOf(ApiKey key, string scheme)
    {
        var claims = new List<Claim>(1 + key.Pilots.Count + 3) { new(ClaimTypes.Name, key.Name) };
        claims.AddRange(key.Pilots.Select(p => new Claim(Pilot, p)));
        foreach (var right in Rights)
        {
            if ((key.Rights & right) != 0)
            {
                claims.Add(new Claim(Right, NameOf(right)));
            }
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>Whether the principal is a key with the right, for any pilot.</summary>
    public static bool HasRight(this ClaimsPrincipal user, ApiRights right) =>
        user.Identity?.IsAuthenticated == true && user.HasClaim(Right, NameOf(right));

    /// <summary>Whether the principal is a key with the right for the pilot.</summary>
    public static bool Allows(this ClaimsPrincipal user, ApiRights right, string pilot) =>
        user.HasRight(right) && (user.HasClaim(Pilot, "*") || user.HasClaim(Pilot, pilot));

    /// <summary>Whether the principal's key covers every pilot.</summary>
    public static bool CoversAllPilots(this ClaimsPrincipal user) => user.HasClaim(Pilot, "*");

    /// <summary>The name of the request's key.</summary>
    public static string KeyName(this ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { } name } ? name : throw new InvalidOperationException("the request has no API key");

    /// <summary>The right as it is configured and shown: <c>ingest</c>, <c>read</c>, <c>admin</c>.</summary>
    public static string NameOf(ApiRights right) => right switch
    {
        ApiRights.Ingest => "ingest",
        ApiRights.Read => "read",
        ApiRights.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(right)),
    };
}
