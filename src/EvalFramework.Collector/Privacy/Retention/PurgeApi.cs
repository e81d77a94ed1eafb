using EvalFramework.Collector.Auth;
using EvalFramework.Collector.Http;
using EvalFramework.Contract;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvalFramework.Collector.Privacy.Retention;

/// <summary>
/// <c>POST /api/v1/purge</c> (admin right for the pilot): delete a pilot's raw events and case rows older than a date.
/// A key without the admin right is refused before a byte of the body is read; the body is at most 16 KiB.
/// </summary>
internal static class PurgeApi
{
    public const int MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapPurgeApi(this RouteGroupBuilder api)
    {
        api.MapPost("/purge", PurgeAsync).WithName("Purge").RequireAuthorization(ApiPolicies.Admin)
            .WithTags("Privacy")
            .WithSummary("Delete a pilot's raw events and case rows older than a date")
            .WithDescription("`before` is a date (yyyy-MM-dd) or an RFC 3339 time; the body is at most 16 KiB. Snapshots are kept.")
            .Accepts<PurgeRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return api;
    }

    private static async Task<Results<Ok<PurgeResult>, ProblemHttpResult, ValidationProblem>> PurgeAsync(
        HttpContext http, PurgeStore store, CancellationToken cancellationToken)
    {
        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Content-Type: must be application/json.");
        }

        var (request, tooLarge, notJson) = await BodyReader.ReadJsonAsync(http.Request, MaxBodyBytes, CollectorJsonContext.Default.PurgeRequest,
            "{\"pilot\", \"before\"}", "The purge was not accepted", cancellationToken);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        if (notJson is not null)
        {
            return notJson;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pilot = BodyReader.Pilot(request?.Pilot, errors);

        if (request?.Before is not { } text
            || !EventValidator.TryParseDateOrTime(text, out var before))
        {
            errors["before"] = ["required, a date (yyyy-MM-dd) or an RFC 3339 time with an offset, e.g. 2025-01-01"];
            before = default;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The purge was not accepted");
        }

        if (await http.RefusePilotAsync(ApiRights.Admin, pilot) is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(store.Purge(pilot, before, cancellationToken));
    }
}
