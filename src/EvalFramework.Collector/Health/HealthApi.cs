using EvalFramework.Collector.Storage;
using Microsoft.OpenApi;

namespace EvalFramework.Collector.Health;

/// <summary>Liveness and readiness. Neither says anything about the data.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).AllowAnonymous()
            .WithName("GetHealth").WithTags("Operations").WithSummary("Liveness: the process answers")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        app.MapGet("/readyz", async (ICollectorDatabase database, IngestWriter writer, CancellationToken cancellationToken) =>
        {
            try
            {
                var ready = writer.IsRunning && await database.IsMigratedAsync(cancellationToken);
                return ready ? Results.Text("ready") : Results.Text("not ready", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (System.Data.Common.DbException)
            {
                return Results.Text("not ready", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous()
            .WithName("GetReadiness").WithTags("Operations").WithSummary("Readiness: the database is migrated and the writer runs")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .Produces<string>(StatusCodes.Status503ServiceUnavailable, "text/plain")
            .AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
            {
                if (operation.Responses?.TryGetValue("503", out var notReady) == true && notReady is OpenApiResponse answer)
                {
                    answer.Description = "Not ready (`not ready`): the database cannot be reached or is not migrated, or the writer is not running.";
                }

                return Task.CompletedTask;
            });
        return app;
    }
}
