using System.Text;
using EvalFramework.Collector.Auth;
using EvalFramework.Collector.Configuration;
using EvalFramework.Collector.OpenApi;
using EvalFramework.Collector.Snapshots;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Reports;
using Microsoft.Net.Http.Headers;

namespace EvalFramework.Collector.Reports;

/// <summary>
/// <c>/reports</c>: the server-rendered report page of a stored snapshot (<c>/reports/{id}</c>), the newest one of a
/// pilot (<c>/reports/latest?pilot=</c>, a redirect to its id), and the snapshot's JSON and CSV under the same access
/// rule (<see cref="ReportAccess"/>). <c>?lang=sv|en</c>, else the best of <c>Accept-Language</c>, else Swedish.
/// </summary>
internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports")
            .RequireAuthorization(ApiPolicies.Reports)
            .WithMetadata(new BrowserLoginMetadata())
            .RequireRateLimiting(RateLimitingServiceCollectionExtensions.PerKeyPolicy)
            .WithTags("Reports")
            .ProducesProblem(StatusCodes.Status404NotFound);
        reports.MapGet("/latest", LatestAsync).WithName("GetLatestReport")
            .WithSummary("Go to the current report of a pilot")
            .WithDescription("A redirect (302, not cached) to `/reports/{id}` of the pilot's current snapshot: the one whose period ends last, of those the last made (a snapshot of an earlier period made later does not replace it); `lang` (sv or en) is passed on.")
            .Produces(StatusCodes.Status302Found)
            .ProducesValidationProblem();
        reports.MapGet("/{id}", PageAsync).WithName("GetReport")
            .WithSummary("A snapshot's report page")
            .WithDescription("Server-rendered HTML for people: `lang=sv|en`, else the best of `Accept-Language`, else Swedish.")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        reports.MapGet("/{id}/snapshot.json", (HttpContext http, SnapshotStore store, ReportAccess access, string id, CancellationToken cancellationToken) =>
            DownloadAsync(http, store, access, id, csv: false, cancellationToken))
            .WithName("GetReportSnapshotJson")
            .WithSummary("The report's snapshot as a JSON download")
            .ProducesSnapshot(StatusCodes.Status200OK, "The snapshot, as an attachment.");
        reports.MapGet("/{id}/snapshot.csv", (HttpContext http, SnapshotStore store, ReportAccess access, string id, CancellationToken cancellationToken) =>
            DownloadAsync(http, store, access, id, csv: true, cancellationToken))
            .WithName("GetReportSnapshotCsv")
            .WithSummary("The report's snapshot as a long CSV download")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        return app;
    }

    /// <summary>The page's language: <c>lang</c> when it is sv or en, else the first of <c>Accept-Language</c> by quality, else Swedish.</summary>
    public static string Language(HttpRequest request, string? lang)
    {
        if (SnapshotReport.Language(lang) is { } chosen)
        {
            return chosen;
        }

        foreach (var value in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value ?? "";
            if (SnapshotReport.Language(tag.Split('-')[0].ToLowerInvariant()) is { } accepted && value.Quality is not 0)
            {
                return accepted;
            }
        }

        return SnapshotReport.Swedish;
    }

    private static async Task<IResult> LatestAsync(HttpContext http, SnapshotStore store, ReportAccess access, CancellationToken cancellationToken,
        string? pilot = null, string? lang = null)
    {
        if (pilot is null || !EventValidator.IsPilotSlug(pilot))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pilot"] = ["required, a pilot slug"] },
                title: "The query was not accepted");
        }

        if (await access.CheckAsync(http, pilot) is { } refused)
        {
            return refused;
        }

        var id = await store.FindCurrentIdAsync(pilot, cancellationToken);
        if (id is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: $"pilot: no snapshot of pilot '{pilot}' yet; make one with POST /api/v1/snapshots.");
        }

        // Not cached: the current snapshot changes when one is made. The page behind the id never does.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Redirect("/reports/" + id + (SnapshotReport.Language(lang) is { } text ? "?lang=" + text : ""));
    }

    private static async Task<IResult> PageAsync(HttpContext http, SnapshotStore store, ReportAccess access, EvaluationSettings evaluation,
        string id, CancellationToken cancellationToken, string? lang = null)
    {
        var (snapshot, refused) = await FindAsync(http, store, access, id, cancellationToken);
        if (snapshot is null)
        {
            return refused!;
        }

        var language = Language(http.Request, lang);
        var document = SnapshotDocumentReader.Read(snapshot.Body);
        var page = ReportPage.ForStoredSnapshot(id, evaluation.Config?.FindPilot(snapshot.Pilot)?.DisplayName, snapshot.Body, document);
        var html = SnapshotReport.Render(document, page, language);

        var headers = http.Response.Headers;
        headers.ContentLanguage = language;
        headers.Vary = new([HeaderNames.AcceptLanguage, HeaderNames.Authorization]);
        headers.ContentSecurityPolicy = SnapshotReport.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = access.IsPublic(snapshot.Pilot) ? "public, max-age=3600" : "private, no-store";
        return Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, SnapshotStore store, ReportAccess access, string id, bool csv,
        CancellationToken cancellationToken)
    {
        var (snapshot, refused) = await FindAsync(http, store, access, id, cancellationToken);
        if (snapshot is null)
        {
            return refused!;
        }

        http.Response.Headers.CacheControl = access.IsPublic(snapshot.Pilot) ? "public, max-age=3600" : "private, no-store";
        return csv
            ? Results.Bytes(Encoding.UTF8.GetBytes(SnapshotCsv.FromJson(snapshot.Body)), "text/csv; charset=utf-8", id + ".csv")
            : Results.Bytes(snapshot.Body, "application/json", id + ".json");
    }

    /// <summary>The stored snapshot when the request may read it; otherwise the 404, 401 or 403 to answer.</summary>
    private static async Task<(StoredSnapshot? Snapshot, IResult? Refused)> FindAsync(HttpContext http, SnapshotStore store, ReportAccess access,
        string id, CancellationToken cancellationToken)
    {
        var snapshot = EventValidator.IsEventId(id) ? await store.FindAsync(id, cancellationToken) : null;
        if (snapshot is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"id: no snapshot '{id}'."));
        }

        return await access.CheckAsync(http, snapshot.Pilot) is { } refused ? (null, refused) : (snapshot, null);
    }
}
