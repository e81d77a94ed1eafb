using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace EvalFramework.Collector.Auth;

/// <summary>
/// The collector's one authentication scheme: an API key sent as <c>Authorization: Bearer &lt;key&gt;</c> or, so a
/// person can open a page in a browser, as the password of HTTP Basic authentication (any user name). Either way the
/// request gets the key's identity (<see cref="ApiKeyClaims"/>). Never from the query string, which servers and
/// proxies log. A header of another scheme is no key; a Bearer or Basic header with an unknown key fails.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string BasicChallenge = "Basic realm=\"EvalFramework\", charset=\"UTF-8\"";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization;
        if (authorization.Count != 1)
        {
            return Task.FromResult(authorization.Count == 0 ? AuthenticateResult.NoResult() : AuthenticateResult.Fail("more than one Authorization header"));
        }

        var value = authorization[0].AsSpan();
        ApiKey? key;
        if (TryScheme(value, "Bearer", out var bearer))
        {
            key = keys.Find(bearer);
        }
        else if (TryScheme(value, "Basic", out var basic))
        {
            key = FindBasicPassword(basic);
        }
        else
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(key is null
            ? AuthenticateResult.Fail("the API key is not configured")
            : AuthenticateResult.Success(new AuthenticationTicket(ApiKeyClaims.PrincipalOf(key, Scheme.Name), Scheme.Name)));
    }

    /// <summary>401 <c>application/problem+json</c>, challenging for Bearer, and for Basic too where a browser may come.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var browser = Context.GetEndpoint()?.Metadata.GetMetadata<BrowserLoginMetadata>() is not null;
        Response.Headers.WWWAuthenticate = browser ? new StringValues(["Bearer", BasicChallenge]) : new StringValues("Bearer");
        await TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: browser
                ? "Authorization: send an API key with the read right as 'Bearer <key>', or in a browser as the password (any user name)."
                : "Authorization: send a configured API key as 'Bearer <key>' (or as the password of HTTP Basic authentication).")
            .ExecuteAsync(Context);
    }

    /// <summary>A 403 without a named right (the authorization result handler names it when it can).</summary>
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: $"The API key '{Context.User.Identity?.Name}' may not do this.")
            .ExecuteAsync(Context);

    private static bool TryScheme(ReadOnlySpan<char> value, string scheme, out ReadOnlySpan<char> parameter)
    {
        if (value.Length > scheme.Length && value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && value[scheme.Length] == ' ')
        {
            parameter = value[(scheme.Length + 1)..].Trim();
            return true;
        }

        parameter = default;
        return false;
    }

    /// <summary>The key given as the password of <c>Basic base64(user:password)</c>; the user name is not looked at.</summary>
    private ApiKey? FindBasicPassword(ReadOnlySpan<char> encoded)
    {
        // user name + ':' + key, base64: a longer value cannot hold a key this store accepts.
        const int MaxDecoded = 2 * ApiKeyStore.MaxKeyLength;
        Span<byte> decoded = stackalloc byte[MaxDecoded];
        if (encoded.Length > MaxDecoded / 3 * 4 || !Convert.TryFromBase64Chars(encoded, decoded, out var length))
        {
            return null;
        }

        var colon = decoded[..length].IndexOf((byte)':');
        if (colon < 0)
        {
            return null;
        }

        Span<char> password = stackalloc char[MaxDecoded];
        var bytes = decoded[(colon + 1)..length];
        return Encoding.UTF8.GetCharCount(bytes) > ApiKeyStore.MaxKeyLength
            ? null
            : keys.Find(password[..Encoding.UTF8.GetChars(bytes, password)]);
    }
}
