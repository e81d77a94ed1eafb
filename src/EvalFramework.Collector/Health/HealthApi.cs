using EvalFramework.Collector.Storage;

namespace EvalFramework.Collector.Health;

/// <summary>Liveness and readiness. Neither says anything about the data.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();
        app.MapGet("/readyz", (SqliteDatabase database, IngestWriter writer) =>
        {
            try
            {
                using var connection = database.Open();
                var ready = writer.IsRunning && Migrations.CurrentVersion(connection) == Migrations.All[^1].Version;
                return ready ? Results.Text("ready") : Results.Text("not ready", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                return Results.Text("not ready", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).ExcludeFromDescription();
        return app;
    }
}
