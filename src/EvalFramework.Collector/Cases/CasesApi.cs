using System.Globalization;
using EvalFramework.Collector.Auth;
using EvalFramework.Contract;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvalFramework.Collector.Cases;

/// <summary><c>GET /api/v1/cases</c> (read right for the pilot): the case rows, for evaluators.</summary>
internal static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/cases", GetCases).WithName("GetCases").RequireAuthorization(ApiPolicies.Read)
            .WithTags("Cases")
            .WithSummary("List a pilot's cases")
            .WithDescription("One row per case with everything that has arrived for it, oldest first, in pages: pass `nextCursor` as `cursor` "
                + "for the next page (null on the last).");
        return api;
    }

    private static async Task<Results<Ok<CasePage>, ProblemHttpResult, ValidationProblem>> GetCases(
        HttpContext http, CaseStore store, CancellationToken cancellationToken,
        string? pilot = null, string? caseType = null, string? arm = null, string? from = null, string? to = null,
        string? cursor = null, string? limit = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (pilot is null || !EventValidator.IsPilotSlug(pilot))
        {
            errors["pilot"] = ["required, a pilot slug"];
        }

        if (caseType is not null && !EventValidator.IsSlug(caseType))
        {
            errors["caseType"] = ["must be a slug"];
        }

        if (arm is not null && !EventValidator.IsSlug(arm))
        {
            errors["arm"] = ["must be a slug"];
        }

        var fromTime = ParseTime("from", from, errors);
        var toTime = ParseTime("to", to, errors);
        long after = 0;
        if (cursor is not null && !long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            errors["cursor"] = ["must be the nextCursor of an earlier page"];
        }

        var take = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > 1000))
        {
            errors["limit"] = ["must be an integer from 1 to 1000 (default 100)"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query was not accepted");
        }

        if (await http.RefusePilotAsync(ApiRights.Read, pilot!) is { } refused)
        {
            return refused;
        }

        var page = await store.ReadAsync(new CaseQuery(pilot!, caseType, arm, fromTime, toTime, after, take), cancellationToken);
        return TypedResults.Ok(page);
    }

    private static DateTimeOffset? ParseTime(string field, string? text, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (EventValidator.TryParseDateOrTime(text, out var value))
        {
            return value;
        }

        errors[field] = ["must be a date (yyyy-MM-dd) or an RFC 3339 time with an offset, e.g. 2025-03-01 or 2025-03-01T00:00:00+01:00"];
        return null;
    }
}
