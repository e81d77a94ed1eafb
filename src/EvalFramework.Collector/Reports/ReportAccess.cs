using EvalFramework.Collector.Auth;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Reports;

/// <summary>
/// Who may read a report: anyone for a pilot in <c>Reports:PublicPilots</c>; otherwise a key with the <c>read</c>
/// right for the pilot, sent as <c>Authorization: Bearer &lt;key&gt;</c> or, so a person can open the page in a
/// browser, as the password of HTTP Basic authentication (any user name; <see cref="ApiKeyAuthenticationHandler"/>).
/// </summary>
internal sealed class ReportAccess(IOptions<ReportOptions> options)
{
    /// <summary>Whether the pilot's reports are served without a key (they may then be cached by anyone).</summary>
    public bool IsPublic(string pilot) => options.Value.IsPublic(pilot);

    /// <summary>Null when the request may read the pilot's reports; otherwise the 401 (a challenge) or 403 to answer.</summary>
    public async Task<IResult?> CheckAsync(HttpContext http, string pilot)
    {
        if (IsPublic(pilot))
        {
            return null;
        }

        if (http.User.Identity?.IsAuthenticated != true)
        {
            return TypedResults.Challenge();
        }

        return await http.RefusePilotAsync(ApiRights.Read, pilot);
    }
}
