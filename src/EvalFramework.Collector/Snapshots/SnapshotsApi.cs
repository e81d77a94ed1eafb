using System.Globalization;
using System.Text;
using EvalFramework.Collector.Auth;
using EvalFramework.Collector.Http;
using EvalFramework.Collector.OpenApi;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvalFramework.Collector.Snapshots;

/// <summary>
/// <c>/api/v1/snapshots</c>: make an immutable snapshot (admin right; the answer carries the snapshot only for a key
/// that may also read it; without <c>to</c> the period ends at <see cref="DefaultPeriodEnd"/>), list a pilot's snapshots and fetch one as the stored JSON bytes or as long CSV (read right).
/// </summary>
internal static class SnapshotsApi
{
    /// <summary>The earliest period start: Unix time zero (times are stored as Unix milliseconds).</summary>
    private static readonly DateTimeOffset EarliestFrom = DateTimeOffset.UnixEpoch;

    private const int MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapSnapshotsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/snapshots", CreateAsync).WithName("CreateSnapshot").RequireAuthorization(ApiPolicies.Admin)
            .WithTags("Snapshots")
            .WithSummary("Make an immutable snapshot of a pilot's period")
            .WithDescription("`from` and `to` are dates (yyyy-MM-dd) or RFC 3339 times; without `to` the period ends at the start of today (UTC) "
                + "minus the config's `followUpDays`, and `to` may not be in the future. The body is at most 16 KiB. The answer is the snapshot for a key "
                + "that may also read the pilot, else only where it is (`Location`) and what it covers.")
            .Accepts<CreateSnapshotBody>("application/json")
            .Produces<SnapshotCreated>(StatusCodes.Status201Created)
            .ProducesSnapshot(StatusCodes.Status201Created, "Made: the snapshot, or for a key without the read right its id, pilot, period and time (`SnapshotCreated`); `Location` says where it is.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/snapshots", ListAsync).WithName("ListSnapshots").RequireAuthorization(ApiPolicies.Read)
            .WithTags("Snapshots")
            .WithSummary("List a pilot's snapshots")
            .WithDescription("What each snapshot covers and its hashes, not its content.");
        api.MapGet("/snapshots/{id}", GetAsync).WithName("GetSnapshot").RequireAuthorization(ApiPolicies.Read)
            .WithTags("Snapshots")
            .WithSummary("Get a snapshot")
            .WithDescription("The stored snapshot as it was made (`format=json`, the default), or as long CSV (`format=csv`).")
            .ProducesSnapshot(StatusCodes.Status200OK, "The snapshot.", csv: true)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, SnapshotService snapshots, CancellationToken cancellationToken)
    {
        var (body, tooLarge, notJson) = await BodyReader.ReadJsonAsync(http.Request, MaxBodyBytes, CollectorJsonContext.Default.CreateSnapshotBody,
            "{\"pilot\", \"from\", \"to\"}", "The snapshot request was not accepted", cancellationToken);
        if (((IResult?)tooLarge ?? notJson) is { } refusedBody)
        {
            return refusedBody;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pilot = BodyReader.Pilot(body?.Pilot, errors);

        var from = ParseTime("from", body?.From, errors);
        var defaultEnd = body?.To is null;
        var to = defaultEnd ? snapshots.DefaultEnd() : ParseTime("to", body?.To, errors);
        if (from < EarliestFrom)
        {
            errors["from"] = ["must be on or after 1970-01-01"];
        }

        // A period that ends in the future would spread fixed costs and throughput over days that have not happened.
        var now = snapshots.Now();
        if (!defaultEnd && to > now)
        {
            errors["to"] = [string.Create(CultureInfo.InvariantCulture,
                $"must not be after now ({now.UtcDateTime:yyyy-MM-dd'T'HH:mm'Z'}): a period cannot hold days that have not happened (leave to out for the default end)")];
        }
        else if (from is { } f && to is { } t && f >= t)
        {
            errors["to"] = [defaultEnd
                ? string.Create(CultureInfo.InvariantCulture,
                    $"not given, so the period ends at the default end {t:yyyy-MM-dd} (the start of today, UTC, minus followUpDays = {snapshots.FollowUpDays}), which is not after from: give to, or an earlier from")
                : "must be after from"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The snapshot request was not accepted");
        }

        if (await http.RefusePilotAsync(ApiRights.Admin, pilot) is { } refused)
        {
            return refused;
        }

        var (summary, bytes) = await snapshots.CreateAsync(pilot, from!.Value, to!.Value, defaultEnd, cancellationToken);
        var location = "/api/v1/snapshots/" + summary.Id;
        if (await http.RefusePilotAsync(ApiRights.Read, pilot) is not null)
        {
            // Making a snapshot is not reading it: a key that may not GET it gets where it is and what it covers.
            return TypedResults.Created(location, new SnapshotCreated(summary.Id, summary.Pilot, new SnapshotPeriod(summary.From, summary.To), summary.CreatedAt));
        }

        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.Headers.Location = location;
        http.Response.ContentType = "application/json";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, cancellationToken);
        return Results.Empty;
    }

    private static async Task<Results<Ok<SnapshotList>, ProblemHttpResult, ValidationProblem>> ListAsync(
        HttpContext http, SnapshotStore store, CancellationToken cancellationToken, string? pilot = null)
    {
        if (pilot is null || !EventValidator.IsPilotSlug(pilot))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pilot"] = ["required, a pilot slug"] },
                title: "The query was not accepted");
        }

        if (await http.RefusePilotAsync(ApiRights.Read, pilot) is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(new SnapshotList(await store.ListAsync(pilot, cancellationToken)));
    }

    private static async Task<IResult> GetAsync(HttpContext http, SnapshotStore store, string id, CancellationToken cancellationToken,
        string? format = null)
    {
        if (format is not (null or "json" or "csv"))
        {
            return Invalid("format", "must be json (default) or csv");
        }

        var snapshot = EventValidator.IsEventId(id) ? await store.FindAsync(id, cancellationToken) : null;
        if (snapshot is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: $"id: no snapshot '{id}'.");
        }

        if (await http.RefusePilotAsync(ApiRights.Read, snapshot.Pilot) is { } refused)
        {
            return refused;
        }

        return format == "csv"
            ? Results.Bytes(Encoding.UTF8.GetBytes(SnapshotCsv.FromJson(snapshot.Body)), "text/csv; charset=utf-8", id + ".csv")
            : Results.Bytes(snapshot.Body, "application/json");
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The snapshot request was not accepted");

    private static DateTimeOffset? ParseTime(string field, string? text, Dictionary<string, string[]> errors)
    {
        if (text is not null && EventValidator.TryParseDateOrTime(text, out var value))
        {
            return value;
        }

        errors[field] = [(text is null ? "required, " : "") + "a date (yyyy-MM-dd) or an RFC 3339 time with an offset, e.g. 2025-03-01 or 2025-03-01T00:00:00+01:00"];
        return null;
    }
}
