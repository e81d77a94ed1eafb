using System.Text;
using EvalFramework.Collector.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Reports;

/// <summary>
/// Who may read a report: anyone for a pilot in <c>Reports:PublicPilots</c>; otherwise a key with the <c>read</c>
/// right for the pilot, sent as <c>Authorization: Bearer &lt;key&gt;</c> or, so a person can open the page in a
/// browser, as the password of HTTP Basic authentication (any user name). Never in the query string, which servers
/// and proxies log.
/// </summary>
internal sealed class ReportAccess(ApiKeyStore keys, IOptions<ReportOptions> options)
{
    private const string BasicScheme = "Basic ";

    /// <summary>Whether any pilot's reports are public (else a request without a key is refused before any lookup).</summary>
    public bool AnyPublic => options.Value.PublicPilots.Count > 0;

    /// <summary>Whether the pilot's reports are served without a key (they may then be cached by anyone).</summary>
    public bool IsPublic(string pilot) => options.Value.IsPublic(pilot);

    /// <summary>The key the request presents (Bearer or Basic password), or null.</summary>
    public ApiKey? KeyOf(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(BasicScheme, StringComparison.OrdinalIgnoreCase))
        {
            return ApiKeyEndpointFilter.Authenticate(http, keys);
        }

        var encoded = authorization.AsSpan(BasicScheme.Length).Trim();
        Span<byte> decoded = stackalloc byte[768];
        if (encoded.Length > 1024 || !Convert.TryFromBase64Chars(encoded, decoded, out var length))
        {
            return null;
        }

        var credentials = Encoding.UTF8.GetString(decoded[..length]);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : keys.Find("Bearer " + credentials[(colon + 1)..]);
    }

    /// <summary>Null when the request may read the pilot's reports; otherwise the 401 or 403 to answer.</summary>
    public IResult? Check(HttpContext http, string pilot)
    {
        if (IsPublic(pilot))
        {
            return null;
        }

        if (KeyOf(http) is not { } key)
        {
            return Unauthorized(http);
        }

        return key.Allows(ApiRights.Read, pilot) ? null : ApiKeyEndpointFilter.Forbidden(key, ApiRights.Read, pilot);
    }

    /// <summary>A 401 that lets a browser ask for the key (Basic) and tells an API client to send it (Bearer).</summary>
    public static ProblemHttpResult Unauthorized(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = new(["Bearer", "Basic realm=\"EvalFramework reports\", charset=\"UTF-8\""]);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: "Authorization: send an API key with the read right as 'Bearer <key>', or in a browser as the password (any user name).");
    }
}
