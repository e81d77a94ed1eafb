using System.Globalization;
using EvalFramework.Collector.Auth;
using EvalFramework.Contract;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvalFramework.Collector.Retention;

/// <summary><c>POST /api/v1/purge</c> (admin): delete a pilot's raw events and case rows older than a date.</summary>
internal static class PurgeApi
{
    public static RouteGroupBuilder MapPurgeApi(this RouteGroupBuilder api)
    {
        api.MapPost("/purge", Purge).WithName("Purge");
        return api;
    }

    private static Results<Ok<PurgeResult>, ProblemHttpResult, ValidationProblem> Purge(
        PurgeRequest? request, HttpContext http, PurgeStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request?.Pilot is not { } pilot || !EventValidator.IsPilotSlug(pilot))
        {
            errors["pilot"] = ["required, a pilot slug"];
            pilot = "";
        }

        if (request?.Before is not { } text
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var before))
        {
            errors["before"] = ["required, a date or an RFC 3339 time, e.g. 2025-01-01"];
            before = default;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The purge was not accepted");
        }

        var key = ApiKeyEndpointFilter.KeyOf(http);
        if (!key.Allows(ApiRights.Admin, pilot))
        {
            return ApiKeyEndpointFilter.Forbidden(key, ApiRights.Admin, pilot);
        }

        return TypedResults.Ok(store.Purge(pilot, before, cancellationToken));
    }
}
