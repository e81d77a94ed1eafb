using EvalFramework.Collector.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// The per-key cut of <c>/metrics</c>, in the scraping endpoint's own pipeline: the endpoint's policy has let in only a
/// key with the read right (or anyone, without <c>Metrics:RequireKey</c>). A key for every pilot, or any caller without
/// <c>Metrics:RequireKey</c>, gets the exporter's answer untouched; any other key gets it without the series of pilots
/// it does not hold (<see cref="PilotSeriesCut"/>). The exporter's collection and its response cache are shared; the
/// cut is made per request and never cached.
/// </summary>
internal sealed class PilotSeriesFilter(RequestDelegate next, IOptions<MetricsOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var user = http.User;
        if (!options.Value.RequireKey || user.CoversAllPilots())
        {
            await next(http);
            return;
        }

        // A key's rights hold for each of its pilots.
        var pilots = user.FindAll(ApiKeyClaims.Pilot).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        // The cut reads text: the exporter must not compress it (it gzips when asked, as Prometheus asks by default).
        http.Request.Headers.AcceptEncoding = StringValues.Empty;
        var body = http.Response.Body;
        using var whole = new MemoryStream();
        http.Response.Body = whole;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = body;
        }

        ReadOnlyMemory<byte> text = whole.GetBuffer().AsMemory(0, (int)whole.Length);
        if (http.Response.StatusCode == StatusCodes.Status200OK)
        {
            if (http.Response.Headers.ContentEncoding.Count > 0)
            {
                // Never pass on what could not be cut: an encoded answer would hold every pilot's series.
                http.Response.Headers.ContentEncoding = StringValues.Empty;
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
                http.Response.ContentType = null;
                return;
            }

            text = PilotSeriesCut.Keep(text.Span, pilots.Contains);
        }

        http.Response.ContentLength = text.Length;
        await body.WriteAsync(text, http.RequestAborted);
    }
}
