using EvalFramework.Collector.Storage;

namespace EvalFramework.Collector.Health;

/// <summary>Liveness and readiness. Neither says anything about the data.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).AllowAnonymous().ExcludeFromDescription();
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
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
