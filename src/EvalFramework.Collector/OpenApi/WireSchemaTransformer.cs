using EvalFramework.Contract;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EvalFramework.Collector.OpenApi;

/// <summary>
/// What the schemas cannot learn from the source-generated JSON metadata alone: <see cref="WireEvent.Time"/> goes through
/// a custom converter (<see cref="Rfc3339Converter"/>), so it is declared as the RFC 3339 string it is on the wire; the
/// batch's <c>events</c> are required, 1 to <see cref="EventBatch.MaxEvents"/> (the parser's rule, not the type's); and
/// numbers are numbers: the web defaults would also admit them as strings in the schema, which no answer ever sends and
/// no request body here is read with.
/// </summary>
internal sealed class WireSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (context.JsonPropertyInfo is { } property && property.DeclaringType == typeof(WireEvent) && property.Name == "time")
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = "date-time";
            schema.Description = "When it happened: RFC 3339 with an offset; not before 2000-01-01, at most five minutes in the future.";
        }

        if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Type == typeof(EventBatch)
            && schema.Properties?.TryGetValue("events", out var events) == true && events is OpenApiSchema list)
        {
            schema.Required = new HashSet<string>(StringComparer.Ordinal) { "events" };
            list.Type = JsonSchemaType.Array;
            list.MinItems = 1;
            list.MaxItems = EventBatch.MaxEvents;
        }

        return Task.CompletedTask;
    }
}
