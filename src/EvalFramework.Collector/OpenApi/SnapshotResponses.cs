using Microsoft.OpenApi;

namespace EvalFramework.Collector.OpenApi;

/// <summary>Declares an answer that is a stored snapshot (<see cref="SnapshotSchema"/>), which no serialised type describes.</summary>
internal static class SnapshotResponses
{
    /// <summary>
    /// The answer <paramref name="status"/> as the <c>Snapshot</c> schema (<c>application/json</c>), with the long CSV
    /// beside it when <paramref name="csv"/>; when the endpoint also declares a typed answer for that status (the short
    /// <c>SnapshotCreated</c>), either of the two.
    /// </summary>
    public static RouteHandlerBuilder ProducesSnapshot(this RouteHandlerBuilder builder, int status, string description, bool csv = false) =>
        builder.AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
        {
            var document = context.Document!;
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            operation.Responses ??= [];
            IOpenApiSchema snapshot = new OpenApiSchemaReference(SnapshotSchema.Name, document);
            if (operation.Responses.TryGetValue(key, out var declared) && declared.Content?.TryGetValue("application/json", out var typed) == true
                && typed.Schema is { } other)
            {
                snapshot = new OpenApiSchema { AnyOf = [snapshot, other] };
            }

            var content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = snapshot } };
            if (csv)
            {
                content["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Long CSV: one row per case type, arm and metric." } };
            }

            operation.Responses[key] = new OpenApiResponse { Description = description, Content = content };
            return Task.CompletedTask;
        });
}
