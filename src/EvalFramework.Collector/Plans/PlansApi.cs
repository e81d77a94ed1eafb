using System.Globalization;
using EvalFramework.Collector.Auth;
using EvalFramework.Collector.Configuration;
using EvalFramework.Collector.Http;
using EvalFramework.Contract;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvalFramework.Collector.Plans;

/// <summary>
/// <c>/api/v1/plans</c>: register (freeze) a pilot's analysis plan as the collector's evaluation config has it (admin
/// right, like making a snapshot), and read a pilot's registration (read right). The first registration wins: the
/// same plan again answers the registration there is; a different plan is refused, since a registered plan is never
/// replaced. Snapshots state the registered plan and whether the plan they use differs from it.
/// </summary>
internal static class PlansApi
{
    private const int MaxBodyBytes = 4 * 1024;

    private const string Refused = "The plan registration was not accepted";

    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        api.MapPost("/plans", RegisterAsync).WithName("RegisterPlan").RequireAuthorization(ApiPolicies.Admin)
            .WithTags("Plans")
            .WithSummary("Register (freeze) a pilot's analysis plan")
            .WithDescription("Registers the plan the collector's evaluation config has for the pilot. With `planSha256` the registration happens only "
                + "if the collector's plan has that hash. The first registration wins: the same plan again answers 200 with the registration there is; "
                + "another plan is a 409, since a registered plan is never replaced. The body is at most 4 KiB.")
            .Accepts<RegisterPlanBody>("application/json")
            .Produces<PlanRegistration>(StatusCodes.Status201Created)
            .Produces<PlanRegistration>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/plans/{pilot}", GetAsync).WithName("GetPlanRegistration").RequireAuthorization(ApiPolicies.Read)
            .WithTags("Plans")
            .WithSummary("Get a pilot's registered analysis plan")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, PlanRegistrationStore store, EvaluationSettings evaluation,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, tooLarge, notJson) = await BodyReader.ReadJsonAsync(http.Request, MaxBodyBytes, CollectorJsonContext.Default.RegisterPlanBody,
            "{\"pilot\", \"planSha256\"}", Refused, cancellationToken);
        if (((IResult?)tooLarge ?? notJson) is { } refusedBody)
        {
            return refusedBody;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var pilot = BodyReader.Pilot(body?.Pilot, errors);

        // A SHA-256 in hex has the shape of the SDK's pseudonyms: 64 lower-case hex digits.
        if (body?.PlanSha256 is { } expected && !EventValidator.IsPseudonym(expected))
        {
            errors["planSha256"] = ["when given, a SHA-256 in 64 lower-case hex digits"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: Refused);
        }

        if (await http.RefusePilotAsync(ApiRights.Admin, pilot) is { } refused)
        {
            return refused;
        }

        if (evaluation.Config?.FindPilot(pilot) is not { } configured)
        {
            return Invalid("pilot", "the collector's evaluation config has no such pilot: there is no plan to register");
        }

        var plan = configured.AnalysisPlan;
        if (!plan.IsConfigured)
        {
            return Invalid("pilot", "the pilot has no analysisPlan in the collector's evaluation config: write one (alpha, primary, guardrails) before registering it");
        }

        if (body!.PlanSha256 is { } wanted && wanted != plan.Sha256)
        {
            return Conflict($"planSha256: the collector's analysis plan for this pilot has sha256 {plan.Sha256}, not {wanted} (the plan given): the collector runs another config than the one read; nothing was registered.");
        }

        var (registration, created) = await store.RegisterAsync(pilot, plan, time.GetUtcNow(), cancellationToken);
        var location = "/api/v1/plans/" + pilot;
        if (created)
        {
            return TypedResults.Created(location, registration);
        }

        return registration.Sha256 == plan.Sha256
            ? TypedResults.Ok(registration)
            : Conflict(string.Create(CultureInfo.InvariantCulture,
                $"pilot: another analysis plan is registered for this pilot (sha256 {registration.Sha256}, registered {registration.RegisteredAt:yyyy-MM-dd'T'HH:mm:ss'Z'}); the collector's plan has sha256 {plan.Sha256}. A registered plan is never replaced: snapshots made with the changed plan say that it changed after registration."));
    }

    private static async Task<Results<Ok<PlanRegistration>, ProblemHttpResult, ValidationProblem>> GetAsync(
        HttpContext http, PlanRegistrationStore store, string pilot, CancellationToken cancellationToken)
    {
        if (!EventValidator.IsPilotSlug(pilot))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pilot"] = ["a pilot slug ([a-z0-9][a-z0-9-]{0,62})"] },
                title: "The query was not accepted");
        }

        if (await http.RefusePilotAsync(ApiRights.Read, pilot) is { } refused)
        {
            return refused;
        }

        return await store.FindAsync(pilot, cancellationToken) is { } registration
            ? TypedResults.Ok(registration)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: "pilot: the pilot's analysis plan is not registered (evalctl plan register).");
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: Refused);

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Refused, detail: detail);
}
